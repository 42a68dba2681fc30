import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisReadiness } from '../../src/http/readiness';
import { compareEventIds } from '../../src/subscriptions/event-log';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { DurableRedis, freePort } from '../helpers/redis-server';
import { takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { AMARA, canopyExamples, postWebhook } from '../helpers/webhooks';

/** Delivers like a vendor: again after any answer but 2xx, until it is taken. */
async function deliverUntilTaken(url: string, body: unknown): Promise<string> {
  for (;;) {
    const answer = await postWebhook(url, 'canopy', body).catch(() => undefined);
    if (answer?.status === 200) return String(answer.body.id);
    await sleep(50);
  }
}

const QUERY = `subscription ($email: String!, $after: String) { tenantEvents(email: $email, after: $after) { ... on VendorEvent { id } ... on PassportNoteEvent { note } } }`;

let redis: DurableRedis;
let connections: Redis[];
let gateway: TestGateway;

beforeAll(async () => {
  redis = new DurableRedis(await freePort());
  await redis.start();
  // Commands fail fast while Redis is away, so a webhook gets its 503 instead of waiting.
  const options = { port: redis.port, maxRetriesPerRequest: 1, retryStrategy: () => 100 };
  connections = [new Redis(options), new Redis(options)];
  for (const connection of connections) connection.on('error', () => undefined);
  const [commands, subscriber] = connections as [Redis, Redis];
  gateway = await useGateway({
    events: createRedisEventLog({ redis: commands, subscriber, prefix: 'restart' }),
    readiness: [redisReadiness(commands, `redis://127.0.0.1:${redis.port}`)],
  });
});

afterAll(async () => {
  await gateway.close();
  for (const connection of connections) connection.disconnect();
  await redis.stop();
  redis.remove();
});

describe('a Redis restart in the middle of a stream of webhooks', () => {
  it('loses no acknowledged event, reports the outage on /readyz, and live subscribers get every event', async () => {
    const client = wsClient(gateway.url, gateway.connectionParams);
    const total = 60;
    const receiving = takeOverWebSocket(client, QUERY, { email: AMARA, after: '0-0' }, total);

    const acknowledged: string[] = [];
    let readyDuringOutage: number | undefined;
    for (let n = 0; n < total; n++) {
      if (n === 20) {
        await redis.stop();
        const ready = await request(`${gateway.url}/readyz`);
        readyDuringOutage = ready.statusCode;
        await ready.body.dump();
        // Deliveries meet the outage (503s) until Redis is back; the vendor keeps retrying.
        setTimeout(() => void redis.start(), 300);
      }
      acknowledged.push(await deliverUntilTaken(gateway.url, { ...canopyExamples.note, note: `note ${n}` }));
    }

    expect(readyDuringOutage).toBe(503);
    const ready = await request(`${gateway.url}/readyz`);
    expect(ready.statusCode).toBe(200);
    await ready.body.dump();

    const stored = await gateway.events.readAfter(gateway.agencyId, undefined, 1000);
    expect(stored.map((event) => event.id)).toEqual(acknowledged);

    const delivered = await receiving;
    await client.dispose();
    expect(delivered.map((result) => result.data?.tenantEvents.note)).toEqual(acknowledged.map((_, n) => `note ${n}`));
    expect(delivered.map((result) => result.data?.tenantEvents.id)).toEqual(acknowledged);
  }, 60_000);

  it('loses no acknowledged event live across many crashes of Redis, and gives none twice', async () => {
    const client = wsClient(gateway.url, gateway.connectionParams);
    const start = (await gateway.events.newestId(gateway.agencyId)) ?? '0-0';
    const received: string[] = [];
    let ended: unknown;
    const receiving = (async () => {
      try {
        for await (const result of client.iterate<{ tenantEvents: { id: string } }>({ query: QUERY, variables: { email: AMARA, after: start } })) {
          if (result.errors) throw new Error(JSON.stringify(result.errors));
          received.push(result.data!.tenantEvents.id);
        }
      } catch (error) {
        ended = error;
      }
    })();

    // Vendors deliver several notifications at once, so some land while the gateway resubscribes.
    const acknowledged: string[] = [];
    let posting = true;
    const deliverers = Array.from({ length: 4 }, async (_, lane) => {
      for (let n = 0; posting; n++) acknowledged.push(await deliverUntilTaken(gateway.url, { ...canopyExamples.note, note: `${lane}:${n}` }));
    });
    const crashes = 15;
    for (let crash = 0; crash < crashes; crash++) {
      await sleep(150 + Math.random() * 350);
      await redis.stop('SIGKILL');
      await sleep(Math.random() * 200);
      await redis.start();
    }
    await sleep(300);
    posting = false;
    await Promise.all(deliverers);

    const expected = new Set(acknowledged);
    for (let waited = 0; waited < 5_000 && received.filter((id) => expected.has(id)).length < expected.size && !ended; waited += 50) await sleep(50);
    await client.dispose();
    await receiving;

    const stored = new Set((await gateway.events.readAfter(gateway.agencyId, start, 100_000)).map((event) => event.id));
    const missingLive = acknowledged.filter((id) => !received.includes(id));
    console.log(
      `${crashes} crashes, ${acknowledged.length} acknowledged, ${received.length} delivered live, ` +
        `${missingLive.length} missing, ${received.length - new Set(received).size} duplicated${ended ? `, ended by ${JSON.stringify(ended)}` : ""}`,
    );
    expect(ended).toBeUndefined();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(missingLive).toEqual([]);
    expect(new Set(received).size).toBe(received.length);
    expect([...received].sort(compareEventIds)).toEqual(received);
  }, 60_000);
});
