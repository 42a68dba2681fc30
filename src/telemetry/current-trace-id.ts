import { isSpanContextValid, trace } from '@opentelemetry/api';

/** The trace id of the span active here, for a log line; undefined outside any span or with tracing off. */
export function currentTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}
