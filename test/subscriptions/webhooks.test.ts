import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import {
  AMARA,
  amaraRequest,
  canopyExamples,
  postWebhook,
  REPOSIT_COMPLETED,
  REPOSIT_TENANT_CONFIRMED,
} from '../helpers/webhooks';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { TOPICS } from '../../src/subscriptions/topics';
import { TEST_WEBHOOK_SECRET, useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

function post(vendor: 'canopy' | 'reposit', body: string, secret = TEST_WEBHOOK_SECRET, url = gateway.url) {
  return postWebhook(url, vendor, body, secret);
}

async function stored() {
  return gateway.events.readAfter(gateway.agencyId, undefined, 1000);
}

describe('webhook ingestion', () => {
  it.each(Object.entries(canopyExamples))('stores a Canopy %s notification before acknowledging it', async (kind, example) => {
    const before = (await stored()).length;
    const { status, body } = await post('canopy', JSON.stringify(example));
    expect(status).toBe(200);
    expect(body.status).toBe('stored');
    const events = await stored();
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event.id).toBe(body.id);
    expect(event).toMatchObject({ subjectId: amaraRequest, tenantEmails: [AMARA], payload: example });
    expect(event.topic).toBe(
      { requestStatus: TOPICS.requestStatusChanged, passportStatus: TOPICS.passportStatusChanged, note: TOPICS.passportNoteChanged, completedReport: TOPICS.referencingCompleted }[kind],
    );
  });

  it('stores the Reposit examples, and links the tenant the event names to the reposit', async () => {
    const confirmed = await post('reposit', JSON.stringify(REPOSIT_TENANT_CONFIRMED));
    const completed = await post('reposit', JSON.stringify(REPOSIT_COMPLETED));
    expect([confirmed.status, completed.status]).toEqual([200, 200]);
    const [ids] = await gateway.links.idsFor(gateway.agencyId, ['tenant@reposit.co.uk'], 'reposit');
    expect(ids).toContain('rep_F32iOv3xE3Nmrp');
    const events = await stored();
    // reposit.completed names no tenant: its tenants come from the links the earlier event made.
    expect(events.at(-1)).toMatchObject({ topic: TOPICS.repositChanged, subjectId: 'rep_F32iOv3xE3Nmrp', tenantEmails: ['tenant@reposit.co.uk'] });
  });

  it('learns the renter of a request it has no link for from Canopy, and links it', async () => {
    const sofia = 'sofia.rossi@example.com';
    const sofiaRequest = seededCanopyReferenceId(sofia);
    await gateway.links.unlink(gateway.agencyId, sofia, 'referencingRequest', sofiaRequest);
    const { status } = await post('canopy', JSON.stringify({ ...canopyExamples.requestStatus, canopyReferenceId: sofiaRequest }));
    expect(status).toBe(200);
    expect((await stored()).at(-1)?.tenantEmails).toEqual([sofia]);
    expect(await gateway.links.emailsFor(gateway.agencyId, 'referencingRequest', [sofiaRequest])).toEqual([[sofia]]);
  });

  it('acknowledges a repeated delivery without a second event', async () => {
    const body = JSON.stringify({ ...REPOSIT_TENANT_CONFIRMED, timestamp: '2019-01-01T00:00:00.000Z' });
    const first = await post('reposit', body);
    const before = (await stored()).length;
    const again = await post('reposit', body);
    expect(again).toEqual({ status: 200, body: { status: 'duplicate', id: first.body.id } });
    expect(await stored()).toHaveLength(before);
  });

  it('answers 404 to a wrong secret and stores nothing', async () => {
    const before = (await stored()).length;
    const { status } = await post('reposit', JSON.stringify(REPOSIT_COMPLETED), 'not-the-secret');
    expect(status).toBe(404);
    expect(await stored()).toHaveLength(before);
  });

  it.each([
    ['bad JSON', 'reposit', '{"resource_type":', 'body: not valid JSON'],
    ['an unknown Reposit action', 'reposit', JSON.stringify({ ...REPOSIT_COMPLETED, action: 'reposit.exploded' }), 'action'],
    ['a Reposit event without its tenant', 'reposit', JSON.stringify({ ...REPOSIT_TENANT_CONFIRMED, data: {} }), 'data.tenant'],
    ['a body that is no Canopy notification', 'canopy', JSON.stringify({ hello: 'world' }), 'not a Canopy Referencing notification'],
    ['a passport status without its instant block', 'canopy', JSON.stringify({ ...canopyExamples.passportStatus, instant: undefined }), 'instant'],
  ] as const)('refuses %s with 400 naming the problem, keeps it as a dead letter and stores nothing', async (_, vendor, body, reason) => {
    const before = (await stored()).length;
    const response = await post(vendor, body);
    expect(response.status).toBe(400);
    expect(String(response.body.error)).toContain(reason);
    expect(await stored()).toHaveLength(before);
    const [letter] = await gateway.deadLetters.list(gateway.agencyId, 1);
    expect(letter).toMatchObject({ vendor, body });
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ ...REPOSIT_COMPLETED, padding: 'x'.repeat(70 * 1024) });
    const { status } = await post('reposit', huge);
    expect(status).toBe(413);
  });

  it('answers 405 to anything but POST', async () => {
    const response = await request(`${gateway.url}/webhooks/reposit/${TEST_WEBHOOK_SECRET}`);
    await response.body.dump();
    expect(response.statusCode).toBe(405);
  });
});

describe('webhook ingestion without a working store', () => {
  it('answers 503 when Redis cannot take the event, so the vendor delivers again', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const broken = await useGateway({ events: createRedisEventLog({ redis: dead, subscriber: dead.duplicate(), prefix: 'unreachable' }) });
    try {
      const { status } = await post('reposit', JSON.stringify(REPOSIT_TENANT_CONFIRMED), TEST_WEBHOOK_SECRET, broken.url);
      expect(status).toBe(503);
    } finally {
      await broken.close();
      dead.disconnect();
    }
  });
});
