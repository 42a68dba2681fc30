import { VendorError } from '../../sources/vendor-error';

export function isNotFound(error: unknown): boolean {
  return error instanceof VendorError && error.code === 'NOT_FOUND';
}

/** The loaded value, or null where Canopy answered 404; any other failure is thrown. */
export async function orNull<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
