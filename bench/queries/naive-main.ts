import DataLoader from 'dataloader';

/**
 * src/main.ts with every DataLoader turned into a plain call: each `load` runs the batch function
 * for its one key, with no batching and no cache. It gives the REST calls of a resolver set with
 * no loaders, for comparison; the gateway itself is unchanged.
 */
type BatchLoad = DataLoader.BatchLoadFn<unknown, unknown>;
const load = DataLoader.prototype.load;
DataLoader.prototype.load = function naiveLoad(this: DataLoader<unknown, unknown>, key: unknown) {
  // The batch function is private to DataLoader; reading it is the point of this bench-only patch.
  const batchLoad = (this as unknown as { _batchLoadFn: BatchLoad })._batchLoadFn;
  return load.call(new DataLoader(batchLoad, { batch: false, cache: false }), key);
};

await import('../../src/main');
