import type { Span } from '@opentelemetry/api';
import type { ExecutionResult } from 'graphql';
import { createGraphQLError, isPromise } from 'graphql-yoga';
import { createLoaders, type GatewayContext } from '../../context';
import { EventsExpiredError, isEventId, type StoredEvent } from '../../subscriptions/event-log';
import type { EventInterest } from '../../subscriptions/event-interest';
import { fieldNamedIn, PayloadError } from '../../sources/normalise';
import { decodeEvent, type GatewayEvent } from '../../subscriptions/events';
import type { Topic } from '../../subscriptions/topics';
import { EventFeed, followEvents, type EventSink } from '../../subscriptions/follow-events';
import { FramedSubscription } from '../../subscriptions/framed-subscription';
import type { OperationFrames } from '../../subscriptions/operation-frames';
import { startDeliverySpan } from '../../telemetry/delivery-span';
import { diagnose } from '../../logging/diagnostics';

/**
 * One event on its way to a subscriber, with a context of its own: graphql-ws builds the context
 * once per operation, so without fresh loaders every event would be served stale vendor data.
 */
export interface EventParent<E extends GatewayEvent = GatewayEvent> {
  event: E;
  context: GatewayContext;
}

/** The parent of one topic's events. */
export type TopicParent<T extends Topic> = EventParent<Extract<GatewayEvent, { topic: T }>>;

/** The parent of any event, as a union by topic (what a union of event types resolves from). */
export type AnyEventParent = { [T in Topic]: TopicParent<T> }[Topic];

/** An event's answers for one operation: each worked out once, however many subscribers share it. */
export interface EventAnswers {
  answer(event: GatewayEvent): Promise<ExecutionResult> | ExecutionResult;
}

/**
 * The log hands every listener the same stored object, so an event that reaches ten thousand
 * subscribers is decoded once, not ten thousand times. Resolvers only read the decoded event.
 * `null` marks a stored event that no longer reads.
 */
const decoded = new WeakMap<StoredEvent, GatewayEvent | null>();

/**
 * The stored event as the gateway's event, or undefined when today's readers refuse what an
 * earlier version accepted and stored: it is skipped with a log line, since failing the stream
 * would stop every subscriber whose replay reaches it, again at each resubscription.
 */
function decodeOnce(stored: StoredEvent): GatewayEvent | undefined {
  let event = decoded.get(stored);
  if (event === undefined) {
    try {
      event = decodeEvent(stored);
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      diagnose('warn', 'events', `stored event ${stored.id} (${stored.topic}) no longer reads (${fieldNamedIn(error.message) ?? 'payload'}); skipped`);
      event = null;
    }
    decoded.set(stored, event);
  }
  return event ?? undefined;
}

/** What an event's answer reads of its subscription's context: the caller and the agency's services, none of the request's own state. */
export type EventContextBase = Omit<GatewayContext, 'loaders' | 'operation' | 'frames'>;

/** The part of a subscription's context its events are answered with; kept for as long as the subscription, so no more than that. */
export function eventContextBase(ctx: GatewayContext): EventContextBase {
  const { principal, agency, clients, links, reportDocuments, reportLinks, callbackUrls, events, admin } = ctx;
  return { principal, agency, clients, links, reportDocuments, reportLinks, callbackUrls, events, admin };
}

/**
 * The context an event is answered in, with loaders of its own (made as resolvers ask for them):
 * the context is built once per subscription, and an event must not be served another's vendor data.
 */
export function eventContext(base: EventContextBase): GatewayContext {
  return { ...base, loaders: createLoaders(base.clients, base.links, base.reportDocuments, base.agency) };
}

/** Answers taken from an event in flight before the next is sent; past this, the feed waits, then reads the log. */
const ANSWERS_IN_FLIGHT = 100;

/**
 * The agency's events that `interest` wants, replayed after `after` then live. Pulled as an
 * iterator of event parents (SSE), or, over graphql-ws, pushed straight to the socket with
 * `sendAsFrames`, so a delivery costs a write and nothing per layer. Ending it stops following
 * the log at once: an async generator's own `return()` would wait for the event it is waiting
 * for, which a quiet agency may not send for hours, and keep its listener until then.
 */
export class EventStream<P extends EventParent = AnyEventParent> implements AsyncIterableIterator<P> {
  private pulled: AsyncIterableIterator<StoredEvent> | undefined;
  /** What each pulled event is answered in, taken from the context once. */
  private base: EventContextBase | undefined;
  /** The span of the event last pulled: it ends when the next is asked for, once that one was sent. */
  private delivery: Span | undefined;

  constructor(
    private readonly ctx: GatewayContext,
    private readonly after: string | null | undefined,
    private readonly interest: EventInterest,
  ) {}

