import { randomUUID } from 'node:crypto';

/** W3C Trace Context: version, trace id, parent id, flags. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The id a request's log line carries: the trace id of a valid W3C `traceparent` header, so the
 * line joins the caller's trace, or else a fresh UUID. An invalid header is ignored, as the
 * specification asks; its text is never logged.
 */
export function requestIdFrom(traceparent: string | null | undefined): string {
  const match = typeof traceparent === 'string' ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (match) {
    const [, version, traceId, parentId] = match as unknown as [string, string, string, string];
    if (version !== 'ff' && !/^0+$/.test(traceId) && !/^0+$/.test(parentId)) return traceId;
  }
  return randomUUID();
}
