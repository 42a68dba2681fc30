import { propagation, ROOT_CONTEXT, SpanKind, trace, type Span } from '@opentelemetry/api';
import { tracer, tracing, UNTRACED_SPAN } from './tracer';

/** What a delivery span needs of a stored event. */
interface DeliveredEvent {
  id: string;
  topic: string;
  /** The context of the span that stored it (`eventTraceparent`). */
  traceparent?: string;
}

/**
 * The span of one event's delivery to one subscriber, ended once the subscriber has been sent
 * it. It sits in the trace of the webhook that stored the event, linked to its ingest span, so
 * one trace follows a notification from its POST to every socket it reached.
 */
export function startDeliverySpan(event: DeliveredEvent, agency: string): Span {
  if (!tracing()) return UNTRACED_SPAN;
  const stored = event.traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent: event.traceparent }) : undefined;
  const ingest = stored && trace.getSpanContext(stored);
  return tracer().startSpan(
    `deliver ${event.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: { 'rentgraph.event.topic': event.topic, 'rentgraph.event.id': event.id, 'rentgraph.agency': agency },
      links: ingest ? [{ context: ingest }] : [],
    },
    stored,
  );
}
