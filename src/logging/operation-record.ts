import type { ExecutionResult } from 'graphql';

/** How an operation reached the gateway. */
export type Transport = 'http' | 'sse' | 'graphql-ws';

/** What one operation's log line says, gathered as the operation goes through the pipeline. */
export interface OperationRecord {
  requestId: string;
  /** The trace of the operation's span, when tracing is on: its line is written after the span ends. */
  traceId?: string;
  transport: Transport;
  startedAt: number;
  agency?: string;
  principal?: string;
  operationName?: string;
  operationType?: string;
  /** Whether execution began: an operation that never ran was refused. */
  executed: boolean;
  codes: Set<string>;
  vendorCalls?: unknown;
  /** A subscription or an incremental answer: logged at its start and its end instead. */
  streamed: boolean;
}

export function newRecord(requestId: string, transport: Transport): OperationRecord {
  return { requestId, transport, startedAt: performance.now(), executed: false, codes: new Set(), streamed: false };
}

/** Takes in one result: its errors' codes and the vendor calls it reports (`extensions.vendorCalls`). */
export function noteResult(record: OperationRecord, result: ExecutionResult | readonly ExecutionResult[]): void {
  for (const one of Array.isArray(result) ? result : [result as ExecutionResult]) {
    // Before Yoga masks an error its code may be on the error it wraps (a VendorError's).
    for (const error of one.errors ?? []) record.codes.add(codeOf(error.extensions?.code ?? (error.originalError as { code?: unknown } | undefined)?.code));
    const vendorCalls = one.extensions?.vendorCalls;
    if (vendorCalls !== undefined) record.vendorCalls = vendorCalls;
  }
}

/** Codes are the gateway's own words; anything else a client could have chosen is not written. */
function codeOf(code: unknown): string {
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'UNCODED';
}

/** The line's fields: who, what, how long, what it cost and how it ended. */
export function recordFields(record: OperationRecord, extra: { status?: number; events?: number } = {}): Record<string, unknown> {
  const codes = [...record.codes];
  return {
    requestId: record.requestId,
    ...(record.traceId && { traceId: record.traceId }),
    transport: record.transport,
    agency: record.agency,
    principal: record.principal,
    operationName: record.operationName,
    operationType: record.operationType,
    durationMs: Math.round((performance.now() - record.startedAt) * 100) / 100,
    vendorCalls: record.vendorCalls,
    outcome: !record.executed ? 'refused' : codes.length > 0 ? 'errors' : 'ok',
    ...(codes.length > 0 && { codes }),
    ...extra,
  };
}
