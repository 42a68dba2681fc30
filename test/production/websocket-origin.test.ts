import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useGateway, type TestGateway } from '../helpers/gateway';

const APP = 'https://app.agency.example';

let listed: TestGateway;
let development: TestGateway;

beforeAll(async () => {
  [listed, development] = await Promise.all([useGateway({ env: { NODE_ENV: 'production', CORS_ORIGINS: APP } }), useGateway()]);
});
afterAll(async () => {
  await Promise.all([listed, development].map((gateway) => gateway?.close()));
});

type Opening = { refusedWith: number } | { acknowledged: true };

/** Opens a graphql-ws socket with this Origin (none: as a server-side client) and authenticates: refused at the upgrade, or acknowledged. */
function open(gateway: TestGateway, origin?: string): Promise<Opening> {
  const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', origin === undefined ? {} : { origin });
  return new Promise((resolve, reject) => {
    socket.on('unexpected-response', (_request, response) => {
      resolve({ refusedWith: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: gateway.connectionParams })));
    socket.on('message', (raw) => {
      if ((JSON.parse(String(raw)) as { type: string }).type === 'connection_ack') resolve({ acknowledged: true });
      socket.close(1000);
    });
    socket.on('error', (error) => reject(error));
  });
}

describe('graphql-ws checks the Origin against CORS_ORIGINS before the handshake', () => {
  it('refuses a page on another site with 403', async () => {
    expect(await open(listed, 'https://evil.example')).toEqual({ refusedWith: 403 });
    expect(await open(listed, 'null')).toEqual({ refusedWith: 403 });
    expect(await open(listed, 'http://localhost:5173')).toEqual({ refusedWith: 403 });
  });

  it('accepts a listed origin, the gateway\'s own, and a client that sends no Origin', async () => {
    expect(await open(listed, APP)).toEqual({ acknowledged: true });
    expect(await open(listed, new URL(listed.url).origin)).toEqual({ acknowledged: true });
    expect(await open(listed)).toEqual({ acknowledged: true });
  });

  it('outside production without CORS_ORIGINS accepts loopback origins only', async () => {
    expect(await open(development, 'http://localhost:5173')).toEqual({ acknowledged: true });
    expect(await open(development, 'https://evil.example')).toEqual({ refusedWith: 403 });
  });
});
