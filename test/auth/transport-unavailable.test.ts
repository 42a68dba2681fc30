import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { startRedisServer } from '../helpers/redis-server';
import { runOperation, TRANSPORTS, type Credential, type Seen, type Transport } from '../helpers/transports';
import { sign, signingKey, startJwksServer } from './jwks-server';

const WHO = { query: '{ tenant(email: "amara.okafor@example.com") { email } }' };

/** Authentication itself unavailable: 503 with Retry-After over HTTP, 4500 over graphql-ws; never a 401, which would say the credential is bad. */
function expectUnavailable(seen: Seen, transport: Transport): void {
  if (transport === 'graphql-ws') {
    expect(seen.closeCode).toBe(4500);
    return;
  }
  expect(seen.status).toBe(503);
  expect(seen.headers['retry-after']).toBe('5');
  expect(seen.headers['www-authenticate']).toBeUndefined();
  expect(seen.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
}

const ask = (gateway: TestGateway, transport: Transport, credential: Credential) => runOperation(gateway.url, transport, WHO, { credential });

describe('the key set of AUTH_JWKS_URL unreachable', () => {
  let gateway: TestGateway;
  let rs256: string;
  beforeAll(async () => {
    const key = await signingKey('RS256', 'gone');
    const jwks = await startJwksServer([key]);
    await jwks.close();
    rs256 = await sign(key, { sub: 'user', agency: 'sandbox-north', scope: 'read' });
    gateway = await useGateway({ env: { AUTH_JWKS_URL: jwks.url.href } });
  });
  afterAll(() => gateway?.close());

  it.each(TRANSPORTS)('over %s, an RS256 token is answered 503, and an HS256 one still served', async (transport) => {
    expectUnavailable(await ask(gateway, transport, { kind: 'token', token: rs256 }), transport);
    const served = await ask(gateway, transport, { kind: 'token', token: await testToken() });
    expect(served.data).toEqual({ tenant: { email: 'amara.okafor@example.com' } });
  });
});

describe('the API key store down', () => {
  let redisServer: Awaited<ReturnType<typeof startRedisServer>>;
  let client: Redis;
  let subscriber: Redis;
  let gateway: TestGateway;
  let key: string;
  beforeAll(async () => {
    redisServer = await startRedisServer();
    // no queue: while Redis is down a command fails at once instead of waiting for it
    const connect = () => new Redis({ port: redisServer.port, enableOfflineQueue: false, maxRetriesPerRequest: 0 }).on('error', () => undefined);
    client = connect();
    subscriber = connect();
    await Promise.all([client, subscriber].map((connection) => new Promise((resolve) => connection.once('ready', resolve))));
    gateway = await useGateway({ redis: { client, subscriber, prefix: `test-${randomUUID()}` } });
    ({ key } = await gateway.composed.apiKeys!.create({ name: 'down', agencyId: 'sandbox-north', scopes: ['read'] }));
    await redisServer.stop();
  });
  afterAll(async () => {
    await gateway?.close().catch(() => undefined);
    client?.disconnect();
    subscriber?.disconnect();
  });

  it.each(TRANSPORTS)('over %s, an API key is answered 503, and a token still served', async (transport) => {
    expectUnavailable(await ask(gateway, transport, { kind: 'apiKey', key }), transport);
    const served = await ask(gateway, transport, { kind: 'token', token: gateway.token });
    expect(served.data).toEqual({ tenant: { email: 'amara.okafor@example.com' } });
  });
});
