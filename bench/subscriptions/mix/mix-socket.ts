import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export interface MixSocketOptions {
  /** The gateway's origin, `http://127.0.0.1:port`. */
  url: string;
  /** The connection_init payload: the credential of the socket's agency. */
  connectionParams: Record<string, unknown>;
  /** The socket's subscriptions; each gets the id of its place in this list. */
  operations: Array<{ query: string; variables: Record<string, unknown> }>;
  /** Each event's id as received on the subscription at `operation`, with the time it arrived. */
  onEvent(operation: number, eventId: string, at: number): void;
  /** A protocol `error`, an event without an id, an unexpected close, or a socket error. */
  onProblem(reason: string): void;
}

export interface MixSocket {
  /** Stops reading the socket, as a slow reader does: the gateway's writes back up. */
  pause(): void;
  resume(): void;
  close(): void;
}

const OPEN_TIMEOUT_MS = 30_000;

/**
 * A graphql-transport-ws client on a raw `ws` socket with several subscriptions (as a browser
 * tab with a few widgets): the protocol's client library costs more per socket than the load
 * generator can spend at 10,000 of them. Resolves once the subscribe messages are sent.
 */
export function openMixSocket(options: MixSocketOptions): Promise<MixSocket> {
  const socket = new WebSocket(`${options.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
  let closing = false;
  const handle: MixSocket = {
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => {
      closing = true;
      socket.terminate();
    },
  };
  return new Promise<MixSocket>((resolve, reject) => {
    const timer = setTimeout(() => {
      handle.close();
      reject(new Error(`mix socket: no connection_ack within ${OPEN_TIMEOUT_MS} ms`));
    }, OPEN_TIMEOUT_MS);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: options.connectionParams })));
    socket.on('message', (raw) => {
      const at = performance.now();
      const message = JSON.parse(raw.toString()) as { type: string; id?: string; payload?: { data?: { e?: { id?: string } }; errors?: unknown } };
      if (message.type === 'next') {
        const eventId = message.payload?.data?.e?.id;
        if (eventId === undefined || message.payload?.errors) options.onProblem(`next: ${JSON.stringify(message.payload).slice(0, 300)}`);
        else options.onEvent(Number(message.id), eventId, at);
      } else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      else if (message.type === 'error') options.onProblem(`error: ${JSON.stringify(message.payload).slice(0, 300)}`);
      else if (message.type === 'complete') options.onProblem(`complete: subscription ${message.id} ended by the gateway`);
      else if (message.type === 'connection_ack') {
        options.operations.forEach((payload, id) => socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload })));
        clearTimeout(timer);
        resolve(handle);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      options.onProblem(`socket: ${error.message}`);
      reject(error);
    });
    socket.on('close', (code) => {
      if (!closing) options.onProblem(`closed by the gateway (${code})`);
    });
  });
}
