import { compareEventIds, EventsExpiredError, type EventLog, type StoredEvent } from './event-log';

const PAGE = 500;
/** Live events held for one subscriber that reads slower than they come; past this, it reads the log instead. */
const LIVE_LIMIT = 1_000;
/** A read of the log that failed (its Redis away for a moment) is tried again after this, or at the log's next resync. */
const READ_AGAIN_MS = 500;

export interface FollowOptions {
  /** Replay the events after this id before going live; live from now when absent. */
  after?: string;
  /** Which events the subscriber wants. */
  accept: (event: StoredEvent) => boolean;
  /** Live events held for a slow subscriber before it falls back to reading the log. @default 1000 */
  liveLimit?: number;
}

/**
 * An agency's events as one ordered stream: those stored after the cursor, then live ones,
 * with no gap and no duplicate at the seam.
 *
 * Live events wait in a bounded queue until the subscriber asks for them. A subscriber that
 * falls further behind than the queue holds (a slow socket, a burst), or that may have missed
 * some (a Redis reconnect), drops the queue and reads the log from the last event it was given:
 * the log is the durable copy, so nothing is lost and a slow subscriber costs bounded memory.
 * Anything at or before the last event given is skipped, so nothing is given twice. A read of
 * the log that fails is tried again rather than ending the stream, since a read-back is due
 * precisely when the log's Redis has just come back, and may be lost again; only a cursor the
 * log no longer covers (`EventsExpiredError`) ends it.
 */
export function followEvents(log: EventLog, agencyId: string, options: FollowOptions): AsyncIterableIterator<StoredEvent> {
  const liveLimit = options.liveLimit ?? LIVE_LIMIT;
  let lastId = options.after;
  // Events read from the log, given before anything live.
  let replay: StoredEvent[] = [];
  let live: StoredEvent[] = [];
  // Whether the log may hold events after `lastId` that `live` does not: a replay, an overflow, a resync.
  let behind = options.after !== undefined;
  let done = false;
  let waiting: Array<() => void> = [];
  const signal = () => {
    for (const wake of waiting) wake();
    waiting = [];
  };

  const listening = log.listen(agencyId, {
    onEvent(event) {
      if (done || !options.accept(event)) return;
      if (live.length >= liveLimit) {
        live = [];
        behind = true;
      } else live.push(event);
      signal();
    },
    onResync() {
      behind = true;
      signal();
    },
  });
  // Live only: the newest stored event marks the start, so a fall-back to the log knows where to read from.
  const started = listening.then(async () => {
    if (options.after === undefined) lastId = await log.newestId(agencyId);
  });
  // A failure to start is reported by the first next(), not as an unhandled rejection.
  started.catch(() => undefined);

  async function take(): Promise<StoredEvent | undefined> {
    await started;
    for (;;) {
      if (done) return undefined;
      const event = replay.shift() ?? (behind ? undefined : live.shift());
      if (event) {
        if (lastId !== undefined && compareEventIds(event.id, lastId) <= 0) continue;
        lastId = event.id;
        if (options.accept(event)) return event;
        continue;
      }
      if (behind) {
        // Cleared before reading: an overflow or a resync while the page is read sets it again.
        behind = false;
        live = [];
        let page: StoredEvent[];
        try {
          page = await log.readAfter(agencyId, lastId, PAGE);
        } catch (error) {
          if (error instanceof EventsExpiredError) throw error;
          behind = true;
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            setTimeout(resolve, READ_AGAIN_MS).unref();
          });
          continue;
        }
        replay = page;
        if (page.length === PAGE) behind = true;
        continue;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  async function finish(): Promise<IteratorResult<StoredEvent>> {
    if (!done) {
      done = true;
      signal();
      const unlisten = await listening.catch(() => undefined);
      await unlisten?.();
    }
    return { done: true, value: undefined };
  }

  const iterator: AsyncIterableIterator<StoredEvent> = {
    async next() {
      try {
        const event = await take();
        return event ? { done: false, value: event } : await finish();
      } catch (error) {
        await finish();
        throw error;
      }
    },
    return: finish,
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
