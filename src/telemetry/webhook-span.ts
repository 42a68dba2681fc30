import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { tracer, tracing } from './tracer';

const UNTRACED_INGEST: WebhookIngest = { settle: () => undefined };

export interface WebhookIngest {
  /** What became of the notification (`stored`, `duplicate`, `refused`, `unavailable`) and the status answered. */
  settle(outcome: string, status: number): void;
}

/**
 * The span of one webhook delivery, from its POST until it is stored (or refused), continuing the
 * vendor's `traceparent` when it sends one. Events stored while it runs carry its context
 * (`eventTraceparent`), so every delivery to a subscriber links back to it. Only the vendor,
 * agency and outcome are recorded, never the body.
 */
export async function traceWebhook<T>(
  headers: Headers,
  attributes: { vendor: string; agency: string },
  handle: (ingest: WebhookIngest) => Promise<T>,
): Promise<T> {
  if (!tracing()) return handle(UNTRACED_INGEST);
  const carrier: Record<string, string> = {};
  for (const name of propagation.fields()) {
    const value = headers.get(name);
    if (value !== null) carrier[name] = value;
  }
  const parent = propagation.extract(ROOT_CONTEXT, carrier);
  const span = tracer().startSpan(
    `webhook ${attributes.vendor}`,
    { kind: SpanKind.SERVER, attributes: { 'rentgraph.vendor': attributes.vendor, 'rentgraph.agency': attributes.agency } },
    parent,
  );
  const ingest: WebhookIngest = {
    settle(outcome, status) {
      span.setAttributes({ 'rentgraph.webhook.outcome': outcome, 'http.response.status_code': status });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    },
  };
  try {
    return await context.with(trace.setSpan(parent, span), () => handle(ingest));
  } finally {
    span.end();
  }
}

/**
 * The W3C `traceparent` of the span active here, to be stored with an event; nothing when no
 * sampled span is active, so an event stored with tracing off is as it always was.
 */
export function eventTraceparent(): { traceparent?: string } {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { traceparent: carrier.traceparent } : {};
}
