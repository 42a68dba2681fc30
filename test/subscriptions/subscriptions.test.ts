import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventLog } from '../../src/subscriptions/event-log';
import { createMemoryEventLog } from '../../src/subscriptions/memory-event-log';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { TOPICS } from '../../src/subscriptions/topics';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { takeOverSse, takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { AMARA, amaraRequest, canopyExamples, postWebhook, REPOSIT_COMPLETED, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

const TENANT_EVENTS = /* GraphQL */ `
  subscription TenantEvents($email: String!, $after: String) {
    tenantEvents(email: $email, after: $after) {
      __typename
      ... on VendorEvent { id receivedAt }
      ... on RequestStatusEvent { canopyReferenceId clientReferenceId status }
      ... on PassportStatusEvent {
        canopyReferenceId
        updatedSection { section newStatus updatedAt }
        instant { status income rent creditCheck savings }
        full { status }
        globalStatus
      }
      ... on PassportNoteEvent { canopyReferenceId noteType section noteAction note }
      ... on ReferencingCompletedEvent { canopyReferenceId report { title status maxRent { minorUnits currency } } }
      ... on RepositEvent { repositId action timestamp tenant { email status } }
    }
  }
`;

const prefix = `test:${randomUUID()}`;
const connections: Redis[] = [];
const logs: EventLog[] = [];
const gateways: TestGateway[] = [];

function redisEventLog(): EventLog {
  const redis = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  connections.push(redis, subscriber);
  const log = createRedisEventLog({ redis, subscriber, prefix });
  logs.push(log);
  return log;
}

async function gatewayOnRedis(): Promise<TestGateway> {
  const gateway = await useGateway({ events: redisEventLog() });
  gateways.push(gateway);
  return gateway;
}

/** A cursor at the end of the log: replaying after it yields exactly what comes next. */
async function cursor(gateway: TestGateway): Promise<string> {
  return (await gateway.events.newestId(gateway.agencyId)) ?? '0-0';
}

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await gatewayOnRedis();
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await Promise.all(logs.map((log) => log.dispose()));
  const keys = await connections[0]!.keys(`${prefix}:*`);
  if (keys.length > 0) await connections[0]!.del(...keys);
  for (const connection of connections) connection.disconnect();
});

