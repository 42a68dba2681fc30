/**
 * The iterator of `source`, calling `release` once when it ends: done, failed, or returned by its
 * consumer (graphql-ws and SSE call `return()` when the client unsubscribes or goes away). An
 * `async function*` wrapper would not do: its `return()` waits for a pending `next()`, so a quiet
 * subscription would hold its place until its next event.
 */
export function releasedWhenDone<T>(source: AsyncIterable<T>, release: () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let released = false;
  const releaseOnce = () => {
    if (released) return;
    released = true;
    release();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const result = await iterator.next();
        if (result.done) releaseOnce();
        return result;
      } catch (error) {
        releaseOnce();
        throw error;
      }
    },
    async return(value?: unknown) {
      releaseOnce();
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      releaseOnce();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}
