import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { tracer, tracing } from './tracer';

const NO_TRACE_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export interface VendorAttempt {
  vendor: string;
  method: string;
  /** The route template (`/v1/reposits/:id`), never the filled path. */
  route: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
}

/**
 * One attempt of a vendor call as a client span, `GET /v1/reposits/:id`, with the W3C
 * `traceparent` handed to `send` as headers to add, so the vendor's own trace joins ours.
 */
export async function traceVendorAttempt<A extends { statusCode: number }>(
  call: VendorAttempt,
  send: (traceHeaders: Record<string, string>) => Promise<A>,
): Promise<A> {
  if (!tracing()) return send(NO_TRACE_HEADERS);
  const span = tracer().startSpan(`${call.method} ${call.route}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'rentgraph.vendor': call.vendor,
      'http.request.method': call.method,
      'url.template': call.route,
      'rentgraph.vendor.attempt': call.attempt,
      'http.request.resend_count': call.attempt - 1,
    },
  });
  const active = trace.setSpan(context.active(), span);
  const headers: Record<string, string> = {};
  propagation.inject(active, headers);
  try {
    const answer = await context.with(active, () => send(headers));
    span.setAttribute('http.response.status_code', answer.statusCode);
    if (answer.statusCode >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
    return answer;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    span.setAttribute('error.type', typeof code === 'string' ? code : 'error');
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
