/**
 * Loaded into a gateway child process with `--import`: on `usage` it answers its heap and CPU
 * time as they are (no forced GC, which would stall the gateway once a second under load); on
 * `memory` it collects garbage first (the child runs with `--expose-gc`), for the start and end figures.
 */
process.on('message', (message) => {
  if (message !== 'usage' && message !== 'memory') return;
  if (message === 'memory') {
    // Twice: the first pass can leave objects that only become unreachable once finalisers ran.
    globalThis.gc?.();
    globalThis.gc?.();
  }
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ heapUsed, rss });
});
