import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this long in all. */
  timeoutMs: number;
  /** Give up sooner when `progress()` has not changed for this long. */
  idleMs: number;
  progress: () => number;
}

/** Polls until `done()`; false when it gave up (on the timeout, or when progress stalled). */
export async function waitUntil(done: () => boolean, options: WaitOptions): Promise<boolean> {
  const started = Date.now();
  let last = options.progress();
  let lastChange = started;
  while (!done()) {
    const now = Date.now();
    if (now - started > options.timeoutMs || now - lastChange > options.idleMs) return false;
    await sleep(20);
    const current = options.progress();
    if (current !== last) {
      last = current;
      lastChange = Date.now();
    }
  }
  return true;
}
