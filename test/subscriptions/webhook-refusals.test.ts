import { randomUUID } from 'node:crypto';
import { formatWithOptions } from 'node:util';
import { Redis, type RedisOptions } from 'ioredis';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisDeadLetters } from '../../src/subscriptions/dead-letters';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { TEST_WEBHOOK_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { startRedisServer } from '../helpers/redis-server';
import { canopyExamples, REPOSIT_COMPLETED, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

const connections: Redis[] = [];
let gateway: TestGateway;

function redisStores(options: RedisOptions, prefix = `test:${randomUUID()}`) {
  const [redis, subscriber] = [new Redis(options), new Redis(options)] as const;
  for (const connection of [redis, subscriber]) connection.on('error', () => undefined);
  connections.push(redis, subscriber);
  return { events: createRedisEventLog({ redis, subscriber, prefix }), deadLetters: createRedisDeadLetters(redis, prefix) };
}

beforeAll(async () => {
  gateway = await useGateway(redisStores({ port: 6379 }));
});
afterAll(async () => {
  await gateway.close();
  for (const connection of connections) connection.disconnect();
});

async function send(vendor: 'canopy' | 'reposit', body: string, contentType = 'application/json', url = gateway.url) {
  const response = await request(`${url}/webhooks/${vendor}/${TEST_WEBHOOK_SECRET}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.statusCode, body: (await response.body.json()) as { error?: string; status?: string } };
}

async function storedCount(): Promise<number> {
  return (await gateway.events.readAfter(gateway.agencyId, undefined, 10_000)).length;
}

/** `levels` arrays inside one another, as JSON text: `[[[…]]]`. */
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const withTenant = (tenant: Record<string, unknown>) =>
  JSON.stringify({ ...REPOSIT_TENANT_CONFIRMED, data: { tenant: { ...REPOSIT_TENANT_CONFIRMED.data.tenant, ...tenant } } });
const completedReportWithUrl = (url: string) => JSON.stringify({ ...canopyExamples.completedReport, document: { ...canopyExamples.completedReport.document, url } });

describe('a webhook that can never be taken', () => {
  it.each([
    ['nested deep in a field Reposit does not send', 'reposit', `{"resource_type":"reposit","action":"reposit.completed","timestamp":"2018-12-20T10:48:03.169Z","resource":{"id":"rep_F32iOv3xE3Nmrp","href":"https://reposit.co.uk/deposits/v1/reposits/rep_F32iOv3xE3Nmrp"},"extra":${nested(20_000)}}`, 'body: nested deeper than'],
    ['nested deep where an object belongs', 'canopy', `{"canopyReferenceId":"x","document":${nested(20_000)}}`, 'body: nested deeper than'],
    ['a document URL with a malformed %-escape', 'canopy', completedReportWithUrl('/referencing-requests/client/sandbox-agency/documents/doc%E0%A4%A'), 'document.url: '],
    ['a summary URL with a lone %', 'canopy', JSON.stringify({ ...canopyExamples.completedReport, document: { ...canopyExamples.completedReport.document, summaryReportUrl: '/referencing-requests/client/a/documents/%' } }), 'document.summaryReportUrl: '],
    ['a tenant e-mail that is a number as text', 'reposit', withTenant({ email: '42' }), 'data.tenant.email: must be an e-mail address'],
    ['a tenant e-mail that is "null"', 'reposit', withTenant({ email: 'null' }), 'data.tenant.email: must be an e-mail address'],
    ['a report maxRent whose pence are no safe integer', 'canopy', JSON.stringify({ ...canopyExamples.completedReport, document: { ...canopyExamples.completedReport.document, maxRent: 953939121951211 } }), 'document.maxRent: '],
    ['a canopyReferenceId that is a dot segment', 'canopy', JSON.stringify({ ...canopyExamples.requestStatus, canopyReferenceId: '..' }), 'canopyReferenceId: must be a Canopy Referencing id'],
    ['a canopyReferenceId with a lone surrogate', 'canopy', JSON.stringify({ ...canopyExamples.note, canopyReferenceId: 'ab\udfffcd' }), 'canopyReferenceId: must be a Canopy Referencing id'],
    ['a timestamp sent as a number', 'reposit', JSON.stringify({ ...REPOSIT_COMPLETED, timestamp: 0 }), 'timestamp: expected a date'],
    ['a tenant createdAt sent as a number', 'reposit', withTenant({ createdAt: 1545302165679 }), 'data.tenant.createdAt: expected a date'],
    ['a passport updatedAt sent as a number', 'canopy', JSON.stringify({ ...canopyExamples.passportStatus, updatedSection: { ...canopyExamples.passportStatus.updatedSection, updatedAt: 0 } }), 'updatedSection.updatedAt: expected a date'],
    ['a tenant e-mail of 60 KB', 'reposit', withTenant({ email: `${'a'.repeat(60 * 1024)}@example.com` }), 'data.tenant.email: must be an e-mail address'],
  ] as const)('answers 400 to %s, naming the field, and keeps it as a dead letter', async (_, vendor, body, reason) => {
    const before = await storedCount();
    const answer = await send(vendor, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(reason);
    expect(await storedCount()).toBe(before);
    const [letter] = await gateway.deadLetters.list(gateway.agencyId, 1);
    expect(letter).toMatchObject({ vendor, reason: answer.body.error });
    expect(body.startsWith(letter!.body)).toBe(true);
  });

  it('links no tenant from a Reposit event whose e-mail is not one', async () => {
    await send('reposit', withTenant({ email: '42' }));
    expect(await gateway.links.idsFor(gateway.agencyId, ['42'], 'reposit')).toEqual([[]]);
  });

  it.each(['text/plain', 'image/png', 'application/x-www-form-urlencoded', 'application/json; charset=iso-8859-1'])(
    'answers 415 to a body sent as %s, naming the rule, and stores nothing',
    async (contentType) => {
      const before = await storedCount();
      const answer = await send('reposit', JSON.stringify(REPOSIT_COMPLETED), contentType);
      expect(answer).toEqual({ status: 415, body: { error: expect.stringContaining('content-type: must be application/json') } });
      expect(await storedCount()).toBe(before);
      expect((await gateway.deadLetters.list(gateway.agencyId, 1))[0]).toMatchObject({ reason: answer.body.error });
    },
  );

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])('takes a body sent as %s', async (contentType) => {
    const body = JSON.stringify({ ...REPOSIT_COMPLETED, timestamp: new Date().toISOString() });
    expect((await send('reposit', body, contentType)).status).toBe(200);
  });
});

describe('webhooks during a Redis outage', () => {
  const logged: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('logs ids and reasons of what it could not take, never a body', async () => {
    const server = await startRedisServer();
    // Commands fail fast while Redis is away, so a webhook gets its answer instead of waiting.
    const outage = await useGateway(redisStores({ port: server.port, maxRetriesPerRequest: 1, retryStrategy: () => 100 }, 'outage'));
    // As the console would print it, objects in full.
    const capture = (...args: unknown[]) => void logged.push(formatWithOptions({ depth: Infinity }, ...args));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(capture);
    try {
      await server.stop();
      const personal = { email: 'jo.private@example.com', ssn: '078-05-1120', dateOfBirth: '1984-03-09' };
      const valid = withTenant(personal);
      const refused = withTenant({ ...personal, status: 42 });
      const answers = [await send('reposit', valid, 'application/json', outage.url), await send('reposit', refused, 'application/json', outage.url)];
      expect(answers.map((answer) => answer.status)).toEqual([503, 400]);
      // The gateway's lines, and anything else printed to the console.
      expect(outage.logLines.length).toBeGreaterThan(0);
      const output = [...logged, ...outage.logLines].join('\n');
      for (const value of Object.values(personal)) expect(output).not.toContain(value);
      expect(output).toContain('data.tenant.status');
    } finally {
      vi.restoreAllMocks();
      await outage.close();
      await server.stop();
    }
  });
});
