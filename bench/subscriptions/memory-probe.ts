import { writeHeapSnapshot } from 'node:v8';

/**
 * Loaded into a server child process with `--import` (by absolute path, so an earlier checkout
 * gets this bench's probe): on the bench's `memory` IPC message it collects garbage (the child
 * runs with `--expose-gc`) and answers with its own heap and RSS, so what is measured is the
 * server's memory, not the load generator's; on `{ snapshot: path }` it writes a V8 heap snapshot
 * there, after the same GC, and answers with the path.
 */
process.on('message', (message: unknown) => {
  // Twice: the first pass can leave objects that only become unreachable once finalisers ran.
  const collect = () => {
    globalThis.gc?.();
    globalThis.gc?.();
  };
  if (message === 'memory') {
    collect();
    const { heapUsed, rss } = process.memoryUsage();
    process.send?.({ heapUsed, rss });
  } else if (typeof message === 'object' && message !== null && 'snapshot' in message) {
    collect();
    process.send?.({ snapshot: writeHeapSnapshot(String(message.snapshot)) });
  }
});
