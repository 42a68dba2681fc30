/** What a rejected call gave, as the Error a DataLoader answers for its key. */
export function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/**
 * A DataLoader batch function for vendors with no batch reads: one call per key, all at once,
 * and a key whose call fails gets its own error, so one bad key never fails the others.
 */
export function eachKey<V>(load: (key: string) => Promise<V>) {
  return async (keys: readonly string[]): Promise<Array<V | Error>> => {
    const settled = await Promise.allSettled(keys.map(load));
    return settled.map((result) => (result.status === 'fulfilled' ? result.value : asError(result.reason)));
  };
}
