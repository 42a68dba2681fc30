import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Agency } from '../../src/agencies/agency';
import { composeGateway, type ComposedGateway } from '../../src/compose';
import { loadConfig, type Config } from '../../src/config';
import { createCredentialCipher } from '../../src/agencies/credential-cipher';
import { canopyKeyStore } from '../../src/agencies/rotated-canopy-keys';
import { createVendorClients, createVendorPools } from '../../src/sources/clients';
import { TEST_JWT_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { AMARA } from '../helpers/webhooks';

const redis = new Redis({ host: '127.0.0.1', port: 6379 });
const subscribers = [redis.duplicate(), redis.duplicate()];
const prefix = `test-${randomBytes(6).toString('hex')}`;
const CREDENTIALS_KEY = randomBytes(32).toString('base64');

const ROTATE = `mutation ($agencyId: ID!) { rotateCanopySecretKey(input: { agencyId: $agencyId }) {
  __typename ... on MutationRotateCanopySecretKeySuccess { data { agency { id } } } } }`;
const DASHBOARD = `query ($email: String!) { tenant(email: $email) { referencingRequests { canopyReferenceId status } } }`;

let first: TestGateway;
/** A second instance over the first one's sandbox and Redis, composed as `npm start` composes it. */
let second: ComposedGateway;
let secondConfig: Config;
let closeSecond: () => Promise<void>;

beforeAll(async () => {
  first = await useGateway({ redis: { client: redis, subscriber: subscribers[0]!, prefix }, env: { CREDENTIALS_KEY } });
  const server = createServer((req, res) => void second.gateway.listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  secondConfig = loadConfig({
    SANDBOX: '1',
    PUBLIC_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
    REDIS_KEY_PREFIX: prefix,
    CREDENTIALS_KEY,
  });
  second = await composeGateway({ config: secondConfig, redis, subscriber: subscribers[1], sandbox: first.sandbox, log: () => undefined });
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
  for (const connection of [redis, ...subscribers]) connection.disconnect();
});

/** North's Canopy client as a process started with `secretKey` would build it. */
function northCanopyWith(secretKey: string) {
  const account = first.sandbox.account('sandbox-north').agency.canopyReferencing;
  const agency: Agency = { id: 'sandbox-north', name: 'North', source: 'sandbox', vendors: { canopyReferencing: { ...account, secretKey } } };
  const pools = createVendorPools();
  return { client: createVendorClients(agency, pools, { repositReferrerToken: undefined }).canopyReferencing, close: () => pools.close() };
}

describe('rotateCanopySecretKey', () => {
  it('rotates north’s key: Canopy refuses the old one, and both instances sign with the new one', async () => {
    const oldKey = first.sandbox.account('sandbox-north').agency.canopyReferencing.secretKey;
    const cachedOnSecond = await second.agencies.get('sandbox-north');
    await cachedOnSecond!.clients.canopyReferencing.requestAccessToken();

    const rotated = await first.graphql(ROTATE, { agencyId: 'sandbox-north' });
    expect(rotated.errors).toBeUndefined();
    expect(rotated.data).toEqual({ rotateCanopySecretKey: { __typename: 'MutationRotateCanopySecretKeySuccess', data: { agency: { id: 'sandbox-north' } } } });
    expect(JSON.stringify(rotated)).not.toContain(first.sandbox.simulators.canopyReferencing.state.secretKey);

    const old = northCanopyWith(oldKey);
    try {
      await expect(old.client.requestAccessToken()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    } finally {
      await old.close();
    }
    const dashboard = await first.graphql(DASHBOARD, { email: AMARA });
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data?.tenant.referencingRequests.length).toBeGreaterThan(0);

    // The notice drops the second instance's clients, which signed with the old key.
    await vi.waitFor(async () => expect(await second.agencies.get('sandbox-north')).not.toBe(cachedOnSecond), { timeout: 5_000 });
    const rebuilt = await second.agencies.get('sandbox-north');
    await expect(rebuilt!.clients.canopyReferencing.requestAccessToken()).resolves.toBeDefined();
    // South's key is its own, and untouched.
    await expect((await second.agencies.get('sandbox-south'))!.clients.canopyReferencing.requestAccessToken()).resolves.toBeDefined();
  });

  it('rotates only the caller’s own agency', async () => {
    const refused = await first.graphql(ROTATE, { agencyId: 'sandbox-south' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(first.sandbox.account('sandbox-south').simulators.canopyReferencing.state.secretKey).toBe('sandbox-south-secret-key-fedcba9876543210');
  });

  it('settles unfinished rotations at start, and names one that lost its answer on /readyz without taking the other agencies out of service', async () => {
    const ready = async (gateway: ComposedGateway) => {
      const body = (await (await gateway.gateway.yoga.fetch('http://localhost/readyz')).json()) as { checks: Array<{ name: string; ok: boolean; error?: string }> };
      return body.checks.find((check) => check.name === 'canopy-key-rotations');
    };
    expect(await ready(second)).toEqual({ name: 'canopy-key-rotations', ok: true });
    // A process that died after Canopy answered and before it stored the key: Canopy refuses the key it replaced, and nothing else is known.
    const oldKey = first.sandbox.account('sandbox-north').agency.canopyReferencing.secretKey;
    const store = canopyKeyStore({ redis, prefix, cipher: createCredentialCipher(secondConfig.credentialKeys!), agencyId: 'sandbox-north' });
    await store.dropRotated((await store.rotated())!);
    await store.writePending({ rotation: 'lost', replacing: oldKey, startedAt: new Date().toISOString() });

    const lines: string[] = [];
    const subscriber = redis.duplicate();
    const restarted = await composeGateway({ config: secondConfig, redis, subscriber, sandbox: first.sandbox, log: (line) => lines.push(line) });
    try {
      // Settled behind start-up, once the run-time agencies are read.
      await expect.poll(async () => (await ready(restarted))?.ok, { timeout: 10_000 }).toBe(false);
      const check = await ready(restarted);
      expect(check).toMatchObject({ ok: false, error: expect.stringMatching(/lost its answer for 1 agency/) });
      expect(check?.error).not.toContain('sandbox-north');
      expect((await restarted.gateway.yoga.fetch('http://localhost/readyz')).status).toBe(200);
      expect(lines).toContainEqual(expect.stringMatching(/^!!! canopy key rotation: agency sandbox-north: a Canopy secret key rotation reached Canopy but its answer was lost/));
    } finally {
      await restarted.dispose();
      subscriber.disconnect();
    }
  });
});