  async next(): Promise<IteratorResult<P>> {
    this.delivery?.end();
    this.delivery = undefined;
    this.pulled ??= followEvents(this.ctx.events, this.ctx.agency.id, { after: this.cursor(), interest: this.interest });
    try {
      for (;;) {
        const step = await this.pulled.next();
        if (step.done) return step;
        const event = decodeOnce(step.value);
        if (!event) continue;
        this.delivery = startDeliverySpan(step.value, this.ctx.agency.id);
        // The interest admitted only the topics P covers.
        return { done: false, value: { event, context: eventContext((this.base ??= eventContextBase(this.ctx))) } as P };
      }
    } catch (error) {
      throw clientError(error);
    }
  }

  async return(): Promise<IteratorResult<P>> {
    this.delivery?.end();
    this.delivery = undefined;
    await this.pulled?.return?.();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<P>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /**
   * Sends each event's answer (from `answers`, shared with every subscriber of the same operation) as a
   * `next` message of `frames`, in event order. Returns the subscription in place of this stream,
   * which is not used again: the subscription keeps its feed, not this stream and its context.
   */
  sendAsFrames(frames: OperationFrames, answers: EventAnswers): FramedSubscription {
    const framed = new FramedEvents(frames, answers, this.ctx.agency.id);
    try {
      framed.follow(new EventFeed(this.ctx.events, this.ctx.agency.id, this.interest, framed, this.cursor()));
    } catch (error) {
      framed.fail(error);
    }
    return framed;
  }

  /** The `after` argument as a log cursor; a client's error when it is not one. */
  private cursor(): string | undefined {
    const { after } = this;
    if (after == null) return undefined;
    if (!isEventId(after)) {
      throw createGraphQLError(`after: must be an event id such as "1700000000000-0", got ${JSON.stringify(after)}`, {
        extensions: { code: 'BAD_USER_INPUT', field: 'after', rule: 'format' },
      });
    }
    return after;
  }
}

/** The error a feed ended with, as the subscriber should see it. */
function clientError(error: unknown): unknown {
  // The subscriber would miss events the log no longer holds: it must reload what it shows instead.
  if (error instanceof EventsExpiredError) {
    return createGraphQLError(`after: the events after this cursor are no longer all kept (the oldest kept is ${error.oldestId ?? 'none'}); reload, then subscribe again`, {
      extensions: { code: 'EVENTS_EXPIRED', oldestId: error.oldestId ?? null },
    });
  }
  return error;
}

/**
 * A feed's events answered and written as one operation's messages: one per subscriber, so a
 * class, whose methods ten thousand of them share.
 */
class FramedEvents extends FramedSubscription implements EventSink {
  /** The last answer still being worked out (it needs vendor reads): those after it wait for it. */
  private tail: Promise<void> | undefined;
  private inFlight = 0;
  private feed: EventFeed | undefined;

  constructor(
    private readonly frames: OperationFrames,
    private readonly answers: EventAnswers,
    private readonly agencyId: string,
  ) {
    super();
  }

  give(stored: StoredEvent): boolean {
    const event = decodeOnce(stored);
    if (!event) return true;
    const result = this.answers.answer(event);
    if (!this.tail && !isPromise(result)) return this.send(stored, result);
    this.inFlight++;
    const tail = Promise.all([this.tail, result]).then(([, settled]) => {
      this.send(stored, settled);
      if (--this.inFlight === 0) this.tail = undefined;
    });
    tail.catch((error: unknown) => this.fail(error));
    this.tail = tail;
    return this.inFlight < ANSWERS_IN_FLIGHT;
  }

  writable(): Promise<void> {
    return (this.tail ?? this.frames.writable()).catch(() => undefined);
  }

  /** The feed has failed: the client is told why, masked as every error is. */
  fail(error: unknown): void {
    this.failWith(this.frames.maskError(clientError(error)));
  }

  follow(feed: EventFeed): void {
    this.feed = feed;
  }

  protected sendAnswer(answer: ExecutionResult): void {
    this.frames.send(this.frames.serialize(answer));
  }

  protected async stop(): Promise<void> {
    await this.feed?.stop();
  }

  private send(stored: StoredEvent, result: ExecutionResult): boolean {
    // An answer that was still being worked out when the subscription ended is not sent after its end.
    if (this.ended) return false;
    const delivery = startDeliverySpan(stored, this.agencyId);
    const open = this.frames.send(this.frames.serialize(result));
    delivery.end();
    return open;
  }
}

/** The agency's events that `interest` wants, replayed after `after` then live. */
export function eventStream<P extends EventParent = AnyEventParent>(ctx: GatewayContext, after: string | null | undefined, interest: EventInterest): EventStream<P> {
  return new EventStream<P>(ctx, after, interest);
}
