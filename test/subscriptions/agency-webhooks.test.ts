import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AGENCIES, testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { takeOverSse, takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { postWebhook, postWebhookTo } from '../helpers/webhooks';

/** She rents at both agencies: the same e-mail is a tenant of each. */
const PRIYA = 'priya.shah@example.com';

const TENANT_EVENTS = /* GraphQL */ `
  subscription ($email: String!, $after: String) {
    tenantEvents(email: $email, after: $after) { ... on RepositEvent { id repositId action tenant { email status } } }
  }
`;
const REPOSIT_EVENTS = /* GraphQL */ `
  subscription ($id: ID, $after: String) {
    repositEvents(repositId: $id, after: $after) { id repositId action tenant { email status } }
  }
`;

function tenantEvent(repositId: string, status: 'CONFIRMED' | 'SIGNED') {
  return {
    resource_type: 'reposit',
    action: `reposit.tenant.${status.toLowerCase()}`,
    timestamp: '2024-03-01T10:00:00.000Z',
    resource: { id: repositId, href: `https://reposit.co.uk/deposits/v1/reposits/${repositId}` },
    data: { tenant: { email: PRIYA, createdAt: '2024-03-01T09:00:00.000Z', status } },
  };
}

const prefix = `test-${randomUUID()}`;
const redis = new Redis('redis://127.0.0.1:6379');
const subscriber = new Redis('redis://127.0.0.1:6379');
let gateway: TestGateway;

beforeAll(async () => {
  // Connected before the gateway subscribes: a SUBSCRIBE that meets ioredis's ready check fails it ("Connection in subscriber mode").
  await Promise.all([redis.ping(), subscriber.ping()]);
  // Every store on Redis, so what is kept apart is kept apart in its keys too.
  gateway = await useGateway({ redis: { client: redis, subscriber, prefix } });
});
afterAll(async () => {
  await gateway.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  subscriber.disconnect();
});

async function cursorOf(agencyId: string): Promise<string> {
  return (await gateway.events.newestId(agencyId)) ?? '0-0';
}

describe('each agency’s webhook URLs', () => {
  it('name one agency each, and a wrong secret is a 404 that stores nothing', async () => {
    const [north, south] = [await gateway.webhookUrl('reposit', 'sandbox-north'), await gateway.webhookUrl('reposit', 'sandbox-south')];
    expect(north).toMatch(new RegExp(`^${gateway.url}/webhooks/reposit/[^/]+$`));
    expect(south).toMatch(new RegExp(`^${gateway.url}/webhooks/reposit/[^/]+$`));
    expect(south).not.toBe(north);

    const before = await Promise.all(TEST_AGENCIES.map(cursorOf));
    const southSecret = south.split('/').at(-1)!;
    const altered = `${southSecret.slice(0, -1)}${southSecret.endsWith('A') ? 'B' : 'A'}`;
    for (const secret of ['not-a-secret', altered, `${southSecret}x`, 'sandbox-south']) {
      const answer = await postWebhook(gateway.url, 'reposit', tenantEvent(`ep_${randomUUID()}`, 'CONFIRMED'), secret);
      expect(answer, secret).toEqual({ status: 404, body: { error: 'Not found' } });
    }
    expect(await Promise.all(TEST_AGENCIES.map(cursorOf))).toEqual(before);
  });

  describe.each([
    ['sandbox-south', 'sandbox-north'],
    ['sandbox-north', 'sandbox-south'],
  ] as const)('an event posted to %s’s URL', (agencyId, otherId) => {
    it(`is stored, linked and delivered for ${agencyId} alone: ${otherId}’s subscribers, log, links and dead letters never see it`, async () => {
      const key = randomUUID().replaceAll('-', '');
      // Reposit's tenant events name the `ep_` form; the gateway answers with the REST `rep_` one.
      const [repositId, restId] = [`ep_${key}`, `rep_${key}`];
      const [token, otherToken] = await Promise.all([testToken({ agency: agencyId }), testToken({ agency: otherId })]);
      const [after, otherAfter] = await Promise.all([cursorOf(agencyId), cursorOf(otherId)]);
      const client = wsClient(gateway.url, { authorization: `Bearer ${token}` });
      const otherClient = wsClient(gateway.url, { authorization: `Bearer ${otherToken}` });
      try {
        // Subscribed from a cursor, so each sees every event of its agency from here, replayed or live.
        const toTenant = takeOverWebSocket(client, TENANT_EVENTS, { email: PRIYA, after }, 1);
        const toReposit = takeOverWebSocket(client, REPOSIT_EVENTS, { id: repositId, after }, 1);
        const toOtherTenant = takeOverSse(gateway.url, { authorization: `Bearer ${otherToken}` }, TENANT_EVENTS, { email: PRIYA, after: otherAfter }, 1);
        const toOtherReposit = takeOverWebSocket(otherClient, REPOSIT_EVENTS, { id: repositId, after: otherAfter }, 1);

        const posted = await postWebhookTo(await gateway.webhookUrl('reposit', agencyId), tenantEvent(repositId, 'CONFIRMED'));
        expect(posted).toMatchObject({ status: 200, body: { status: 'stored' } });
        const event = { id: posted.body.id, repositId: restId, action: 'REPOSIT_TENANT_CONFIRMED', tenant: { email: PRIYA, status: 'CONFIRMED' } };
        expect((await toTenant)[0]?.data?.tenantEvents).toEqual(event);
        expect((await toReposit)[0]?.data?.repositEvents).toEqual(event);

        // Kept for its agency only.
        const stored = await gateway.events.readAfter(agencyId, after, 100);
        expect(stored).toEqual([expect.objectContaining({ id: posted.body.id, subjectId: restId, tenantEmails: [PRIYA] })]);
        expect(await gateway.events.readAfter(otherId, otherAfter, 100)).toEqual([]);
        expect((await gateway.links.idsFor(agencyId, [PRIYA], 'reposit'))[0]).toContain(restId);
        expect((await gateway.links.idsFor(otherId, [PRIYA], 'reposit'))[0]).not.toContain(restId);
        expect(await gateway.links.emailsFor(otherId, 'reposit', [restId])).toEqual([[]]);

        // A refused delivery is a dead letter of its agency only.
        const marker = randomUUID();
        const refused = await postWebhookTo(await gateway.webhookUrl('reposit', agencyId), { resource_type: 'reposit', action: 'reposit.tenant.confirmed', marker });
        expect(refused.status).toBe(400);
        expect((await gateway.deadLetters.list(agencyId, 100)).filter((letter) => letter.body.includes(marker))).toHaveLength(1);
        expect((await gateway.deadLetters.list(otherId, 100)).filter((letter) => letter.body.includes(marker))).toEqual([]);

        // The other agency's first event about the same e-mail and reposit id is its own.
        const own = await postWebhookTo(await gateway.webhookUrl('reposit', otherId), tenantEvent(repositId, 'SIGNED'));
        expect(own).toMatchObject({ status: 200, body: { status: 'stored' } });
        const otherEvent = { id: own.body.id, repositId: restId, action: 'REPOSIT_TENANT_SIGNED', tenant: { email: PRIYA, status: 'SIGNED' } };
        expect((await toOtherTenant)[0]?.data?.tenantEvents).toEqual(otherEvent);
        expect((await toOtherReposit)[0]?.data?.repositEvents).toEqual(otherEvent);
      } finally {
        await Promise.all([client.dispose(), otherClient.dispose()]);
      }
    });
  });
});
