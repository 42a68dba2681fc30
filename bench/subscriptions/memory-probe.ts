/**
 * Loaded into a gateway child process with `--import`: on the bench's `memory` IPC message it
 * collects garbage (the child runs with `--expose-gc`) and answers with its own heap and RSS,
 * so what is measured is the gateway's memory, not the load generator's.
 */
process.on('message', (message) => {
  if (message !== 'memory') return;
  // Twice: the first pass can leave objects that only become unreachable once finalisers ran.
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ heapUsed, rss });
});
