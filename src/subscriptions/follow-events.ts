import { compareEventIds, EventsExpiredError, type EventListener, type EventLog, type StoredEvent } from './event-log';
import { eventHubOf, type EventHub } from './event-hub';
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

/**
 * An agency's wanted events pushed to a sink as one ordered stream: those stored after the
 * cursor (`after`), then live ones, with no gap and no duplicate at the seam.
 *
 * A subscriber that keeps up costs no buffer: each live event goes straight to its sink. One
 * whose sink fills (a slow socket, a burst), or that may have missed events (a Redis reconnect),
 * waits until the sink can take more, then reads the log from the last event it was given: the
 * log is the durable copy, so nothing is lost and a slow subscriber costs bounded memory. While it
 * reads, live events are held (up to HELD_LIMIT) for the seam; anything at or before the last
 * event given is skipped, so nothing is given twice. A read of the log that fails is tried again
 * rather than ending the feed, since a read-back is due precisely when the log's Redis has just
 * come back; only a cursor the log no longer covers (`EventsExpiredError`) ends it.
 *
 * A class rather than closures: ten thousand subscribers each hold one, and its methods are shared.
 */
export class EventFeed implements EventListener {
  private lastId: string | undefined;
  private live = false;
  private reading = false;
  private stopped = false;
  /** Live events that came while reading the log; undefined when too many came and the log is to be read again. */
  private held: StoredEvent[] | undefined = [];
  /** A resync while reading: what it read may have missed events. */
  private resyncDue = false;
  private wake: (() => void) | undefined;
  private readonly hub: EventHub;
  private readonly listening: Promise<() => Promise<void>>;

  constructor(
    log: EventLog,
    private readonly agencyId: string,
    private readonly interest: EventInterest,
    private readonly sink: EventSink,
    after: string | undefined,
  ) {
    this.lastId = after;
    this.hub = eventHubOf(log);
    this.listening = this.hub.listen(agencyId, interest, this);
    this.listening.then(() => this.start(after), () => undefined).catch((error: unknown) => this.fail(error));
    this.listening.catch((error: unknown) => this.fail(error));
  }

  onEvent(event: StoredEvent): void {
    if (this.live) {
      if (this.isNew(event) && !this.give(event)) {
        this.live = false;
        void this.waitWritable().then(() => this.catchUp(true));
      }
    } else if (this.held) {
      if (this.held.length < HELD_LIMIT) this.held.push(event);
      else this.held = undefined;
    }
  }

  onResync(): void {
    if (this.live) {
      this.live = false;
      void this.catchUp(true);
    } else {
      this.resyncDue = true;
      this.wake?.();
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.live = false;
    this.wake?.();
    const unlisten = await this.listening.catch(() => undefined);
    await unlisten?.();
  }

  private async start(after: string | undefined): Promise<void> {
    // Live from now: the newest stored event marks the start, and what came meanwhile is held.
    if (after === undefined) this.lastId = await this.hub.newestId(this.agencyId);
    await this.catchUp(after !== undefined);
  }

  private give(event: StoredEvent): boolean {
    this.lastId = event.id;
    return this.sink.give(event);
  }

  private isNew(event: StoredEvent): boolean {
    return this.lastId === undefined || compareEventIds(event.id, this.lastId) > 0;
  }

  /** Until the sink can take events again, or the feed stops. */
  private waitWritable(): Promise<void> {
    return Promise.race([this.sink.writable(), new Promise<void>((resolve) => (this.wake = resolve))]);
  }

  /** Reads the log from `lastId` until it has given everything up to the live events held meanwhile, then goes live. */
  private async catchUp(readFirst: boolean): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      for (let read = readFirst; !this.stopped; read = true) {
        let page: StoredEvent[] = [];
        if (read) {
          this.held = [];
          this.resyncDue = false;
          try {
            page = await this.hub.readAfter(this.agencyId, this.lastId, PAGE);
          } catch (error) {
            if (error instanceof EventsExpiredError) return this.fail(error);
            await new Promise<void>((resolve) => {
              this.wake = resolve;
              setTimeout(resolve, READ_AGAIN_MS).unref();
            });
            continue;
          }
        }
        if (!this.giveAll(page, true)) {
          await this.waitWritable();
          continue;
        }
        if (page.length === PAGE || this.resyncDue || !this.held) continue;
        // From here to going live nothing is awaited: an event arriving in between would be neither held nor given.
        const waiting = this.held;
        this.held = undefined;
        if (!this.giveAll(waiting, false)) {
          await this.waitWritable();
          continue;
        }
        this.live = !this.stopped;
        return;
      }
    } finally {
      this.reading = false;
    }
  }

  /** Gives `events` in order, synchronously; false when the sink filled, so the log is to be read again from there. */
  private giveAll(events: StoredEvent[], filter: boolean): boolean {
    for (const event of events) {
      if (this.stopped) return false;
      if (!this.isNew(event)) continue;
      if (filter && !accepts(this.interest, event)) {
        this.lastId = event.id;
        continue;
      }
      if (!this.give(event)) return false;
    }
    return true;
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    void this.stop();
    this.sink.fail(error);
  }
}

export interface FollowOptions {
  after?: string;
  interest: EventInterest;
  /** Events queued for a reader slower than they come, before the feed falls back to the log. @default 1000 */
  queueLimit?: number;
}

/** The feed as an async iterator, for transports that pull (SSE, tests): events wait in a bounded queue. */
export function followEvents(log: EventLog, agencyId: string, options: FollowOptions): AsyncIterableIterator<StoredEvent> {
  return new QueuedEvents(log, agencyId, options);
}

class QueuedEvents implements EventSink, AsyncIterableIterator<StoredEvent> {
  private readonly queue: StoredEvent[] = [];
  private readonly limit: number;
  private readonly feed: EventFeed;
  private failure: { error: unknown } | undefined;
  private done = false;
  private wakeReader: (() => void) | undefined;
  private drained: (() => void) | undefined;

  constructor(log: EventLog, agencyId: string, options: FollowOptions) {
    this.limit = options.queueLimit ?? HELD_LIMIT;
    this.feed = new EventFeed(log, agencyId, options.interest, this, options.after);
  }

  give(event: StoredEvent): boolean {
    this.queue.push(event);
    this.wakeUp();
    return this.queue.length < this.limit;
  }

  writable(): Promise<void> {
    return new Promise<void>((resolve) => (this.drained = resolve));
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.wakeUp();
  }

  async next(): Promise<IteratorResult<StoredEvent>> {
    for (;;) {
      const event = this.queue.shift();
      if (event) {
        if (this.queue.length === 0) this.drained?.();
        return { done: false, value: event };
      }
      if (this.failure) {
        await this.return();
        throw this.failure.error;
      }
      if (this.done) return { done: true, value: undefined };
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
  }

  async return(): Promise<IteratorResult<StoredEvent>> {
    this.done = true;
    this.queue.length = 0;
    this.wakeUp();
    await this.feed.stop();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<StoredEvent>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StoredEvent> {
    return this;
  }

  private wakeUp(): void {
    this.wakeReader?.();
    this.wakeReader = undefined;
  }
}
