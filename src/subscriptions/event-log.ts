/**
 * One accepted vendor notification, as stored and as delivered to subscribers. Topics and
 * payload types are in `topics.ts`; this layer moves events without looking inside them.
 */
export interface StoredEvent<Payload = unknown> {
  /** Position in the agency's log, usable as the `after` cursor: `<ms>-<seq>`, ordered. */
  id: string;
  /** When the gateway accepted the notification, ISO 8601. */
  receivedAt: string;
  topic: string;
  /** The tenants the event is about (normalised e-mails), for `tenantEvents`. */
  tenantEmails: string[];
  /** The vendor object the event is about: a canopyReferenceId or a reposit id. */
  subjectId: string;
  payload: Payload;
  /** The W3C trace context of the webhook that stored it, when that was traced: deliveries link to it. */
  traceparent?: string;
}

export type NewEvent<Payload = unknown> = Omit<StoredEvent<Payload>, 'id'>;

export interface AppendResult {
  id: string;
  /** True when this delivery repeated one already stored: nothing new was stored or published. */
  duplicate: boolean;
}

/**
 * The durable, bounded log of an agency's events, and the live fan-out of each new one.
 * `append` stores, deduplicates and publishes as one step: an event is either stored and
 * published once, or, for a repeated delivery, neither.
 */
export interface EventLog {
  /** @param dedupeKey identifies the vendor's notification, the same for every retry of it */
  append(agencyId: string, dedupeKey: string, event: NewEvent): Promise<AppendResult>;
  /**
   * Up to `count` events after the cursor (exclusive), oldest first; from the start when no cursor.
   * Rejects with `EventsExpiredError` when events after the cursor may have been trimmed, rather
   * than skip them.
   */
  readAfter(agencyId: string, after: string | undefined, count: number): Promise<StoredEvent[]>;
  /** The oldest event still kept, if any: a cursor before it has lost events to trimming. */
  oldestId(agencyId: string): Promise<string | undefined>;
  /** The newest event stored, if any. */
  newestId(agencyId: string): Promise<string | undefined>;
  /**
   * Calls `listener` for every event appended from now on, on any instance sharing the log,
   * and `onResync` when live delivery may have missed events (a reconnect), so the caller can
   * read them back with `readAfter`. Resolves once listening; the function it returns stops.
   */
  listen(agencyId: string, listener: EventListener): Promise<() => Promise<void>>;
  dispose(): Promise<void>;
}

export interface EventListener {
  onEvent(event: StoredEvent): void;
  onResync(): void;
}

/** The log no longer holds every event after a cursor: reading on would skip some. */
export class EventsExpiredError extends Error {
  override name = 'EventsExpiredError';
  constructor(readonly oldestId: string | undefined) {
    super(`the events after this cursor are no longer all kept: the oldest kept is ${oldestId ?? 'none'}`);
  }
}

/**
 * Whether events after `after` may have been trimmed: the log has trimmed some, and the cursor is
 * older than the oldest kept. (A cursor at the very last trimmed event counts too: the log does not
 * know which ids it trimmed, so it fails closed.)
 */
export function cursorExpired(after: string, oldestId: string | undefined, trimmed: boolean): boolean {
  return trimmed && (oldestId === undefined || compareEventIds(after, oldestId) < 0);
}

/**
 * Compares two log ids (`<ms>-<seq>`) in log order. Every subscriber compares every live event's
 * id with its last one, so this reads the digits in place rather than splitting the strings.
 */
export function compareEventIds(a: string, b: string): number {
  if (a === b) return 0;
  const aDash = dashIn(a);
  const bDash = dashIn(b);
  return decimalAt(a, 0, aDash) - decimalAt(b, 0, bDash) || decimalAt(a, aDash + 1, a.length) - decimalAt(b, bDash + 1, b.length);
}

/** The index of an id's dash, or its length when it has none (`<ms>` alone reads as `<ms>-0`). */
function dashIn(id: string): number {
  const dash = id.indexOf('-');
  return dash < 0 ? id.length : dash;
}

/** The decimal number `text` holds from `start` to `end`; ids are validated (`isEventId`) before they are compared. */
function decimalAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) value = value * 10 + (text.charCodeAt(at) - 48);
  return value;
}

export function isEventId(value: string): boolean {
  return /^\d+-\d+$/.test(value);
}
