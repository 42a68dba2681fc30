import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireWebhook } from '../../src/sources/reposit/wire';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { postWebhook, REPOSIT_EXAMPLES } from '../helpers/webhooks';

const TENANT_EVENTS = `subscription ($email: String!, $after: String) {
  tenantEvents(email: $email, after: $after) { ... on RepositEvent { repositId action tenant { status } } }
}`;
const REPOSIT_EVENTS = `subscription ($id: ID, $after: String) {
  repositEvents(repositId: $id, after: $after) { repositId action tenant { status } reposit { repositId } }
}`;
const DOC_ORDER = ['REPOSIT_TENANT_CONFIRMED', 'REPOSIT_TENANT_SIGNED', 'REPOSIT_TENANT_PAID', 'REPOSIT_COMPLETED'];

const connections: Redis[] = [];
let gateway: TestGateway;

beforeAll(async () => {
  const redis = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  connections.push(redis, subscriber);
  gateway = await useGateway({ events: createRedisEventLog({ redis, subscriber, prefix: `test:${randomUUID()}` }) });
});
afterAll(async () => {
  await gateway.close();
  for (const connection of connections) connection.disconnect();
});

async function cursor(): Promise<string> {
  return (await gateway.events.newestId(gateway.agencyId)) ?? '0-0';
}

describe('Reposit events, whichever form of the Reposit id they carry', () => {
  it('delivers the four documented events, in order, to the tenant and to the Reposit by either id', async () => {
    const after = await cursor();
    const client = wsClient(gateway.url, gateway.connectionParams);
    try {
      const toTenant = takeOverWebSocket(client, TENANT_EVENTS, { email: 'tenant@reposit.co.uk', after }, 4);
      const toRest = takeOverWebSocket(client, REPOSIT_EVENTS, { id: 'rep_F32iOv3xE3Nmrp', after }, 4);
      const toEventForm = takeOverWebSocket(client, REPOSIT_EVENTS, { id: 'ep_F32iOv3xE3Nmrp', after }, 4);
      for (const example of REPOSIT_EXAMPLES) expect((await postWebhook(gateway.url, 'reposit', example)).status).toBe(200);

      const tenantEvents = (await toTenant).map((result) => result.data?.tenantEvents);
      expect(tenantEvents.map((event) => event.action)).toEqual(DOC_ORDER);
      expect(new Set(tenantEvents.map((event) => event.repositId))).toEqual(new Set(['rep_F32iOv3xE3Nmrp']));
      for (const results of [await toRest, await toEventForm]) {
        expect(results.map((result) => result.data?.repositEvents.action)).toEqual(DOC_ORDER);
      }
    } finally {
      await client.dispose();
    }
  });

  it('reads the Reposit of an `ep_` event by its REST id, as the sandbox issues both forms', async () => {
    const reposit = gateway.sandbox.simulators.reposit;
    reposit.setWebhookUrl('http://gateway.invalid/webhooks/reposit');
    // Steps until a Reposit completes, so both a tenant event and `reposit.completed` are seen.
    const bodies: WireWebhook[] = [];
    for (let step = 0; step < 500 && !bodies.some((body) => body.action === 'reposit.completed'); step++) {
      bodies.push(...reposit.advance().map((delivery) => delivery.body as WireWebhook));
    }
    const completed = bodies.find((body) => body.action === 'reposit.completed')!;
    const restId = completed.resource.id;
    const tenantEvent = bodies.findLast((body) => body.action !== 'reposit.completed' && body.resource.id.endsWith(restId.slice(4)))!;
    expect(restId).toMatch(/^rep_/);
    expect(tenantEvent.resource.id).toBe(`ep_${restId.slice(4)}`);

    const after = await cursor();
    const client = wsClient(gateway.url, gateway.connectionParams);
    try {
      const receiving = takeOverWebSocket(client, REPOSIT_EVENTS, { id: restId, after }, 2);
      for (const body of [tenantEvent, completed]) expect((await postWebhook(gateway.url, 'reposit', body)).status).toBe(200);
      const events = (await receiving).map((result) => result.data?.repositEvents);
      expect(events).toEqual([
        { repositId: restId, action: 'REPOSIT_TENANT_PAID', tenant: { status: 'PAID' }, reposit: { repositId: restId } },
        { repositId: restId, action: 'REPOSIT_COMPLETED', tenant: null, reposit: { repositId: restId } },
      ]);
    } finally {
      await client.dispose();
    }
  });
});
