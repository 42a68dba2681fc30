import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterEach, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createAnswerMasking, operationFrames } from '../../src/subscriptions/operation-frames';

const masking = createAnswerMasking((error) => new GraphQLError(String(error)));
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** A WebSocket server and `count` clients connected to it: each client's socket on the server, and what the client received. */
async function connected(count: number) {
  const http = createServer();
  const server = new WebSocketServer({ server: http });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const pairs: Array<{ socket: WebSocket; client: WebSocket; received: string[] }> = [];
  for (let i = 0; i < count; i++) {
    const accepted = once(server, 'connection');
    const client = new WebSocket(url);
    const received: string[] = [];
    client.on('message', (data) => received.push(String(data)));
    const [socket] = (await accepted) as [WebSocket];
    await once(client, 'open');
    pairs.push({ socket, client, received });
  }
  stop = async () => {
    for (const { client } of pairs) client.terminate();
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => http.close(resolve));
  };
  return pairs;
}

const answer = (n: number) => masking.serialize({ data: { n, padding: 'x'.repeat(4_000) } });

it('writes every message whole to a socket that backs up mid-message while others are written after it', async () => {
  const [slow, reading] = await connected(2);
  slow!.client.pause();
  const slowFrames = operationFrames(slow!.socket, 'slow', masking);
  const readingFrames = operationFrames(reading!.socket, 'reading', masking);
  // Until the slow socket's buffers are full: the message that fills them is written in part, and the rest waits.
  let sentSlow = 0;
  let sentReading = 0;
  for (let open = true; open && sentSlow < 100_000; ) {
    open = slowFrames.send(answer(sentSlow++));
    readingFrames.send(answer(sentReading++));
  }
  expect(slow!.socket.bufferedAmount).toBeGreaterThan(0);
  for (let k = 0; k < 20; k++) readingFrames.send(answer(sentReading++));
  slow!.client.resume();
  await vi.waitFor(() => expect(slow!.received).toHaveLength(sentSlow), { timeout: 10_000 });
  await vi.waitFor(() => expect(reading!.received).toHaveLength(sentReading));
  for (const [{ received }, id] of [[slow!, 'slow'], [reading!, 'reading']] as const) {
    received.forEach((message, n) => expect(JSON.parse(message)).toEqual({ id, type: 'next', payload: { data: { n, padding: 'x'.repeat(4_000) } } }));
  }
});