describe('tenantEvents', () => {
  it('delivers every documented Canopy notification about the tenant over graphql-ws, in order', async () => {
    const client = wsClient(gateway.url, gateway.connectionParams);
    const after = await cursor(gateway);
    const receiving = takeOverWebSocket(client, TENANT_EVENTS, { email: 'Amara.Okafor@example.com ', after }, 4);
    for (const example of Object.values(canopyExamples)) expect((await postWebhook(gateway.url, 'canopy', example)).status).toBe(200);
    const results = await receiving;
    await client.dispose();

    const events = results.map((result) => result.data?.tenantEvents);
    expect(events.map((e) => e.__typename)).toEqual([
      'RequestStatusEvent',
      'PassportStatusEvent',
      'PassportNoteEvent',
      'ReferencingCompletedEvent',
    ]);
    expect(events[0]).toMatchObject({ canopyReferenceId: amaraRequest, clientReferenceId: '12346', status: 'CONNECTED' });
    expect(events[1]).toMatchObject({
      updatedSection: { section: 'INCOME', newStatus: 'DONE', updatedAt: '2023-09-08T18:30:22.310Z' },
      instant: { status: 'IN_PROGRESS', income: 'DONE', rent: 'IN_PROGRESS', creditCheck: 'DONE', savings: 'NOT_STARTED' },
      full: null,
      globalStatus: 'IN_PROGRESS',
    });
    expect(events[2]).toMatchObject({ noteType: 'AGENT', section: 'INCOME', noteAction: 'CREATED', note: 'Payslips checked' });
    expect(events[3]).toMatchObject({ report: { title: 'FULL', status: 'VERIFY', maxRent: { minorUnits: 150_000, currency: 'GBP' } } });
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
  });

  it('delivers Reposit events over Server-Sent Events, to the tenant the event names', async () => {
    const after = await cursor(gateway);
    const receiving = takeOverSse(gateway.url, gateway.authorization, TENANT_EVENTS, { email: 'tenant@reposit.co.uk', after }, 2);
    await postWebhook(gateway.url, 'reposit', REPOSIT_TENANT_CONFIRMED);
    await postWebhook(gateway.url, 'reposit', REPOSIT_COMPLETED);
    const events = (await receiving).map((result) => result.data?.tenantEvents);
    expect(events).toMatchObject([
      { __typename: 'RepositEvent', repositId: 'rep_F32iOv3xE3Nmrp', action: 'REPOSIT_TENANT_CONFIRMED', tenant: { email: 'tenant@reposit.co.uk', status: 'CONFIRMED' } },
      { __typename: 'RepositEvent', action: 'REPOSIT_COMPLETED', tenant: null, timestamp: '2018-12-20T10:48:03.169Z' },
    ]);
  });

  it('replays what was stored after the cursor, then goes on live, with no gap and no duplicate', async () => {
    const start = await cursor(gateway);
    const notes = Array.from({ length: 6 }, (_, n) => ({ ...canopyExamples.note, note: `note ${n}` }));
    for (const note of notes.slice(0, 3)) await postWebhook(gateway.url, 'canopy', note);
    const client = wsClient(gateway.url, gateway.connectionParams);
    const receiving = takeOverWebSocket(client, TENANT_EVENTS, { email: AMARA, after: start }, 6);
    for (const note of notes.slice(3)) await postWebhook(gateway.url, 'canopy', note);
    const results = await receiving;
    await client.dispose();
    expect(results.map((r) => r.data?.tenantEvents.note)).toEqual(notes.map((n) => n.note));
  });

  it('delivers a repeated delivery once', async () => {
    const after = await cursor(gateway);
    const client = wsClient(gateway.url, gateway.connectionParams);
    const receiving = takeOverWebSocket(client, TENANT_EVENTS, { email: AMARA, after }, 2);
    const repeated = { ...canopyExamples.note, note: 'sent twice' };
    await postWebhook(gateway.url, 'canopy', repeated);
    await postWebhook(gateway.url, 'canopy', repeated);
    await postWebhook(gateway.url, 'canopy', { ...canopyExamples.note, note: 'sent once' });
    const results = await receiving;
    await client.dispose();
    expect(results.map((r) => r.data?.tenantEvents.note)).toEqual(['sent twice', 'sent once']);
  });

  it('skips a stored event that today’s readers refuse, so a replay reaching it goes on', async () => {
    const after = await cursor(gateway);
    // As an earlier version stored it: a tenant e-mail the reader now refuses.
    const refusedToday = { ...REPOSIT_TENANT_CONFIRMED, data: { tenant: { ...REPOSIT_TENANT_CONFIRMED.data.tenant, email: '42' } } };
    await gateway.events.append(gateway.agencyId, randomUUID(), {
      receivedAt: new Date().toISOString(),
      topic: TOPICS.repositChanged,
      tenantEmails: [AMARA],
      subjectId: 'rep_F32iOv3xE3Nmrp',
      payload: refusedToday,
    });
    await postWebhook(gateway.url, 'canopy', { ...canopyExamples.note, note: 'after the old one' });
    const client = wsClient(gateway.url, gateway.connectionParams);
    const results = await takeOverWebSocket(client, TENANT_EVENTS, { email: AMARA, after }, 1);
    await client.dispose();
    expect(results.map((r) => [r.errors, r.data?.tenantEvents.note])).toEqual([[undefined, 'after the old one']]);
  });

  it('refuses a cursor that is not an event id, naming the argument', async () => {
    const client = wsClient(gateway.url, gateway.connectionParams);
    const refused = takeOverWebSocket(client, TENANT_EVENTS, { email: AMARA, after: 'yesterday' }, 1);
    await expect(refused).rejects.toEqual([
      expect.objectContaining({ message: expect.stringContaining('after: must be an event id'), extensions: { code: 'BAD_USER_INPUT', field: 'after', rule: 'format' } }),
    ]);
    await client.dispose();
  });
});

