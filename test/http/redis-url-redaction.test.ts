import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/redact-url';

const PASSWORD = 'S3cretRedisPass';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, attempts = 600): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Its own process group: npx, tsx and the gateway's node all stop.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
});

async function readiness(gatewayPort: number) {
  const response = await request(`http://127.0.0.1:${gatewayPort}/readyz`);
  return { status: response.statusCode, body: await response.body.text() };
}

function startRedis(port: number): ChildProcess {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', PASSWORD, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
    detached: true,
  });
  children.push(redis);
  return redis;
}

it('shows the Redis URL without its password, in /readyz and in the log', { timeout: 90_000 }, async () => {
  const [redisPort, gatewayPort] = [await freePort(), await freePort()];
  const redisUrl = `redis://:${PASSWORD}@127.0.0.1:${redisPort}/0`;
  const redis = startRedis(redisPort);
  await until(async () => {
    const probe = new Redis({ port: redisPort, password: PASSWORD, lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return await probe.ping();
    } finally {
      probe.disconnect();
    }
  }, 'redis-server');

  let output = '';
  const gateway = spawn('npx', ['tsx', 'src/main.ts'], {
    env: { ...process.env, REDIS_URL: redisUrl, SANDBOX: '1', SANDBOX_EVENTS: '0', PORT: String(gatewayPort), WEBHOOK_SECRET: 'redaction-test-secret-0123' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(gateway);
  gateway.stdout!.on('data', (chunk) => (output += chunk));
  gateway.stderr!.on('data', (chunk) => (output += chunk));
  await until(async () => ((await readiness(gatewayPort)).status === 200 ? true : undefined), 'the gateway to be ready');

  // Redis goes away: readiness says which Redis, and the log says what ioredis reports.
  const stopped = new Promise((resolve) => redis.once('exit', resolve));
  redis.kill('SIGTERM');
  await stopped;
  const down = await until(async () => {
    const answer = await readiness(gatewayPort);
    return answer.status === 503 && answer.body.includes('redis://') ? answer : undefined;
  }, 'readiness to fail');
  await until(async () => (output.includes('ECONNREFUSED') ? true : undefined), 'the log to report the outage');

  expect(down.body).toContain(`redis://:***@127.0.0.1:${redisPort}/0`);
  expect(down.body).not.toContain(PASSWORD);
  expect(output).not.toContain(PASSWORD);
});

it('redacts the password of any URL, and shows nothing of one that does not parse', () => {
  expect(redactUrl(`rediss://default:${PASSWORD}@cache.internal:6380/2`)).toBe('rediss://default:***@cache.internal:6380/2');
  expect(redactUrl('https://gw.example.com')).toBe('https://gw.example.com');
  expect(redactUrl(`not a url ${PASSWORD}`)).not.toContain(PASSWORD);
});
