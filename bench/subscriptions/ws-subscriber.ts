import WebSocket from 'ws';

export interface WsSubscriberOptions {
  /** The gateway's origin, `http://127.0.0.1:port`. */
  url: string;
  /** The connection_init payload: the credential, e.g. `{ authorization: 'Bearer …' }`. */
  connectionParams: Record<string, unknown>;
  /** The socket's subscriptions (several, as a browser tab with a few widgets), with ids `1`…`n`. */
  subscriptions: Array<{ query: string; variables: Record<string, unknown> }>;
  /** Each `next` payload, as received, with its subscription's id. Kept light: 10,000 of these run in one process. */
  onNext(data: unknown, id: string): void;
  /** A protocol `error`, a `complete` from the server, an unexpected close, or a socket error. */
  onProblem(reason: string): void;
}

export interface WsSubscriber {
  /** Stops reading the socket, as a slow client would: the gateway's writes back up. */
  pause(): void;
  resume(): void;
  close(): void;
}

const OPEN_TIMEOUT_MS = 30_000;

/**
 * graphql-transport-ws subscriptions over a raw `ws` socket (connection_init, subscribe,
 * next): the protocol's client library would cost the load generator more per socket than we
 * can spend at 10,000 of them. Resolves once the subscribe messages are sent.
 */
export function openWsSubscriber(options: WsSubscriberOptions): Promise<WsSubscriber> {
  const socket = new WebSocket(`${options.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
  let closing = false;
  const subscriber: WsSubscriber = {
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => {
      closing = true;
      socket.terminate();
    },
  };
  return new Promise<WsSubscriber>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscriber.close();
      reject(new Error(`subscriber: no connection_ack within ${OPEN_TIMEOUT_MS} ms`));
    }, OPEN_TIMEOUT_MS);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: options.connectionParams })));
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type: string; id?: string; payload?: unknown };
      if (message.type === 'next') options.onNext(message.payload, message.id ?? '');
      else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      else if (message.type === 'error') options.onProblem(`error: ${JSON.stringify(message.payload).slice(0, 300)}`);
      else if (message.type === 'complete') options.onProblem(`complete: subscription ${message.id} ended by the server`);
      else if (message.type === 'connection_ack') {
        options.subscriptions.forEach((payload, index) => socket.send(JSON.stringify({ id: String(index + 1), type: 'subscribe', payload })));
        clearTimeout(timer);
        resolve(subscriber);
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
