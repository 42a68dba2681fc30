import { createGraphQLError } from 'graphql-yoga';
import { createLoaders, type GatewayContext, type Loaders } from '../../context';
import { EventsExpiredError, isEventId, type StoredEvent } from '../../subscriptions/event-log';
import { fieldNamedIn, PayloadError } from '../../sources/normalise';
import { decodeEvent, type GatewayEvent } from '../../subscriptions/events';
import type { Topic } from '../../subscriptions/topics';
import { followEvents } from '../../subscriptions/follow-events';
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

/**
 * The operation's context with loaders of the event's own, made when a resolver first asks for
 * them: most subscribers select only the event's fields, and a full set of loaders per delivery
 * was most of the garbage a burst made.
 */
function eventContext(ctx: GatewayContext): GatewayContext {
  let loaders: Loaders | undefined;
  return {
    ...ctx,
    get loaders() {
      return (loaders ??= createLoaders(ctx.clients, ctx.links, ctx.reportDocuments, ctx.agency));
    },
  };
}

/**
 * The agency's events that `accept` wants, replayed after `after` then live, each with fresh
 * loaders. `accept` sees the stored envelope (topic, subject, tenants), so events nobody asked
 * for are never decoded. Ending the stream stops following the log at once: an async
 * generator's own `return()` would wait for the event it is waiting for, which a quiet agency
 * may not send for hours, and keep its listener until then.
 */
export function eventStream<P extends EventParent = AnyEventParent>(
  ctx: GatewayContext,
  after: string | null | undefined,
  accept: (event: StoredEvent) => boolean,
): AsyncIterableIterator<P> {
  const stored = after != null && !isEventId(after) ? undefined : followEvents(ctx.events, ctx.agency.id, { after: after ?? undefined, accept });
  const events = decodedEvents<P>(ctx, after, stored);
  return {
    next: () => events.next(),
    async return() {
      await stored?.return?.();
      return events.return(undefined);
    },
    throw: (error: unknown) => events.throw(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function* decodedEvents<P extends EventParent>(
  ctx: GatewayContext,
  after: string | null | undefined,
  stored: AsyncIterableIterator<StoredEvent> | undefined,
): AsyncGenerator<P> {
  if (!stored) {
    throw createGraphQLError(`after: must be an event id such as "1700000000000-0", got ${JSON.stringify(after)}`, {
      extensions: { code: 'BAD_USER_INPUT', field: 'after', rule: 'format' },
    });
  }
  try {
    for await (const entry of stored) {
      const event = decodeOnce(entry);
      if (!event) continue;
      const delivery = startDeliverySpan(entry, ctx.agency.id);
      try {
        // `accept` admitted only the topics P covers.
        yield { event, context: eventContext(ctx) } as P;
      } finally {
        delivery.end();
      }
    }
  } catch (error) {
    // The subscriber would miss events the log no longer holds: it must reload what it shows instead.
    if (error instanceof EventsExpiredError) {
      throw createGraphQLError(`after: the events after this cursor are no longer all kept (the oldest kept is ${error.oldestId ?? 'none'}); reload, then subscribe again`, {
        extensions: { code: 'EVENTS_EXPIRED', oldestId: error.oldestId ?? null },
      });
    }
    throw error;
  } finally {
    await stored.return?.();
  }
}
