import { VendorError } from '../sources/vendor-error';

/** The vendor answered 404: it does not know the id. */
export function isNotFound(error: unknown): boolean {
  return error instanceof VendorError && error.code === 'NOT_FOUND';
}

/** The loaded value, or null where the vendor answered 404; any other failure is thrown. */
export async function orNull<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Loaded values in the order asked, skipping ids the vendor does not know; any other failure is thrown. */
export function foundOnly<T>(results: ReadonlyArray<T | Error>): T[] {
  const failure = results.find((result): result is Error => result instanceof Error && !isNotFound(result));
  if (failure) throw failure;
  return results.filter((result): result is T => !(result instanceof Error));
}

/** Loaded values in the order asked, null where the vendor does not know the id; any other failure is thrown. */
export function nullWhereNotFound<T>(results: ReadonlyArray<T | Error>): Array<T | null> {
  return results.map((result) => {
    if (!(result instanceof Error)) return result;
    if (isNotFound(result)) return null;
    throw result;
  });
}
