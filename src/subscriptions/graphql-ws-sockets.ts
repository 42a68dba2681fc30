import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { diagnose } from '../logging/diagnostics';
import { traceHeadersOf, type TraceHeaders } from '../telemetry/trace-headers';
import { keepAlive } from './keep-alive';

/** What graphql-ws hands each hook of a socket: as its own `useServer` does, but of the upgrade request only its trace headers. */
export interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: { readonly headers: TraceHeaders };
}

/** Told of every message a socket receives (parsed; undefined when it is not JSON) and of its close, before graphql-ws reads them. */
export interface SocketWatcher {
  read(message: unknown): void;
  closed(): void;
}

export interface SocketTimings {
  /** How often every socket is pinged (graphql-ws's own default); one that has not answered the previous ping by then is dropped. */
  keepAliveMs?: number;
  /** How long a socket may stay open without sending connection_init (graphql-ws's own default). */
  connectionInitWaitMs?: number;
}

const KEEP_ALIVE_MS = 12_000;
const CONNECTION_INIT_WAIT_MS = 3_000;
const NOT_JSON = Symbol('not JSON');

/** Until graphql-ws hands its own: one function for every socket (an arrow per instance would be one closure each, named each time under tsx). */
async function nothing(): Promise<void> {}

/** One socket as graphql-ws's server sees it, and what this keeps of it: a class, since every socket holds one. */
class Connection {
  read: (data: string) => Promise<void> = nothing;
  closed: (code?: number, reason?: string) => Promise<void> = nothing;

  constructor(
    readonly socket: WebSocket,
    readonly watcher: SocketWatcher,
  ) {}

  get protocol(): string {
    return this.socket.protocol;
  }

  send(data: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.socket.readyState !== this.socket.OPEN) return resolve();
      this.socket.send(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handler: (data: string) => Promise<void>): void {
    this.read = handler;
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function closeUninitialised(socket: WebSocket): void {
  socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
}

/**
 * graphql-ws's protocol (`makeServer`) on a `ws` server, in place of graphql-ws's `useServer`, for
 * what a socket costs while it idles for hours:
 * - one keep-alive timer for every socket, not two timers and a `pong` listener each, its pings
 *   spread over its interval (keep-alive.ts), and no connection_init timer kept once it has run;
 * - listeners shared by every socket, not closures of each;
 * - each message parsed once, for the watcher and graphql-ws alike, and of a subscription only
 *   the parsed message kept while it runs, not its text too; of the upgrade request only its trace headers.
 * Otherwise as `useServer`: the subprotocol is chosen by graphql-ws, a socket that sends no
 * connection_init in time is closed with 4408, one that misses a pong is dropped, and an internal
 * error closes its socket with 4500 and a message that tells nothing. `watch` gives each socket
 * its watcher as it connects. Returns what stops the pings.
 */
export function serveGraphqlWs(
  sockets: WebSocketServer,
  options: ServerOptions<Record<string, unknown> | undefined, SocketExtra>,
  watch: (socket: WebSocket) => SocketWatcher,
  { keepAliveMs = KEEP_ALIVE_MS, connectionInitWaitMs = CONNECTION_INIT_WAIT_MS }: SocketTimings = {},
): () => void {
  // The wait for connection_init is timed here: graphql-ws's own timer would be kept, with what it closes over, for as long as its socket lives.
  const server = makeServer({ ...options, connectionInitWaitTimeout: 0 });
  const connections = new WeakMap<WebSocket, Connection>();
  const pings = keepAlive(sockets.clients, keepAliveMs);
  const awaitingInit = new Map<WebSocket, NodeJS.Timeout>();
  sockets.options.handleProtocols = handleProtocols;

  function initialised(socket: WebSocket): void {
    clearTimeout(awaitingInit.get(socket));
    awaitingInit.delete(socket);
  }
  function onMessage(this: WebSocket, data: RawData): void {
    const connection = connections.get(this);
    if (!connection) return;
    const text = String(data);
    const message = parsed(text);
    if ((message as { type?: unknown } | null)?.type === 'connection_init') initialised(this);
    connection.watcher.read(message === NOT_JSON ? undefined : message);
    // graphql-ws takes a message parsed already as it is (its parseMessage): its handler keeps what it is
    // given for as long as the operation it starts runs, and the parsed message it keeps anyway, not the text too.
    connection.read((message === NOT_JSON ? text : message) as string).catch((error: unknown) => closeOnInternalError(this, error));
  }
  function onClose(this: WebSocket, code: number, reason: Buffer): void {
    initialised(this);
    const connection = connections.get(this);
    connections.delete(this);
    connection?.watcher.closed();
    connection?.closed(code, String(reason)).catch((error: unknown) => diagnose('error', 'graphql-ws', `internal error closing a socket (${nameOf(error)})`));
  }
  function onPong(this: WebSocket): void {
    pings.answered(this);
  }
  function onError(this: WebSocket, error: Error): void {
    closeOnInternalError(this, error);
  }

  // ws passes on its HTTP server's errors: every socket is closed, as graphql-ws's useServer does, and the process lives on.
  sockets.on('error', (error) => {
    for (const socket of sockets.clients) closeOnInternalError(socket, error);
  });
  sockets.on('connection', (socket, request) => {
    const connection = new Connection(socket, watch(socket));
    connection.closed = server.opened(connection, { socket, request: { headers: traceHeadersOf(request.headers) } });
    connections.set(socket, connection);
    if (connectionInitWaitMs > 0 && Number.isFinite(connectionInitWaitMs)) awaitingInit.set(socket, setTimeout(closeUninitialised, connectionInitWaitMs, socket).unref());
    socket.on('message', onMessage);
    socket.once('close', onClose);
    socket.on('pong', onPong);
    socket.on('error', onError);
  });

  return pings.stop;
}

function closeOnInternalError(socket: WebSocket, error: unknown): void {
  diagnose('error', 'graphql-ws', `internal error on a socket (${nameOf(error)}); closed with 4500`);
  socket.close(CloseCode.InternalServerError, 'Internal server error');
}

/** An error's class only: its message may hold what a client sent. */
function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
