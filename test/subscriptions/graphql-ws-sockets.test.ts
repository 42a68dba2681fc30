import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { serveGraphqlWs, type SocketWatcher } from '../../src/subscriptions/graphql-ws-sockets';

const schema = buildSchema('type Query { hello: String } type Subscription { count: Int }');
const roots = {
  query: { hello: () => 'world' },
  subscription: {
    count: async function* count() {
      for (let n = 1; n <= 2; n++) yield { count: n };
    },
  },
};

interface Served {
  url: string;
  watched: { reads: unknown[]; closed: boolean }[];
  stop(): Promise<void>;
}

let served: Served | undefined;
afterEach(async () => {
  await served?.stop();
  served = undefined;
});

async function serve(options: { keepAliveMs?: number; connectionInitWaitMs?: number; onConnect?: () => boolean } = {}): Promise<Served> {
  const http: Server = createServer();
  const sockets = new WebSocketServer({ server: http });
  const watched: Served['watched'] = [];
  const stopPings = serveGraphqlWs(
    sockets,
    { schema, roots, onConnect: options.onConnect },
    () => {
      const seen = { reads: [] as unknown[], closed: false };
      watched.push(seen);
      return { read: (message: unknown) => seen.reads.push(message), closed: () => (seen.closed = true) } satisfies SocketWatcher;
    },
    { keepAliveMs: options.keepAliveMs, connectionInitWaitMs: options.connectionInitWaitMs },
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  served = {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    watched,
    stop: async () => {
      stopPings();
      for (const client of sockets.clients) client.terminate();
      await new Promise((resolve) => sockets.close(resolve));
      await new Promise((resolve) => http.close(resolve));
    },
  };
  return served;
}

/** The messages a socket receives and how it closes. */
function open(url: string, options: { protocols?: string[]; autoPong?: boolean } = {}) {
  const socket = new WebSocket(url, options.protocols ?? ['graphql-transport-ws'], { autoPong: options.autoPong ?? true });
  const messages: Array<{ type: string; id?: string; payload?: unknown }> = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const opened = new Promise((resolve) => socket.on('open', resolve));
  return { socket, messages, closed, opened };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('graphql-ws on the gateway’s own socket adapter', () => {
  it('speaks graphql-transport-ws: acknowledges, answers a query and a subscription, then completes them', async () => {
    const { url } = await serve();
    const client = open(url);
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => client.messages.length === 1);
    client.socket.send(JSON.stringify({ id: 'q', type: 'subscribe', payload: { query: '{ hello }' } }));
    client.socket.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: 'subscription { count }' } }));
    await until(() => client.messages.filter((message) => message.type === 'complete').length === 2);
    expect(client.messages[0]).toEqual({ type: 'connection_ack' });
    expect(client.messages.filter((message) => message.id === 'q')).toEqual([
      { id: 'q', type: 'next', payload: { data: { hello: 'world' } } },
      { id: 'q', type: 'complete' },
    ]);
    expect(client.messages.filter((message) => message.id === 's').map((message) => message.payload ?? message.type)).toEqual([{ data: { count: 1 } }, { data: { count: 2 } }, 'complete']);
    client.socket.close();
  });

  it('hands every message to the socket’s watcher, parsed, and tells it of the close', async () => {
    const { url, watched } = await serve();
    const client = open(url);
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => client.messages.length === 1);
    client.socket.send(JSON.stringify({ type: 'ping' }));
    await until(() => client.messages.length === 2);
    client.socket.close();
    await until(() => watched[0]?.closed === true);
    expect(watched[0]!.reads).toEqual([{ type: 'connection_init' }, { type: 'ping' }]);
    expect(client.messages[1]).toEqual({ type: 'pong' });
  });

  it('closes with 4400 a message that is not JSON, as graphql-ws does, after telling the watcher', async () => {
    const { url, watched } = await serve();
    const client = open(url);
    await client.opened;
    client.socket.send('{"type": "connection_init"');
    expect(await client.closed).toEqual({ code: 4400, reason: 'Invalid message received' });
    expect(watched[0]!.reads).toEqual([undefined]);
  });

  it('closes with 4408 a socket that sends no connection_init in time, and not one that did', async () => {
    const { url } = await serve({ connectionInitWaitMs: 100 });
    const silent = open(url);
    const initialised = open(url);
    await Promise.all([silent.opened, initialised.opened]);
    initialised.socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await silent.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(initialised.socket.readyState).toBe(WebSocket.OPEN);
    expect(initialised.messages).toEqual([{ type: 'connection_ack' }]);
    initialised.socket.close();
  });

  it('closes with 4406 a socket that asked for no subprotocol, or none it speaks', async () => {
    const { url } = await serve();
    const client = open(url, { protocols: [] });
    expect((await client.closed).code).toBe(4406);
  });

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const { url } = await serve({ keepAliveMs: 50 });
    const silent = open(url, { autoPong: false });
    const answering = open(url);
    await Promise.all([silent.opened, answering.opened]);
    // Dropped at the second ping it misses; a close with no close frame reads 1006.
    expect((await silent.closed).code).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    answering.socket.close();
  });

  it('closes a socket with 4500 on an internal error, saying nothing of it', async () => {
    const { url } = await serve({
      onConnect: () => {
        throw new Error('secret detail of a broken hook');
      },
    });
    const client = open(url);
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await client.closed).toEqual({ code: 4500, reason: 'Internal server error' });
  });
});
