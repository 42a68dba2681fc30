import { afterAll, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/redact-url';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { DurableRedis, freePort } from '../helpers/redis-server';

const PASSWORD = 'S3cretRedisPass';

let gateway: GatewayProcess | undefined;
let redis: DurableRedis | undefined;
afterAll(async () => {
  await gateway?.stop();
  await redis?.stop();
  redis?.remove();
});

it('shows the Redis URL without its password, in /readyz and in the log', { timeout: 90_000 }, async () => {
  redis = new DurableRedis(await freePort(), PASSWORD);
  await redis.start();
  gateway = await startGatewayProcess({ REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${redis.port}/0`, WEBHOOK_SECRET: 'redaction-test-secret-0123' });
  await gateway.waitUntilReady();

  // Redis goes away: readiness says which Redis, and the log says what ioredis reports.
  await redis.stop();
  const down = await gateway.waitFor('readiness to fail', () => gateway!.get('/readyz'), (answer) => answer?.status === 503 && answer.body.includes('redis://'));
  await gateway.waitFor('the log to report the outage', async () => gateway!.output(), (output) => output.includes('ECONNREFUSED'));

  expect(down!.body).toContain(`redis://:***@127.0.0.1:${redis.port}/0`);
  expect(down!.body).not.toContain(PASSWORD);
  expect(gateway.output()).not.toContain(PASSWORD);
});

it('redacts the password of any URL, and shows nothing of one that does not parse', () => {
  expect(redactUrl(`rediss://default:${PASSWORD}@cache.internal:6380/2`)).toBe('rediss://default:***@cache.internal:6380/2');
  expect(redactUrl('https://gw.example.com')).toBe('https://gw.example.com');
  expect(redactUrl(`not a url ${PASSWORD}`)).not.toContain(PASSWORD);
});
