import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { runOperation, TRANSPORTS } from '../helpers/transports';

const QUERY = { query: '{ agency { id } }' };
const SUBSCRIPTION = { query: 'subscription { repositEvents { __typename } }' };
const LIMIT = 2;

const redis = new Redis('redis://127.0.0.1:6379');
const subscriber = new Redis('redis://127.0.0.1:6379');
const prefix = `test-${randomUUID()}`;
let first: TestGateway;
let second: TestGateway;

beforeAll(async () => {
  await Promise.all([redis.ping(), subscriber.ping()]);
  // Two instances on one Redis and prefix, as two gateway processes behind a load balancer.
  const options = { redis: { client: redis, subscriber, prefix }, env: { RATE_LIMIT_PER_PRINCIPAL: String(LIMIT), SANDBOX_EVENTS: '0' } };
  first = await useGateway(options);
  second = await useGateway(options);
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await redis.quit();
  await subscriber.quit();
});

const asSubject = async (subject: string) => ({ kind: 'token' as const, token: await testToken({ subject }) });

describe('rate limits on every transport', () => {
  it.each(TRANSPORTS)('refuses the operation over the limit over %s with RATE_LIMITED and the retry time', async (transport) => {
    const credential = await asSubject(`query-${transport}-${randomUUID()}`);
    for (let i = 0; i < LIMIT; i++) {
      const seen = await runOperation(first.url, transport, QUERY, { credential });
      expect(seen.errors).toBeUndefined();
      expect(seen.data).toEqual({ agency: { id: 'sandbox-north' } });
    }
    const refused = await runOperation(first.url, transport, QUERY, { credential });
    expect(refused.data ?? null).toBeNull();
    const error = refused.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests per principal' });
    expect(error?.extensions).not.toHaveProperty('http');
    const seconds = error?.extensions?.retryAfterSeconds as number;
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
    expect(error?.message).toContain(`at most ${LIMIT} requests per principal`);
    if (transport === 'POST' || transport === 'GET') {
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe(String(seconds));
    }
    if (transport === 'graphql-ws') expect(refused.closeCode).toBeUndefined();
  });

  it.each(['SSE', 'graphql-ws'] as const)('refuses a subscription over the limit over %s with RATE_LIMITED', async (transport) => {
    const credential = await asSubject(`subscription-${transport}-${randomUUID()}`);
    for (let i = 0; i < LIMIT; i++) expect((await runOperation(first.url, transport, QUERY, { credential })).errors).toBeUndefined();
    const refused = await runOperation(first.url, transport, SUBSCRIPTION, { credential, waitMs: 2_000 });
    expect(refused.ended).toBe(true);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('shares the count between two instances', async () => {
    const credential = await asSubject(`shared-${randomUUID()}`);
    expect((await runOperation(first.url, 'POST', QUERY, { credential })).status).toBe(200);
    expect((await runOperation(second.url, 'POST', QUERY, { credential })).status).toBe(200);
    expect((await runOperation(first.url, 'POST', QUERY, { credential })).status).toBe(429);
    expect((await runOperation(second.url, 'POST', QUERY, { credential })).status).toBe(429);
    // Another principal of the same agency has a count of its own.
    expect((await runOperation(second.url, 'POST', QUERY, { credential: await asSubject(`other-${randomUUID()}`) })).status).toBe(200);
  });
});
