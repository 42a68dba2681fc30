import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeGateway, type ComposedGateway } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { TEST_JWT_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { AMARA } from '../helpers/webhooks';

const redis = new Redis({ host: '127.0.0.1', port: 6379 });
const heard = redis.duplicate();
/** The second instance's SUBSCRIBE connection, to a port where no Redis listens: it hears no notice. */
const deaf = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
deaf.on('error', () => undefined);
const prefix = `test-${randomBytes(6).toString('hex')}`;
const CREDENTIALS_KEY = randomBytes(32).toString('base64');

const ROTATE = `mutation ($agencyId: ID!) { rotateCanopySecretKey(input: { agencyId: $agencyId }) {
  __typename ... on MutationRotateCanopySecretKeySuccess { data { agency { id } } } } }`;
const DASHBOARD = `query ($email: String!) { tenant(email: $email) { referencingRequests { canopyReferenceId status } } }`;

let first: TestGateway;
let second: ComposedGateway;
let secondUrl: string;
const secondLog: string[] = [];
let closeSecond: () => Promise<void>;

beforeAll(async () => {
  // Connected before it subscribes, so that its ready check is not refused in subscriber mode.
  await heard.ping();
  first = await useGateway({ redis: { client: redis, subscriber: heard, prefix }, env: { CREDENTIALS_KEY } });
  const server = createServer((req, res) => void second.gateway.listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  secondUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    SANDBOX: '1',
    PUBLIC_URL: secondUrl,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
    REDIS_KEY_PREFIX: prefix,
    CREDENTIALS_KEY,
  });
  second = await composeGateway({ config, redis, subscriber: deaf, sandbox: first.sandbox, log: (line) => secondLog.push(line) });
  closeSecond = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await second.dispose();
  };
});

afterAll(async () => {
  await closeSecond();
  await first.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  for (const connection of [redis, heard, deaf]) connection.disconnect();
});

async function dashboardOnSecond() {
  const response = await request(`${secondUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...first.authorization },
    body: JSON.stringify({ query: DASHBOARD, variables: { email: AMARA } }),
  });
  return (await response.body.json()) as { data?: { tenant: { referencingRequests: unknown[] } | null }; errors?: Array<{ extensions?: { code?: string } }> };
}

describe('a Canopy key rotation whose notice an instance missed', () => {
  it("costs that instance one refused request of the agency: the next one signs with the rotated key", async () => {
    // The second instance holds north's clients, built with the key about to be replaced.
    const stale = await second.agencies.get('sandbox-north');
    const south = await second.agencies.get('sandbox-south');
    const rotated = await first.graphql(ROTATE, { agencyId: 'sandbox-north' });
    expect(rotated.data?.rotateCanopySecretKey.__typename).toBe('MutationRotateCanopySecretKeySuccess');
    expect(await second.agencies.get('sandbox-north')).toBe(stale);

    const refused = await dashboardOnSecond();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const healed = await dashboardOnSecond();
    expect(healed.errors).toBeUndefined();
    expect(healed.data?.tenant?.referencingRequests.length).toBeGreaterThan(0);
    expect(await second.agencies.get('sandbox-north')).not.toBe(stale);

    const line = secondLog.find((entry) => entry.includes('refused agency'));
    expect(line).toContain('sandbox-north');
    expect(line).not.toContain(first.sandbox.simulators.canopyReferencing.state.secretKey);
    // Only north's clients were built anew.
    expect(await second.agencies.get('sandbox-south')).toBe(south);
  });
});
