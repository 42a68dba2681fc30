import { INVALID_SPAN_CONTEXT, trace, type Span, type Tracer } from '@opentelemetry/api';

let sdkStarted = false;

/**
 * Whether `startTelemetry` started the SDK. Without it the gateway makes no span at all, not
 * even the API's no-op ones, whose context switches would wrap every operation and vendor call:
 * tracing off costs nothing but this check.
 */
export function tracing(): boolean {
  return sdkStarted;
}

export function setTracing(started: boolean): void {
  sdkStarted = started;
}

/** The gateway's tracer: the registered provider's once `startTelemetry` has run. */
export function tracer(): Tracer {
  return trace.getTracer('rentgraph');
}

/** A span that records nothing, for code that ends a span whether or not tracing is on. */
export const UNTRACED_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
