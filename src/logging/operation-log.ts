import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import type { Logger } from './logger';
import { newRecord, noteResult, recordFields, type OperationRecord } from './operation-record';
import { currentTraceId } from '../telemetry/current-trace-id';
import { requestIdFrom } from './request-id';
import { FramedSubscription, type SubscriptionEndListener } from '../subscriptions/framed-subscription';
import type { OperationFrames } from '../subscriptions/operation-frames';

export interface OperationLogOptions {
  /** The GraphQL endpoint's path: only its requests are logged here (webhooks log their own lines). */
  graphqlEndpoint: string;
  /** The principal authentication found for an HTTP request, before Yoga builds its context. */
  principalOf(request: Request): Principal | undefined;
}

/** What a transport hands Yoga's pipeline: the fetch Request over HTTP, the Node request (or its headers) and socket otherwise. */
interface InitialContext {
  request?: Request;
  req?: { headers: Record<string, string | string[] | undefined> };
  socket?: unknown;
  params?: object;
  principal?: Principal;
  /** A graphql-ws operation's messages: a subscription's events are written there, not yielded through the plugins. */
  frames?: OperationFrames;
}

/**
 * One info line per GraphQL operation, on every transport: its request id, agency, principal,
 * name and type, duration, vendor calls and outcome; a subscription or streamed answer has a
 * line when it starts and one when it ends, with its number of events. Never a variable or a result.
 *
 * Two plugins, because of where they must sit: `requests` first, so that its clock starts before
 * any other plugin runs and its line is written for requests other plugins refuse; `operations`
 * last, so that it reads each result after every other plugin has added to it (the vendor calls).
 */
export function useOperationLog(baseLogger: Logger, options: OperationLogOptions): { requests: Plugin; operations: Plugin } {
  const logger = baseLogger.child({ component: 'graphql' });
  // Over HTTP through Yoga, by the fetch Request; otherwise (graphql-ws, the direct listener) by the operation's params.
  const byRequest = new WeakMap<Request, OperationRecord>();
  const byParams = new WeakMap<object, OperationRecord>();

  const recordOf = (context: InitialContext | undefined): OperationRecord | undefined => {
    if (!context) return undefined;
    if (context.request) return byRequest.get(context.request);
    if (!context.params) return undefined;
    let record = byParams.get(context.params);
    if (!record) {
      record = newRecord(requestIdFrom(headerOf(context.req, 'traceparent')), context.socket ? 'graphql-ws' : 'http');
      byParams.set(context.params, record);
      noteCaller(record, context.principal);
      const operationName = (context.params as { operationName?: unknown }).operationName;
      if (typeof operationName === 'string') record.operationName = operationName;
    }
    return record;
  };
  /** Over graphql-ws and the direct listener nothing follows the operation, so its line is written at once. */
  const writtenHere = (context: InitialContext) => !context.request;

  const started = (record: OperationRecord) => {
    record.streamed = true;
    logger.info(recordFields(record), 'graphql operation started');
  };
  const streamed = (record: OperationRecord) => {
    started(record);
    let events = 0;
    // Methods, not arrows, for the hooks each operation holds: tsx's keepNames gives each arrow it makes a name of its own, 256 bytes apiece.
    return {
      onNext({ result }: { result: ExecutionResult }) {
        events += 1;
        noteResult(record, result);
      },
      onEnd() {
        logger.info(recordFields(record, { events }), 'graphql operation ended');
      },
    };
  };

  const requests: Plugin = {
    onRequest({ request, url }) {
      const path = url.pathname.replace(/\/$/, '');
      if (path !== options.graphqlEndpoint || request.method === 'OPTIONS' || shouldRenderGraphiQL(request)) return;
      byRequest.set(request, newRecord(requestIdFrom(request.headers.get('traceparent')), 'http'));
    },
    onParams({ request, params }) {
      const record = byRequest.get(request);
      if (record && typeof params.operationName === 'string') record.operationName = params.operationName;
    },
    onResultProcess({ request, result }) {
      const record = byRequest.get(request);
      if (record && !isAsyncIterable(result)) noteResult(record, result as ExecutionResult | ExecutionResult[]);
    },
    onResponse({ request, response }) {
      const record = byRequest.get(request);
      if (!record || record.streamed) return;
      noteCaller(record, options.principalOf(request));
      logger.info(recordFields(record, { status: response.status }), 'graphql operation');
    },
  };

  const operations: Plugin = {
    onParse({ context }) {
      const initial = context as InitialContext;
      const record = recordOf(initial);
      return ({ result }) => {
        // Only graphql-ws answers a refused document itself; the direct listener hands it to Yoga.
        if (!record || !initial.socket || !(result instanceof Error)) return;
        record.codes.add(result instanceof GraphQLError ? String(result.extensions.code ?? 'GRAPHQL_PARSE_FAILED') : 'GRAPHQL_PARSE_FAILED');
        logger.info(recordFields(record), 'graphql operation');
      };
    },
    onValidate({ context, params }) {
      const initial = context as InitialContext;
      const record = recordOf(initial);
      // A refused operation is named too: by the document's operation when the request named none.
      if (record && !record.operationName) record.operationName = getOperationAST(params.documentAST)?.name?.value;
      return ({ valid, result }) => {
        if (!record || !initial.socket || valid) return;
        for (const error of result) record.codes.add(String(error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED'));
        logger.info(recordFields(record), 'graphql operation');
      };
    },
    onExecute: ({ args }) => onRun(args),
    onSubscribe: ({ args }) => {
      const hooks = onRun(args);
      return hooks && { onSubscribeResult: hooks.onExecuteDone };
    },
  };

  function onRun(args: { document: DocumentNode; operationName?: string | null; contextValue: unknown }) {
    const context = args.contextValue as InitialContext & { principal?: Principal };
    const record = recordOf(context);
    if (!record) return undefined;
    record.executed = true;
    record.traceId = currentTraceId();
    noteCaller(record, context.principal);
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.name) record.operationName = operation.name.value;
    if (operation) record.operationType = operation.operation;
    return {
      onExecuteDone({ result }: { result: ExecutionResult | AsyncIterable<ExecutionResult> }) {
        if (result instanceof FramedSubscription && context.frames) {
          started(record);
          result.onEnd(new EndedLine(logger, record, context.frames));
          return undefined;
        }
        if (isAsyncIterable(result)) {
          if (context.request) record.transport = 'sse';
          return streamed(record);
        }
        // Over HTTP through Yoga the answer is read as it is written, after every plugin (onResultProcess).
        if (!writtenHere(context)) return undefined;
        noteResult(record, result);
        logger.info(recordFields(record), 'graphql operation');
        return undefined;
      },
    };
  }

  return { requests, operations };
}

function noteCaller(record: OperationRecord, principal: Principal | undefined): void {
  if (!principal) return;
  record.agency = principal.agencyId;
  record.principal = principal.subject;
}

/** The line a framed subscription's end writes: its messages went to its socket, counted by its frames. */
class EndedLine implements SubscriptionEndListener {
  constructor(
    private readonly logger: Logger,
    private readonly record: OperationRecord,
    private readonly frames: OperationFrames,
  ) {}

  subscriptionEnded(final: ExecutionResult | undefined): void {
    if (final) noteResult(this.record, final);
    this.logger.info(recordFields(this.record, { events: this.frames.sent }), 'graphql operation ended');
  }
}

function headerOf(req: InitialContext['req'], name: string): string | undefined {
  const value = req?.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
