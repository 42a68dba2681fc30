import { compareEventIds, EventsExpiredError, type EventListener, type EventLog, type StoredEvent } from './event-log';
import { eventHubOf } from './event-hub';
import { accepts, type EventInterest } from './event-interest';

const PAGE = 500;
/** Live events held while a subscriber reads the log (a replay, a catch-up); past this, it reads the log again instead. */
const HELD_LIMIT = 1_000;
/** A read of the log that failed (its Redis away for a moment) is tried again after this, or at the log's next resync. */
const READ_AGAIN_MS = 500;

/** Where a feed hands its events: a socket, or a queue an iterator reads. */
export interface EventSink {
  /** Takes one event; false when it cannot take more for now (a full socket, a full queue). */
  give(event: StoredEvent): boolean;
  /** Settles once the sink can take events again. */
  writable(): Promise<void>;
  /** The feed has ended with this error. */
  fail(error: unknown): void;
}

export interface FeedOptions {
  /** Replay the events after this id before going live; live from now when absent. */
  after?: string;
  interest: EventInterest;
  sink: EventSink;
}

export interface EventFeed {
  stop(): Promise<void>;
}

/**
 * An agency's wanted events pushed to a sink as one ordered stream: those stored after the
 * cursor, then live ones, with no gap and no duplicate at the seam.
 *
 * A subscriber that keeps up costs no buffer: each live event goes straight to its sink. One
 * whose sink fills (a slow socket, a burst), or that may have missed events (a Redis reconnect),
 * waits until the sink can take more, then reads the log from the last event it was given: the
 * log is the durable copy, so nothing is lost and a slow subscriber costs bounded memory. While it
 * reads, live events are held (up to HELD_LIMIT) for the seam; anything at or before the last
 * event given is skipped, so nothing is given twice. A read of the log that fails is tried again
 * rather than ending the feed, since a read-back is due precisely when the log's Redis has just
 * come back; only a cursor the log no longer covers (`EventsExpiredError`) ends it.
 */
export function startEventFeed(log: EventLog, agencyId: string, { after, interest, sink }: FeedOptions): EventFeed {
  let lastId = after;
  let live = false;
  let reading = false;
  let stopped = false;
  // Live events that came while reading the log; undefined when too many came and the log is to be read again.
  let held: StoredEvent[] | undefined = [];
  // A resync while reading: what it read may have missed events.
  let resyncDue = false;
  let wake: (() => void) | undefined;
  let onStop!: () => void;
  const stoppedSignal = new Promise<void>((resolve) => (onStop = resolve));

  const give = (event: StoredEvent): boolean => {
    lastId = event.id;
    return sink.give(event);
  };
  const isNew = (event: StoredEvent) => lastId === undefined || compareEventIds(event.id, lastId) > 0;
  const waitWritable = () => Promise.race([sink.writable(), stoppedSignal]);

  const listener: EventListener = {
    onEvent(event) {
      if (live) {
        if (isNew(event) && !give(event)) {
          live = false;
          void waitWritable().then(() => catchUp(true));
        }
      } else if (held) {
        if (held.length < HELD_LIMIT) held.push(event);
        else held = undefined;
      }
    },
    onResync() {
      if (live) {
        live = false;
        void catchUp(true);
      } else {
        resyncDue = true;
        wake?.();
      }
    },
  };

  /** Reads the log from `lastId` until it has given everything up to the live events held meanwhile, then goes live. */
  async function catchUp(readFirst: boolean): Promise<void> {
    if (reading) return;
    reading = true;
    try {
      for (let read = readFirst; !stopped; read = true) {
        let page: StoredEvent[] = [];
        if (read) {
          held = [];
          resyncDue = false;
          try {
            page = await log.readAfter(agencyId, lastId, PAGE);
          } catch (error) {
            if (error instanceof EventsExpiredError) return fail(error);
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, READ_AGAIN_MS).unref();
            });
            wake = undefined;
            continue;
          }
        }
        if (!giveAll(page, true)) {
          await waitWritable();
          continue;
        }
        if (page.length === PAGE || resyncDue || !held) continue;
        // From here to going live nothing is awaited: an event arriving in between would be neither held nor given.
        const waiting = held;
        held = undefined;
        if (!giveAll(waiting, false)) {
          await waitWritable();
          continue;
        }
        live = !stopped;
        return;
      }
    } finally {
      reading = false;
    }
  }

  /** Gives `events` in order, synchronously; false when the sink filled, so the log is to be read again from there. */
  function giveAll(events: StoredEvent[], filter: boolean): boolean {
    for (const event of events) {
      if (stopped) return false;
      if (!isNew(event)) continue;
      if (filter && !accepts(interest, event)) {
        lastId = event.id;
        continue;
      }
      if (!give(event)) return false;
    }
    return true;
  }

  function fail(error: unknown): void {
    if (stopped) return;
    void stop();
    sink.fail(error);
  }

  const listening = eventHubOf(log).listen(agencyId, interest, listener);
  listening.then(
    async () => {
      // Live from now: the newest stored event marks the start, and what came meanwhile is held.
      if (after === undefined) lastId = await log.newestId(agencyId);
      await catchUp(after !== undefined);
    },
    () => undefined,
  ).catch(fail);
  listening.catch(fail);

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    live = false;
    onStop();
    wake?.();
    const unlisten = await listening.catch(() => undefined);
    await unlisten?.();
  }
  return { stop };
}

export interface FollowOptions {
  after?: string;
  interest: EventInterest;
  /** Events queued for a reader slower than they come, before the feed falls back to the log. @default 1000 */
  queueLimit?: number;
}

/** The feed as an async iterator, for transports that pull (SSE, tests): events wait in a bounded queue. */
export function followEvents(log: EventLog, agencyId: string, options: FollowOptions): AsyncIterableIterator<StoredEvent> {
  const limit = options.queueLimit ?? HELD_LIMIT;
  const queue: StoredEvent[] = [];
  let failure: { error: unknown } | undefined;
  let done = false;
  let wakeReader: (() => void) | undefined;
  let drained: (() => void) | undefined;
  const wakeUp = () => {
    wakeReader?.();
    wakeReader = undefined;
  };
  const feed = startEventFeed(log, agencyId, {
    after: options.after,
    interest: options.interest,
    sink: {
      give(event) {
        queue.push(event);
        wakeUp();
        return queue.length < limit;
      },
      writable: () => new Promise<void>((resolve) => (drained = resolve)),
      fail(error) {
        failure = { error };
        wakeUp();
      },
    },
  });

  const finish = async (): Promise<IteratorResult<StoredEvent>> => {
    done = true;
    queue.length = 0;
    wakeUp();
    await feed.stop();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<StoredEvent> = {
    async next() {
      for (;;) {
        const event = queue.shift();
        if (event) {
          if (queue.length === 0) drained?.();
          return { done: false, value: event };
        }
        if (failure) {
          await finish();
          throw failure.error;
        }
        if (done) return { done: true, value: undefined };
        await new Promise<void>((resolve) => (wakeReader = resolve));
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
