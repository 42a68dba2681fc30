import { randomUUID } from 'node:crypto';
import type { Client, FormattedExecutionResult as ExecutionResult } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { wsClient } from '../helpers/subscriptions';
import { runOperation } from '../helpers/transports';

const SUBSCRIPTION = 'subscription { repositEvents { __typename } }';
const redis = new Redis('redis://127.0.0.1:6379');
const subscriber = new Redis('redis://127.0.0.1:6379');
const prefix = `test-${randomUUID()}`;
let first: TestGateway;
let second: TestGateway;
const clients: Client[] = [];

beforeAll(async () => {
  await Promise.all([redis.ping(), subscriber.ping()]);
  const env = { MAX_SUBSCRIPTIONS_PER_SOCKET: '2', MAX_SUBSCRIPTIONS_PER_PRINCIPAL: '3', MAX_SUBSCRIPTIONS_PER_AGENCY: '4', SANDBOX_EVENTS: '0' };
  first = await useGateway({ redis: { client: redis, subscriber, prefix }, env });
  second = await useGateway({ redis: { client: redis, subscriber, prefix }, env });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await redis.quit();
  await subscriber.quit();
});

async function socketAs(gateway: TestGateway, subject: string, agency = 'sandbox-north'): Promise<Client> {
  const client = wsClient(gateway.url, { authorization: `Bearer ${await testToken({ subject, agency })}` });
  clients.push(client);
  return client;
}

/** Starts a subscription; `results` fills as the server answers, `end` unsubscribes. */
function subscribe(client: Client) {
  const results: Array<ExecutionResult<Record<string, unknown>, unknown>> = [];
  let completed = false;
  const end = client.subscribe({ query: SUBSCRIPTION }, { next: (result) => void results.push(result), error: () => (completed = true), complete: () => (completed = true) });
  return { results, end, completed: () => completed };
}

const openIn = (agency: string) => redis.zcard(`${prefix}:{${agency}}:subscriptions:agency`);
const untilOpen = (agency: string, count: number) => vi.waitFor(async () => expect(await openIn(agency)).toBe(count), { timeout: 5_000 });
const refusedWith = async (subscription: ReturnType<typeof subscribe>) => {
  await vi.waitFor(() => expect(subscription.completed()).toBe(true), { timeout: 5_000 });
  return subscription.results[0]?.errors?.[0];
};

describe('caps on open subscriptions', () => {
  it('caps one socket, refuses with SUBSCRIPTION_LIMIT and keeps the socket open', async () => {
    const client = await socketAs(first, `socket-${randomUUID()}`);
    const open = [subscribe(client), subscribe(client)];
    await untilOpen('sandbox-north', 2);
    const error = await refusedWith(subscribe(client));
    expect(error?.extensions).toMatchObject({ code: 'SUBSCRIPTION_LIMIT', limit: 'subscriptions per socket', max: 2 });
    expect(error?.message).toContain('at most 2 per socket');
    // The socket still answers.
    const answer = await new Promise<ExecutionResult<Record<string, unknown>, unknown>>((resolve) => client.subscribe({ query: '{ agency { id } }' }, { next: resolve, error: () => undefined, complete: () => undefined }));
    expect(answer.data).toEqual({ agency: { id: 'sandbox-north' } });
    // An ended subscription gives its place back.
    open[0]!.end();
    await untilOpen('sandbox-north', 1);
    subscribe(client);
    await untilOpen('sandbox-north', 2);
    for (const subscription of open) expect(subscription.results).toEqual([]);
  });

  it('caps one principal across sockets, instances and SSE', async () => {
    const subject = `principal-${randomUUID()}`;
    const onFirst = await socketAs(first, subject);
    subscribe(onFirst);
    subscribe(onFirst);
    const onSecond = await socketAs(second, subject);
    subscribe(onSecond);
    await untilOpen('sandbox-north', 3);
    const error = await refusedWith(subscribe(onSecond));
    expect(error?.extensions).toMatchObject({ code: 'SUBSCRIPTION_LIMIT', limit: 'subscriptions per principal', max: 3 });
    const overSse = await runOperation(first.url, 'SSE', { query: SUBSCRIPTION }, { credential: { kind: 'token', token: await testToken({ subject }) }, waitMs: 2_000 });
    expect(overSse.errors?.[0]?.extensions).toMatchObject({ code: 'SUBSCRIPTION_LIMIT', limit: 'subscriptions per principal' });
  });

  it('caps one agency across instances, and a closed socket gives back its places', async () => {
    const agency = 'sandbox-south';
    const a = await socketAs(first, `a-${randomUUID()}`, agency);
    subscribe(a);
    subscribe(a);
    const b = await socketAs(second, `b-${randomUUID()}`, agency);
    subscribe(b);
    subscribe(b);
    await untilOpen(agency, 4);
    const c = await socketAs(second, `c-${randomUUID()}`, agency);
    const error = await refusedWith(subscribe(c));
    expect(error?.extensions).toMatchObject({ code: 'SUBSCRIPTION_LIMIT', limit: 'subscriptions per agency', max: 4 });
    // The other agency is not held back by this one's cap.
    const north = subscribe(await socketAs(first, `north-${randomUUID()}`));
    await untilOpen('sandbox-north', 1);
    expect(north.completed()).toBe(false);
    await a.dispose();
    await untilOpen(agency, 2);
    const admitted = subscribe(c);
    await untilOpen(agency, 3);
    expect(admitted.completed()).toBe(false);
  });
});
