import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_ACCOUNT_CREDENTIALS } from '../../src/sandbox/credentials';
import { loadConfig } from '../../src/config';
import { createRedisClient, createSubscriberClient, type RedisClient } from '../../src/redis-client';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { startRedisCluster, type RunningRedisCluster } from '../helpers/redis-cluster';
import { wsClient } from '../helpers/subscriptions';
import { AMARA, canopyExamples, postWebhook, REPOSIT_COMPLETED } from '../helpers/webhooks';

const NOTES = /* GraphQL */ `
  subscription Notes($email: String!, $after: String) {
    tenantEvents(email: $email, after: $after) { ... on VendorEvent { id } ... on PassportNoteEvent { note } }
  }
`;
const SUPPLIER = '{ repositSupplier { name } }';
const prefix = `test-cluster-${randomBytes(4).toString('hex')}`;
// One key for every instance, as operators give them: each opens the credentials another sealed.
const CREDENTIALS_KEY = randomBytes(32).toString('base64');
const connections: RedisClient[] = [];
let cluster: RunningRedisCluster;
let one: TestGateway;
let two: TestGateway;

/** Connected as main.ts connects: from REDIS_CLUSTER_NODES, with a sharded subscriber beside it. */
async function clusterClients(): Promise<{ client: RedisClient; subscriber: RedisClient }> {
  const client = createRedisClient(loadConfig({ REDIS_CLUSTER_NODES: cluster.nodes.join(',') }));
  const subscriber = createSubscriberClient(client);
  connections.push(client, subscriber);
  for (const connection of [client, subscriber]) connection.on('error', () => undefined);
  await client.connect();
  await subscriber.connect();
  return { client, subscriber };
}

async function instance(): Promise<TestGateway> {
  const redis = { ...(await clusterClients()), prefix };
  return useGateway({ redis, env: { CREDENTIALS_KEY, SANDBOX_EVENTS: '0' } });
}

/** Notes about Amara posted to `gateway` as Canopy would; each a delivery of its own. */
const note = (text: string) => ({ ...canopyExamples.note, note: text });

beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
  [one, two] = [await instance(), await instance()];
}, 60_000);

afterAll(async () => {
  await one?.close();
  await two?.close();
  for (const connection of connections) connection.disconnect();
  await cluster?.stop();
});

/** Every note a graphql-ws subscriber on `gateway` receives, in order, from `after` on. */
function collectNotes(gateway: TestGateway, after: string) {
  const client = wsClient(gateway.url, gateway.connectionParams);
  const notes: string[] = [];
  let longestGapMs = 0;
  let lastAt = Date.now();
  const done = (async () => {
    for await (const result of client.iterate<{ tenantEvents: { id: string; note?: string } }>({ query: NOTES, variables: { email: AMARA, after } })) {
      longestGapMs = Math.max(longestGapMs, Date.now() - lastAt);
      lastAt = Date.now();
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const text = result.data?.tenantEvents.note;
      if (text !== undefined) notes.push(text);
    }
  })();
  done.catch(() => undefined);
  return { notes, longestGapMs: () => longestGapMs, done, dispose: () => client.dispose() };
}

