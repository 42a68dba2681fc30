import { context as otelContext, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, isPromise, type Plugin } from 'graphql-yoga';
import { tracer, tracing } from './tracer';

/** What the span of one operation needs of its GraphQL context. */
interface TracedContext {
  agency?: { id: string };
  /** The fetch request (Yoga's routes) or the Node request (the direct path), for the caller's `traceparent`. */
  request?: { headers: Headers };
  req?: { headers: Record<string, string | string[] | undefined> };
}

interface OperationSpan {
  span: Span;
  /** Set once the result is a stream, whose end ends the span. */
  streaming?: boolean;
}

/**
 * One span per GraphQL operation, on every transport (HTTP, SSE, graphql-ws, the direct path):
 * `query TenantDashboard` with the operation's name, type, agency, outcome and vendor calls.
 * It continues the caller's trace (its W3C `traceparent`), and the vendor calls made while it runs
 * are its children. Never the variables nor the document, which may hold literal values.
 * A subscription's span covers its start; each delivery has a span of its own (see `delivery-span.ts`).
 */
export function useOperationSpans(): Plugin {
  // Decided when the gateway is made, which main.ts does after startTelemetry.
  if (!tracing()) return {};
  const spans = new WeakMap<object, OperationSpan>();

  const wrap = (phase: 'execute' | 'subscribe') => (payload: { context: TracedContext }, wrapped: () => void | Promise<void>): void | Promise<void> => {
    const parent = otelContext.active() === ROOT_CONTEXT ? callerContext(payload.context) : otelContext.active();
    const span = tracer().startSpan(`graphql.${phase}`, { kind: SpanKind.SERVER }, parent);
    const operation: OperationSpan = { span };
    spans.set(payload.context, operation);
    const end = (failed: boolean) => {
      if (operation.streaming) return;
      if (failed) finish(operation, undefined, true);
      spans.delete(payload.context);
      span.end();
    };
    try {
      const done = otelContext.with(trace.setSpan(parent, span), wrapped);
      if (!isPromise(done)) return end(false);
      return Promise.resolve(done).then(
        () => end(false),
        (error: unknown) => {
          end(true);
          throw error;
        },
      );
    } catch (error) {
      end(true);
      throw error;
    }
  };

  const describe = (args: { contextValue: unknown; document: DocumentNode; operationName?: string | null }) => {
    const operation = spans.get(args.contextValue as object);
    if (!operation?.span.isRecording()) return undefined;
    const ast = getOperationAST(args.document, args.operationName);
    const type = ast?.operation ?? 'unknown';
    const name = ast?.name?.value;
    operation.span.updateName(name ? `${type} ${name}` : type);
    operation.span.setAttributes({
      'graphql.operation.type': type,
      ...(name ? { 'graphql.operation.name': name } : {}),
      ...agencyOf(args.contextValue as TracedContext),
    });
    return operation;
  };

  const onResult = (operation: OperationSpan | undefined, result: unknown) => {
    if (!operation) return undefined;
    if (!isAsyncIterable(result)) return finish(operation, result as ExecutionResult, false);
    if (!operation.span.isRecording()) return undefined;
    operation.streaming = true;
    return {
      onEnd: () => {
        finish(operation, undefined, false);
        operation.span.end();
      },
    };
  };

  return {
    instrumentation: { execute: wrap('execute'), subscribe: wrap('subscribe') },
    onExecute({ args }) {
      const operation = describe(args);
      return { onExecuteDone: ({ result }) => onResult(operation, result) };
    },
    onSubscribe({ args }) {
      const operation = describe(args);
      return { onSubscribeResult: ({ result }) => (operation ? finish(operation, isAsyncIterable(result) ? undefined : result, false) : undefined) };
    },
  };
}

/** The outcome, and the vendor calls the answer's `extensions.vendorCalls` counted (every executed operation has them). */
function finish(operation: OperationSpan, result: ExecutionResult | undefined, failed: boolean): void {
  const { span } = operation;
  if (!span.isRecording()) return;
  const failedResult = failed || (result?.errors?.length ?? 0) > 0;
  span.setAttribute('rentgraph.outcome', failedResult ? 'error' : 'ok');
  if (failedResult) span.setStatus({ code: SpanStatusCode.ERROR });
  const counts = result?.extensions?.vendorCalls as Record<string, number> | undefined;
  if (!counts) return;
  let total = 0;
  for (const [vendor, count] of Object.entries(counts)) {
    span.setAttribute(`rentgraph.vendor_calls.${vendor}`, count);
    total += count;
  }
  span.setAttribute('rentgraph.vendor_calls', total);
}

function agencyOf(context: TracedContext): Record<string, string> {
  const id = context.agency?.id;
  return id ? { 'rentgraph.agency': id } : {};
}

/** The caller's trace, from its `traceparent` (and `tracestate`), when it sent one. */
function callerContext(context: TracedContext): Context {
  const carrier: Record<string, string> = {};
  const fetchHeaders = context.request?.headers;
  const nodeHeaders = context.req?.headers;
  for (const name of propagation.fields()) {
    const value = fetchHeaders?.get(name) ?? nodeHeaders?.[name];
    if (typeof value === 'string') carrier[name] = value;
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}
