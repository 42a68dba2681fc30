/**
 * The iterator of `source`, calling `place.release()` once when it ends: done, failed, or returned by its
 * consumer (graphql-ws and SSE call `return()` when the client unsubscribes or goes away). An
 * `async function*` wrapper would not do: its `return()` waits for a pending `next()`, so a quiet
 * subscription would hold its place until its next event.
 */
export function releasedWhenDone<T>(source: AsyncIterable<T>, place: { release(): void }): AsyncIterableIterator<T> {
  return new ReleasedWhenDone(source[Symbol.asyncIterator](), place);
}

/** A class with plain promise methods: every open subscription holds one, idle for hours. */
class ReleasedWhenDone<T> implements AsyncIterableIterator<T> {
  private released = false;

  constructor(
    private readonly iterator: AsyncIterator<T>,
    private readonly place: { release(): void },
  ) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    return this.iterator.next().then(
      (result) => {
        if (result.done) this.releaseOnce();
        return result;
      },
      (error: unknown) => {
        this.releaseOnce();
        throw error;
      },
    );
  }

  async return(value?: unknown): Promise<IteratorResult<T>> {
    this.releaseOnce();
    return (await this.iterator.return?.(value)) ?? { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    this.releaseOnce();
    if (this.iterator.throw) return this.iterator.throw(error);
    throw error;
  }

  private releaseOnce(): void {
    if (this.released) return;
    this.released = true;
    this.place.release();
  }
}
