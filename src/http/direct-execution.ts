import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getOperationAST, GraphQLError, type DocumentNode } from 'graphql';
import { getCORSHeadersByRequestAndOptions, type CORSOptions } from '@whatwg-node/server';
import { processRegularResult, type FetchAPI, type YogaServerInstance } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import type { PersistedDocuments } from '../persisted-documents/persisted-documents';
import type { CallerAuthentication } from './authentication';

const JSON_CONTENT_TYPES = new Set(['application/json', 'application/json;charset=utf-8']);

interface DirectOptions {
  graphqlEndpoint: string;
  /** Bodies declared larger than this go to Yoga, which refuses them. */
  bodyLimit: number;
  /** Yoga's own CORS options (or the function that gives them per request), so a browser's request is answered with the same headers. */
  cors: CORSOptions | ((request: Request) => CORSOptions);
  /** The same decision Yoga's route makes; a refused caller goes to Yoga, which answers the refusal. */
  authentication: CallerAuthentication;
  /**
   * Which document runs (PERSISTED_DOCUMENTS): the text, or the persisted document `documentId`
   * names. A request it refuses goes to Yoga, which answers the refusal.
   * @default the text, and a request naming a document goes to Yoga
   */
  documents?: Pick<PersistedDocuments, 'documentFor'>;
}

interface Params {
  query?: string;
  documentId?: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * The Node listener of the gateway. The commonest request, a query or mutation POSTed as JSON by
 * a server-side client, runs through Yoga's own envelop (the same parse and validation cache,
 * executor, masked errors and context) and Yoga's own result writer, but skips the
 * translation to fetch-API Request and Response objects and back, which cost about 0.2 ms of
 * CPU per tenant dashboard (of 1.5 ms when measured). Anything else, and anything that fails
 * before execution (a refused credential, unparseable, invalid, a subscription), goes to Yoga whole, so errors, CORS,
 * SSE, GraphiQL and the other routes answer exactly as Yoga answers them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yoga instance
export function directExecution(yoga: YogaServerInstance<any, any>, options: DirectOptions): RequestListener {
  const handOver = (req: IncomingMessage, res: ServerResponse, body?: Buffer) => {
    // whatwg-node reads a body already taken off the socket from `req.body`.
    if (body) Object.assign(req, { body: new Uint8Array(body.buffer, body.byteOffset, body.length) });
    void yoga(req, res);
  };

  async function execute(req: IncomingMessage, res: ServerResponse, mediaType: string, body: Buffer): Promise<void> {
    const params = readParams(body);
    if (!params) return handOver(req, res, body);
    let principal: Principal;
    try {
      principal = await options.authentication.fromHeaders(headersOf(req).headers);
    } catch (error) {
      if (options.authentication.refusalOf(error)) return handOver(req, res, body);
      throw error;
    }
    let query: string | undefined;
    try {
      query = options.documents ? options.documents.documentFor(params, principal) : params.query;
    } catch (error) {
      if (error instanceof GraphQLError) return handOver(req, res, body);
      throw error;
    }
    if (query === undefined) return handOver(req, res, body);
    const { parse, validate, contextFactory, execute, schema } = yoga.getEnveloped({ params: { ...params, query }, req, res, principal, clientSignal: clientGoneSignal(res) } as never);
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return handOver(req, res, body);
    }
    const operation = getOperationAST(document, params.operationName);
    if (!operation || operation.operation === 'subscription' || validate(schema, document).length > 0) return handOver(req, res, body);

    const result = await execute({
      schema,
      document,
      contextValue: await contextFactory(),
      variableValues: params.variables,
      operationName: params.operationName,
    });
    const answer = processRegularResult(result as never, CAPTURE, mediaType) as unknown as CapturedResponse;
    const request = headersOf(req);
    const cors = getCORSHeadersByRequestAndOptions(request, typeof options.cors === 'function' ? options.cors(request) : options.cors);
    res.writeHead(answer.status, { ...answer.headers, ...cors, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  }

  return (req, res) => {
    const mediaType = directMediaType(req, options);
    if (!mediaType) return handOver(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      execute(req, res, mediaType, Buffer.concat(chunks)).catch((error: unknown) => {
        // Resolver errors are in the result; this is the gateway's own failure.
        yoga.logger.error('direct execution failed', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
      });
    });
  };
}

/** Aborts when the client goes away before its answer is written, as Yoga's request signal does. */
function clientGoneSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('the client went away'));
  });
  return controller.signal;
}

/** The media type to answer in, if the request is a plain JSON POST to the endpoint; undefined sends it to Yoga. */
function directMediaType(req: IncomingMessage, options: DirectOptions): string | undefined {
  const { headers } = req;
  if (req.method !== 'POST' || req.url !== options.graphqlEndpoint) return undefined;
  if (!JSON_CONTENT_TYPES.has((headers['content-type'] ?? '').replace(/\s/g, '').toLowerCase())) return undefined;
  const length = Number(headers['content-length']);
  if (!(length > 0 && length <= options.bodyLimit)) return undefined;
  return jsonMediaType(headers.accept);
}

/**
 * The media type Yoga writes a single result in, for an Accept header: the first type the client
 * lists (with no charset but UTF-8) that a JSON answer matches, `application/json` where a
 * wildcard matches both. Undefined when none does: Yoga then answers (406, or SSE).
 */
function jsonMediaType(accept: string | undefined): string | undefined {
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [type = '', ...params] = entry.split(';');
    const charset = params.find((param) => param.startsWith('charset='));
    if (charset && charset !== 'charset=utf-8') continue;
    const [main, sub] = type.split('/');
    const matches = (candidate: string) => (main === '*' || main === 'application') && (sub === '*' || sub === candidate);
    if (matches('json')) return 'application/json';
    if (matches('graphql-response+json')) return 'application/graphql-response+json';
  }
  return undefined;
}

/** The request's parameters if they are exactly what the GraphQL over HTTP spec allows; Yoga explains anything else. */
function readParams(body: Buffer): Params | undefined {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const { query, documentId, variables, operationName, extensions, ...rest } = params as Record<string, unknown>;
  const objectOrNull = (value: unknown) => value == null || (typeof value === 'object' && !Array.isArray(value));
  const valid =
    // A persisted document is named by `documentId` instead of sent as `query` (never both: Yoga explains).
    (typeof query === 'string' ? documentId === undefined : typeof documentId === 'string') &&
    objectOrNull(variables) &&
    (operationName == null || typeof operationName === 'string') &&
    objectOrNull(extensions) &&
    Object.keys(rest).length === 0;
  return valid ? (params as Params) : undefined;
}

/** The request's headers as the fetch API reads them, for whatwg-node's CORS rules. */
function headersOf(req: IncomingMessage): Request {
  return { headers: { get: (name: string) => (req.headers[name.toLowerCase()] as string | undefined) ?? null } } as unknown as Request;
}

/** What Yoga's result writer makes, kept as plain values instead of a fetch-API Response. */
class CapturedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(
    readonly body: string,
    init: { status: number; headers: Record<string, string> },
  ) {
    this.status = init.status;
    this.headers = init.headers;
  }
}

const CAPTURE = { Response: CapturedResponse } as unknown as FetchAPI;
