import { trace, type Tracer } from '@opentelemetry/api';

/**
 * The gateway's tracer. Until `startTelemetry` registers a provider it is the API's no-op
 * tracer, whose spans record nothing: tracing off costs a function call per span.
 */
export function tracer(): Tracer {
  return trace.getTracer('rentgraph');
}
