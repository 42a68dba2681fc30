import type { IncomingHttpHeaders } from 'node:http';
import { propagation } from '@opentelemetry/api';

/** A request's headers as far as tracing and the request id read them: `traceparent` and what the propagator reads. */
export type TraceHeaders = Readonly<Record<string, string>>;

const NONE: TraceHeaders = Object.freeze({});

/**
 * The trace headers of a request that stays open for hours (a WebSocket upgrade): what its
 * operations' spans and log lines read of it, without keeping the request and all its headers
 * (its credentials included) for as long as the socket lives. Most clients send none: they share one empty object.
 */
export function traceHeadersOf(headers: IncomingHttpHeaders): TraceHeaders {
  let kept: Record<string, string> | undefined;
  for (const name of new Set(['traceparent', ...propagation.fields()])) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) (kept ??= {})[name] = first;
  }
  return kept ?? NONE;
}