describe('subscriptions filtered by id', () => {
  it('passes only the events about the requested object', async () => {
    const after = await cursor(gateway);
    const client = wsClient(gateway.url, gateway.connectionParams);
    const query = `subscription ($id: ID, $after: String) { passportNoteChanged(canopyReferenceId: $id, after: $after) { canopyReferenceId note } }`;
    const receiving = takeOverWebSocket(client, query, { id: amaraRequest, after }, 1);
    await postWebhook(gateway.url, 'canopy', { ...canopyExamples.note, canopyReferenceId: 'someone-else', note: 'not this one' });
    await postWebhook(gateway.url, 'canopy', { ...canopyExamples.passportStatus });
    await postWebhook(gateway.url, 'canopy', { ...canopyExamples.note, note: 'this one' });
    const [result] = await receiving;
    await client.dispose();
    expect(result?.data?.passportNoteChanged).toEqual({ canopyReferenceId: amaraRequest, note: 'this one' });
  });

  it('reads the reposit of a Reposit event fresh from the vendor, per event', async () => {
    const seeded = [...gateway.sandbox.simulators.reposit.state.reposits.values()][0]!;
    const after = await cursor(gateway);
    const client = wsClient(gateway.url, gateway.connectionParams);
    const query = `subscription ($id: ID, $after: String) { repositEvents(repositId: $id, after: $after) { action reposit { id } } }`;
    const receiving = takeOverWebSocket(client, query, { id: seeded.id, after }, 2);
    const body = { ...REPOSIT_COMPLETED, resource: { id: seeded.id, href: `https://reposit.co.uk/deposits/v1/reposits/${seeded.id}` } };
    const before = gateway.sandbox.calls.count('reposit', 'GET /v1/reposits/:id');
    await postWebhook(gateway.url, 'reposit', body);
    await postWebhook(gateway.url, 'reposit', { ...body, timestamp: '2019-01-01T00:00:00.000Z' });
    const results = await receiving;
    await client.dispose();
    expect(results.map((r) => r.data?.repositEvents.reposit)).toEqual([expect.objectContaining({ id: expect.any(String) }), expect.objectContaining({ id: expect.any(String) })]);
    // One subscription context, two events: each event read the reposit again, with loaders of its own.
    expect(gateway.sandbox.calls.count('reposit', 'GET /v1/reposits/:id') - before).toBe(2);
  });
});

describe('two gateway instances sharing Redis', () => {
  it('delivers a webhook posted to one instance to a subscriber connected to the other', async () => {
    const other = await gatewayOnRedis();
    const after = await cursor(gateway);
    const client = wsClient(other.url, other.connectionParams);
    const receiving = takeOverWebSocket(client, TENANT_EVENTS, { email: AMARA, after }, 1);
    await postWebhook(gateway.url, 'canopy', { ...canopyExamples.note, note: 'across instances' });
    const [result] = await receiving;
    await client.dispose();
    expect(result?.data?.tenantEvents.note).toBe('across instances');
  });
});

describe('a cursor older than the log keeps', () => {
  it('ends the subscription with EVENTS_EXPIRED and the oldest id kept, over graphql-ws and SSE', async () => {
    const small = await useGateway({ events: createMemoryEventLog({ maxLength: 5 }) });
    gateways.push(small);
    const delivered: string[] = [];
    for (let n = 0; n < 8; n++) delivered.push(String((await postWebhook(small.url, 'canopy', { ...canopyExamples.note, note: `note ${n}` })).body.id));
    const oldestId = delivered[3];
    const expired = expect.objectContaining({ extensions: { code: 'EVENTS_EXPIRED', oldestId } });

    const client = wsClient(small.url, small.connectionParams);
    await expect(takeOverWebSocket(client, TENANT_EVENTS, { email: AMARA, after: delivered[0] }, 1)).rejects.toEqual([expired]);
    await client.dispose();

    const [overSse] = await takeOverSse(small.url, small.authorization, TENANT_EVENTS, { email: AMARA, after: delivered[0] }, 1);
    expect(overSse?.errors).toEqual([expired]);

    // From a cursor still kept, the replay goes on.
    const client2 = wsClient(small.url, small.connectionParams);
    const replayed = await takeOverWebSocket(client2, TENANT_EVENTS, { email: AMARA, after: oldestId }, 4);
    await client2.dispose();
    expect(replayed.map((r) => r.data?.tenantEvents.note)).toEqual(['note 4', 'note 5', 'note 6', 'note 7']);
  });
});
