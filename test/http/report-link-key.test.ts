import { createHmac, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { reportLinkKey } from '../../src/http/report-link-key';
import { createReportLinks } from '../../src/http/report-links';
import { deleteKeys, startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';

const redis = new Redis('redis://127.0.0.1:6379');
let gateway: GatewayProcess | undefined;
afterAll(async () => {
  await gateway?.stop();
  redis.disconnect();
});

describe('reportLinkKey', () => {
  it('is one random key per Redis and prefix, whichever instance asks first', async () => {
    const prefix = `test-${randomBytes(6).toString('hex')}`;
    const [first, second] = await Promise.all([
      reportLinkKey({ configured: undefined, redis, prefix }),
      reportLinkKey({ configured: undefined, redis, prefix }),
    ]);
    expect(first).toBe(second);
    expect(first).toHaveLength(43);
    expect(await reportLinkKey({ configured: undefined, redis, prefix: `${prefix}-other` })).not.toBe(first);
    await redis.del(`${prefix}:report-link-key`, `${prefix}-other:report-link-key`);
  });

  it('is REPORT_LINK_SECRET when it is set', async () => {
    expect(await reportLinkKey({ configured: 'a-configured-report-link-secret-0123', redis, prefix: 'unused' })).toBe('a-configured-report-link-secret-0123');
  });
});

it('the running gateway refuses a report link signed with a key derived from the webhook secret', { timeout: 90_000 }, async () => {
  const webhookSecret = 'report-key-test-webhook-secret';
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  gateway = await startGatewayProcess({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix, WEBHOOK_SECRET: webhookSecret });
  await gateway.waitUntilReady();
  const publicUrl = `http://localhost:${gateway.port}`;
  const status = async (key: string) => {
    const url = await createReportLinks({ publicUrl, key }).canopyDocumentUrl('sandbox-north', '00000000-0000-4000-8000-000000000000');
    const response = await request(url.replace('localhost', '127.0.0.1'));
    await response.body.dump();
    return response.statusCode;
  };

  const derived = createHmac('sha256', webhookSecret).update('report-links').digest('hex');
  expect(await status(derived)).toBe(403);
  // The key the gateway made and kept in Redis is the one it accepts: past the signature, Canopy is asked.
  const kept = await redis.get(`${prefix}:report-link-key`);
  expect(kept).toBeTruthy();
  expect(await status(kept!)).not.toBe(403);
  expect(gateway.output()).not.toContain(kept!);
  expect(gateway.output()).not.toContain(webhookSecret);
  await gateway.stop();
  await deleteKeys(prefix);
});
