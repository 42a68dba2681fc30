import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { reportLinkKey } from '../../src/http/report-link-key';
import { createReportLinks } from '../../src/http/report-links';

const redis = new Redis('redis://127.0.0.1:6379');
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
  redis.disconnect();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
  const port = await freePort();
  const gateway = spawn('npx', ['tsx', 'src/main.ts'], {
    env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix, SANDBOX: '1', SANDBOX_EVENTS: '0', PORT: String(port), WEBHOOK_SECRET: webhookSecret },
    stdio: 'ignore',
    detached: true,
  });
  children.push(gateway);
  const publicUrl = `http://localhost:${port}`;
  for (let attempt = 0; ; attempt++) {
    const ready = await request(`http://127.0.0.1:${port}/readyz`).then((r) => r.statusCode, () => 0);
    if (ready === 200) break;
    if (attempt > 1200) throw new Error('the gateway did not become ready');
    await sleep(50);
  }
  const status = async (key: string) => {
    const url = await createReportLinks({ publicUrl, key }).canopyDocumentUrl('00000000-0000-4000-8000-000000000000');
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
  await redis.del(`${prefix}:report-link-key`);
});
