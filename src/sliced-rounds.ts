/**
 * A collection visited a slice a tick, each entry once a round of `slices` ticks: for work over
 * every socket or subscription that, done at once, held the event loop (and Redis) for tens of
 * milliseconds. Call the returned function once a tick for that tick's share. The collection's
 * iterator is live: entries added during a round are visited in their turn, those removed are not.
 */
export function slicedRounds<T>(collection: Iterable<T> & { readonly size: number }, slices: number): () => T[] {
  let turn: Iterator<T> | undefined;
  let ticks = 0;
  return () => {
    // A round starts every `slices` ticks, however few entries there are.
    if (ticks++ % slices === 0) turn = collection[Symbol.iterator]();
    const slice: T[] = [];
    for (let share = Math.ceil(collection.size / slices); turn && share > 0; share--) {
      const next = turn.next();
      if (next.done) turn = undefined;
      else slice.push(next.value);
    }
    return slice;
  };
}
