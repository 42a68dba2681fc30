import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { diagnose } from '../logging/diagnostics';

/** What graphql-ws hands each hook of a socket, as its own `useServer` does. */
export interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/** Told of every message a socket receives and of its close, before graphql-ws reads them. */
export interface SocketWatcher {
  read(data: RawData): void;
  closed(): void;
}

/** How often every socket is pinged (graphql-ws's own default); one that has not answered the previous ping by then is dropped. */
const KEEP_ALIVE_MS = 12_000;

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

/**
 * graphql-ws's protocol (`makeServer`) on a `ws` server, in place of graphql-ws's `useServer`, for
 * what a socket costs while it idles for hours: one keep-alive timer for every socket, not two
 * timers and a `pong` listener each; listeners shared by every socket, not closures of each; and
 * a message handler that does not hold the frame it read for as long as the subscription it
 * started runs. Otherwise as `useServer`: the subprotocol is chosen by graphql-ws, a socket that
 * misses a pong is dropped, and an internal error closes its socket with 4500 and a message that
 * tells nothing. `watch` gives each socket its watcher as it connects. Returns what stops the pings.
 */
export function serveGraphqlWs(
  sockets: WebSocketServer,
  options: ServerOptions<Record<string, unknown> | undefined, SocketExtra>,
  watch: (socket: WebSocket) => SocketWatcher,
  keepAliveMs = KEEP_ALIVE_MS,
): () => void {
  const server = makeServer(options);
  const connections = new WeakMap<WebSocket, Connection>();
  const awaitingPong = new WeakSet<WebSocket>();
  sockets.options.handleProtocols = handleProtocols;

  function onMessage(this: WebSocket, data: RawData): void {
    const connection = connections.get(this);
    if (!connection) return;
    connection.watcher.read(data);
    connection.read(String(data)).catch((error: unknown) => closeOnInternalError(this, error));
  }
  function onClose(this: WebSocket, code: number, reason: Buffer): void {
    const connection = connections.get(this);
    connections.delete(this);
    connection?.watcher.closed();
    connection?.closed(code, String(reason)).catch((error: unknown) => diagnose('error', 'graphql-ws', `internal error closing a socket (${nameOf(error)})`));
  }
  function onPong(this: WebSocket): void {
    awaitingPong.delete(this);
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
    connection.closed = server.opened(connection, { socket, request });
    connections.set(socket, connection);
    socket.on('message', onMessage);
    socket.once('close', onClose);
    socket.on('pong', onPong);
    socket.on('error', onError);
  });

  const keepAlive = setInterval(() => {
    for (const socket of sockets.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, keepAliveMs).unref();
  return () => clearInterval(keepAlive);
}

function closeOnInternalError(socket: WebSocket, error: unknown): void {
  diagnose('error', 'graphql-ws', `internal error on a socket (${nameOf(error)}); closed with 4500`);
  socket.close(CloseCode.InternalServerError, 'Internal server error');
}

/** An error's class only: its message may hold what a client sent. */
function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