describe('two gateways on one Redis Cluster', () => {
  it('delivers a webhook posted to one to a graphql-ws subscriber of the other, and replays from `after` there', async () => {
    const start = (await one.events.newestId(one.agencyId)) ?? '0-0';
    await postWebhook(one.url, 'canopy', note('before the subscriber'));
    const subscriber = collectNotes(two, start);
    // Replayed from the stream: the note stored before it subscribed.
    await vi.waitFor(() => expect(subscriber.notes).toEqual(['before the subscriber']), { timeout: 5_000, interval: 20 });
    const live = await postWebhook(one.url, 'canopy', note('live, through SPUBLISH'));
    expect(live.status).toBe(200);
    await vi.waitFor(() => expect(subscriber.notes).toEqual(['before the subscriber', 'live, through SPUBLISH']), { timeout: 5_000, interval: 20 });
    await subscriber.dispose();
  });

  it('stores a webhook before acknowledging it, and deduplicates a retry of the same delivery', async () => {
    const body = note(`stored ${randomBytes(3).toString('hex')}`);
    const first = await postWebhook(two.url, 'canopy', body);
    expect(first.status).toBe(200);
    const stored = await one.events.readAfter(one.agencyId, undefined, 100_000);
    expect(stored.filter((event) => event.id === first.body.id)).toHaveLength(1);
    const again = await postWebhook(one.url, 'canopy', body);
    expect(again).toEqual({ status: 200, body: { status: 'duplicate', id: first.body.id } });
    expect(await one.events.readAfter(one.agencyId, undefined, 100_000)).toHaveLength(stored.length);
  });

  it('serves an agency added at run time on one from the other, and authenticates there an API key made on the first', async () => {
    const id = `west-${randomBytes(3).toString('hex')}`;
    await one.composed.registry.create({ id, name: 'Westside Lettings' });
    const { apiKey } = SANDBOX_ACCOUNT_CREDENTIALS['sandbox-south'].reposit;
    await one.composed.registry.setVendorCredentials(id, 'reposit', { baseUrl: one.sandbox.baseUrls.reposit, apiKey });
    const token = await testToken({ agency: id });
    await vi.waitFor(async () => expect((await two.graphql(SUPPLIER, undefined, { token })).data).toEqual({ repositSupplier: { name: 'Southside Lettings' } }), { timeout: 2_000, interval: 20 });

    const created = await one.composed.apiKeys!.create({ name: 'westside crm', agencyId: id, scopes: ['read'] });
    const asKey = await two.graphql(SUPPLIER, undefined, { headers: { 'x-api-key': created.key } });
    expect(asKey.data).toEqual({ repositSupplier: { name: 'Southside Lettings' } });
    expect(await one.composed.apiKeys!.revoke(created.id, id)).toBe(true);
    await vi.waitFor(async () => expect((await two.graphql(SUPPLIER, undefined, { headers: { 'x-api-key': created.key } })).data).toBeUndefined(), { timeout: 3_000, interval: 50 });

    await two.composed.registry.delete(id);
    await vi.waitFor(async () => expect((await one.graphql(SUPPLIER, undefined, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN'), { timeout: 2_000, interval: 20 });
    expect(await one.composed.registry.list().some((agency) => agency.id === id)).toBe(false);
  });

  it("keeps every key of an agency in its agency's slot, and names no other key than the shared ones", async () => {
    // A Reposit event of the other agency too, and a dead letter, so each store has written.
    const south = await two.webhookUrl('reposit', 'sandbox-south');
    expect((await request(south, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(REPOSIT_COMPLETED) })).statusCode).toBe(200);
    expect((await postWebhook(one.url, 'reposit', { not: 'a notification' })).status).toBe(400);
    const masters = (connections[0] as import('ioredis').Cluster).nodes('master');
    const keys = (await Promise.all(masters.map((node) => node.keys(`${prefix}:*`)))).flat();
    const tags = new Set<string>();
    for (const key of keys) {
      const tag = /\{([^}]*)\}/.exec(key)?.[1];
      if (tag === undefined) {
        expect([`${prefix}:agencies`, `${prefix}:api-key-hashes`, `${prefix}:report-link-key`]).toContain(key);
        continue;
      }
      tags.add(tag);
      expect(key.startsWith(`${prefix}:{${tag}}:`), key).toBe(true);
      expect(await slotOf(masters[0]!, key)).toBe(await slotOf(masters[0]!, `{${tag}}`));
    }
    expect([...tags]).toEqual(expect.arrayContaining(['sandbox-north', 'sandbox-south']));
    for (const gateway of [one, two]) expect(gateway.logLines.join('\n')).not.toMatch(/CROSSSLOT|MOVED|ASK /);
  });

  it("loses no acknowledged event when the agency's master fails over in the middle of a webhook stream", async () => {
    const start = (await one.events.newestId(one.agencyId)) ?? '0-0';
    const subscriber = collectNotes(two, start);
    const acknowledged = new Map<string, string>();
    let retries = 0;
    let longestStallMs = 0;
    let lastAckAt = Date.now();
    const sent = Array.from({ length: 150 }, (_, n) => `failover ${n}`);
    let failedOver: Promise<string> | undefined;
    for (const [index, text] of sent.entries()) {
      if (index === 50) failedOver = cluster.failover(`${prefix}:{sandbox-north}:events`);
      // As a vendor delivers: again, the same delivery, until it is acknowledged.
      for (;;) {
        const answer = await postWebhook(index % 2 === 0 ? one.url : two.url, 'canopy', note(text)).catch(() => undefined);
        if (answer && answer.status === 200) {
          acknowledged.set(text, answer.body.id as string);
          break;
        }
        retries++;
        await sleep(20);
      }
      longestStallMs = Math.max(longestStallMs, Date.now() - lastAckAt);
      lastAckAt = Date.now();
    }
    const promoted = await failedOver;
    expect(promoted).toBeDefined();

    const stored = await two.events.readAfter(two.agencyId, start, 100_000);
    const storedIds = new Set(stored.map((event) => event.id));
    expect([...acknowledged.values()].filter((id) => !storedIds.has(id))).toEqual([]);
    await vi.waitFor(() => expect(new Set(subscriber.notes)).toEqual(new Set(sent)), { timeout: 10_000, interval: 50 });
    const duplicates = subscriber.notes.length - new Set(subscriber.notes).size;
    console.info(`redis cluster failover: ${acknowledged.size} acknowledged, 0 lost, ${duplicates} duplicates at the subscriber, ${retries} retried deliveries; longest wait for an acknowledgement ${longestStallMs} ms, longest gap between two events at the subscriber ${subscriber.longestGapMs()} ms`);
    // Every retry is of a delivery whose dedupe key is stored with its event: none is told twice.
    expect(duplicates).toBe(0);
    await subscriber.dispose();
  });
});

async function slotOf(node: Redis, key: string): Promise<number> {
  return Number(await node.cluster('KEYSLOT', key));
}
