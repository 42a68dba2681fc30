import type { ExecutionResult } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';

/** Every way a client runs an operation on `/graphql`. */
export const TRANSPORTS = ['POST', 'GET', 'SSE', 'graphql-ws'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** A credential as a client holds it; each transport presents it its own way. */
export type Credential = { kind: 'none' } | { kind: 'token'; token: string } | { kind: 'apiKey'; key: string };

export interface Operation {
  /** The document's text; absent when a persisted document is named instead. */
  query?: string;
  variables?: Record<string, unknown>;
  /** A persisted document's id, `sha256:<hex>`. */
  documentId?: string;
  /** E.g. APQ's `persistedQuery`. */
  extensions?: Record<string, unknown>;
}

export interface RunOptions {
  /** @default { kind: 'none' } */
  credential?: Credential;
  /** The agency named beside the credential: `x-agency-id`, or `agency` in the connection_init payload. */
  agency?: string;
  /** The path asked for, e.g. another spelling of the endpoint. @default "/graphql" */
  path?: string;
  /** Added to the URL's query string (over POST too, where GraphQL reads the body). */
  urlParams?: Record<string, string>;
  /** More request headers over HTTP and SSE, e.g. `origin`. */
  headers?: Record<string, string>;
  /** Called once the operation is under way: the HTTP answer's head read, or the socket acknowledged. */
  onOpen?: () => void;
  /** How long the client waits for the server to end the operation (graphql-ws: from connection_init) before it hangs up. @default 5000 */
  waitMs?: number;
}

type Result = ExecutionResult<Record<string, any>, Record<string, unknown>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read loosely in tests

/** What the client sees of one operation. */
export interface Seen {
  /** The HTTP status; undefined over graphql-ws. */
  status?: number;
  /** The HTTP answer's headers; empty over graphql-ws. */
  headers: Record<string, string | string[] | undefined>;
  /** graphql-ws: the code the server closed the socket with; undefined while it stayed open. */
  closeCode?: number;
  /** Every result in order: the one body of a plain HTTP answer, each event of a stream. */
  results: Result[];
  /** The last result's errors and data. */
  errors: Result['errors'];
  data: Result['data'];
  /** Whether the server ended the operation itself; false when the client hung up after `waitMs`. */
  ended: boolean;
}

const ACCEPT_JSON = 'application/graphql-response+json, application/json';

/** Runs one operation on the gateway at `gatewayUrl` over `transport`, and returns what its client sees. */
export function runOperation(gatewayUrl: string, transport: Transport, operation: Operation, options: RunOptions = {}): Promise<Seen> {
  return transport === 'graphql-ws' ? overWebSocket(gatewayUrl, operation, options) : overHttp(gatewayUrl, transport, operation, options);
}

/** The request headers that present a credential (and the agency beside it). */
export function credentialHeaders(credential: Credential = { kind: 'none' }, agency?: string): Record<string, string> {
  return {
    ...(credential.kind === 'token' && { authorization: `Bearer ${credential.token}` }),
    ...(credential.kind === 'apiKey' && { 'x-api-key': credential.key }),
    ...(agency !== undefined && { 'x-agency-id': agency }),
  };
}

/** The connection_init payload that presents a credential (and the agency beside it). */
export function connectionParams(credential: Credential = { kind: 'none' }, agency?: string): Record<string, string> {
  return {
    ...(credential.kind === 'token' && { authorization: `Bearer ${credential.token}` }),
    ...(credential.kind === 'apiKey' && { apiKey: credential.key }),
    ...(agency !== undefined && { agency }),
  };
}

async function overHttp(gatewayUrl: string, transport: Exclude<Transport, 'graphql-ws'>, operation: Operation, options: RunOptions): Promise<Seen> {
  const url = new URL(`${gatewayUrl}${options.path ?? '/graphql'}`);
  for (const [name, value] of Object.entries(options.urlParams ?? {})) url.searchParams.set(name, value);
  if (transport === 'GET') {
    if (operation.query !== undefined) url.searchParams.set('query', operation.query);
    if (operation.documentId !== undefined) url.searchParams.set('documentId', operation.documentId);
    if (operation.variables) url.searchParams.set('variables', JSON.stringify(operation.variables));
    if (operation.extensions) url.searchParams.set('extensions', JSON.stringify(operation.extensions));
  }
  const controller = new AbortController();
  const hangUp = setTimeout(() => controller.abort(), options.waitMs ?? 5_000);
  try {
    const response = await request(url, {
      method: transport === 'GET' ? 'GET' : 'POST',
      headers: {
        accept: transport === 'SSE' ? 'text/event-stream' : ACCEPT_JSON,
        ...(transport !== 'GET' && { 'content-type': 'application/json' }),
        ...credentialHeaders(options.credential, options.agency),
        ...options.headers,
      },
      body: transport === 'GET' ? undefined : JSON.stringify(operation),
      signal: controller.signal,
    });
    response.body.on('error', () => undefined);
    options.onOpen?.();
    const seen = { status: response.statusCode, headers: response.headers };
    const contentType = String(response.headers['content-type']);
    if (!contentType.startsWith('text/event-stream')) {
      const text = await response.body.text();
      // a 404 or 405 has no GraphQL answer
      const results = /json/.test(contentType) ? [JSON.parse(text) as Result] : [];
      return finish({ ...seen, results, ended: true });
    }
    const results: Result[] = [];
    const ended = await readEvents(response.body, results);
    return finish({ ...seen, results, ended });
  } finally {
    clearTimeout(hangUp);
    controller.abort();
  }
}

/** Reads Server-Sent Events into `results` until `complete` (true) or the client hangs up (false). */
async function readEvents(body: AsyncIterable<Buffer>, results: Result[]): Promise<boolean> {
  let buffer = '';
  try {
    for await (const chunk of body) {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
        const data = lines.find((line) => line.startsWith('data:'))?.slice(5);
        if (event === 'next' && data) results.push(JSON.parse(data) as Result);
        if (event === 'complete') return true;
      }
    }
    return true;
  } catch {
    return false;
  }
}

function overWebSocket(gatewayUrl: string, operation: Operation, options: RunOptions): Promise<Seen> {
  const url = new URL(`${gatewayUrl.replace(/^http/, 'ws')}${options.path ?? '/graphql'}`);
  for (const [name, value] of Object.entries(options.urlParams ?? {})) url.searchParams.set(name, value);
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const results: Result[] = [];
  return new Promise<Seen>((resolve, reject) => {
    let hangUp: NodeJS.Timeout | undefined;
    let ended = false;
    let closeCode: number | undefined;
    const done = () => {
      clearTimeout(hangUp);
      resolve(finish({ headers: {}, closeCode, results, ended }));
    };
    socket.on('error', reject);
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams(options.credential, options.agency) }));
      hangUp = setTimeout(() => socket.close(1000), options.waitMs ?? 5_000);
    });
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        // graphql-ws requires a string `query`, empty when the document is named instead.
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '', ...operation } }));
        options.onOpen?.();
      } else if (message.type === 'next') {
        results.push(message.payload as Result);
      } else if (message.type === 'error' || message.type === 'complete') {
        if (message.type === 'error') results.push({ errors: message.payload as Result['errors'] });
        ended = true;
        socket.close(1000);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    });
    socket.on('close', (code) => {
      // 1000 is the client's own close, after the operation ended or the wait ran out.
      if (code !== 1000) {
        closeCode = code;
        ended = true;
      }
      done();
    });
  });
}

function finish(seen: Omit<Seen, 'errors' | 'data'>): Seen {
  const last = seen.results.at(-1);
  return { ...seen, errors: last?.errors, data: last?.data };
}
