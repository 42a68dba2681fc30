import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../src/agencies/agency';
import { createAgencyServices } from '../../src/agencies/agency-services';
import { createCredentialCipher } from '../../src/agencies/credential-cipher';
import { createAgencyRegistry, type LiveAgencyRegistry } from '../../src/agencies/registry';
import { createRuntimeAgencyStore } from '../../src/agencies/runtime-agencies';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start';
import { createVendorPools, type VendorPools } from '../../src/sources/clients';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ people: 5 });
});
afterAll(() => sandbox.close());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function sandboxAgency(id: 'sandbox-north' | 'sandbox-south'): Agency {
  const { canopyReferencing, canopyServicing, reposit } = sandbox.account(id).agency;
  return { id, name: id, source: 'sandbox', vendors: { canopyReferencing, canopyServicing, reposit } };
}

/** A registry with both sandbox agencies configured and run-time agencies in Redis, and the services cache over it. */
function setUp(options: { max?: number; idleMs?: number; refusedRebuildIntervalMs?: number } = {}) {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const redis = new Redis({ host: '127.0.0.1', port: 6379 });
  const subscriber = redis.duplicate();
  const registry: LiveAgencyRegistry = createAgencyRegistry({
    configured: [sandboxAgency('sandbox-north'), sandboxAgency('sandbox-south')],
    runtime: createRuntimeAgencyStore({ redis, prefix, cipher: createCredentialCipher({ current: randomBytes(32) }), log: () => undefined }),
    subscriber,
    log: () => undefined,
  });
  const pools: VendorPools = createVendorPools();
  const services = createAgencyServices({
    registry,
    pools,
    crm: { repositReferrerToken: undefined },
    publicUrl: 'http://gateway.test',
    webhookSecret: 'test-webhook-secret-0123456789',
    ...options,
  });
  cleanups.push(async () => {
    await registry.dispose();
    await pools.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    subscriber.disconnect();
  });
  return { registry, services, pools };
}

describe('agency services', () => {
  it("builds each agency's clients once, with its own credentials, over pools shared by origin", async () => {
    const { services, pools } = setUp();
    const [north, again, south] = await Promise.all([services.get('sandbox-north'), services.get('sandbox-north'), services.get('sandbox-south')]);
    expect(again).toBe(north);
    expect(south).not.toBe(north);
    const northSupplier = await north!.clients.reposit.getSupplier();
    const southSupplier = await south!.clients.reposit.getSupplier();
    expect(southSupplier.id).not.toBe(northSupplier.id);
    // One pool per vendor at the sandbox's one origin, whatever the number of agencies.
    expect(pools.open().map(({ vendor }) => vendor).sort()).toEqual(['canopy-referencing', 'canopy-servicing', 'reposit']);
  });

  it('answers undefined for an agency that does not exist, and gives each agency its own webhook URLs', async () => {
    const { services } = setUp();
    expect(await services.get('nowhere')).toBeUndefined();
    const north = await services.get('sandbox-north');
    const south = await services.get('sandbox-south');
    expect(north!.callbackUrls.canopy).toMatch(/^http:\/\/gateway\.test\/webhooks\/canopy\/[\w-]+$/);
    expect(north!.callbackUrls.canopy).not.toBe(south!.callbackUrls.canopy);
    expect(north!.callbackUrls.reposit.split('/').pop()).toBe(north!.callbackUrls.canopy.split('/').pop());
  });

  it('rebuilds an agency at once when its credentials change, while clients already handed out keep the old ones', async () => {
    const { registry, services } = setUp();
    await registry.create({ id: 'east', name: 'East' });
    await registry.setVendorCredentials('east', 'reposit', { baseUrl: sandbox.baseUrls.reposit, apiKey: sandbox.account('sandbox-north').agency.reposit.apiKey });
    const before = await services.get('east');
    const northSupplier = (await before!.clients.reposit.getSupplier()).id;

    await registry.setVendorCredentials('east', 'reposit', { baseUrl: sandbox.baseUrls.reposit, apiKey: sandbox.account('sandbox-south').agency.reposit.apiKey });
    const after = await services.get('east');
    expect(after).not.toBe(before);
    expect((await after!.clients.reposit.getSupplier()).id).not.toBe(northSupplier);
    // The set handed out before the change is whole and still works, with the old key.
    expect((await before!.clients.reposit.getSupplier()).id).toBe(northSupplier);

    await registry.delete('east');
    expect(await services.get('east')).toBeUndefined();
  });

  it('an agency without an account at a vendor fails its calls there at once, sending nothing', async () => {
    const { registry, services } = setUp();
    await registry.create({ id: 'west', name: 'West' });
    const west = await services.get('west');
    sandbox.calls.reset();
    await expect(west!.clients.reposit.getSupplier()).rejects.toMatchObject({ code: 'NO_ACCOUNT', vendor: 'reposit' });
    expect(sandbox.calls.count()).toBe(0);
  });

  it('keeps a bounded number of agencies, and drops one left idle', async () => {
    const { services } = setUp({ max: 1, idleMs: 200 });
    const north = await services.get('sandbox-north');
    await services.get('sandbox-south');
    // The least recently used was dropped to make room.
    expect(await services.get('sandbox-north')).not.toBe(north);
    const kept = await services.get('sandbox-north');
    expect(await services.get('sandbox-north')).toBe(kept);
    await sleep(300);
    expect(await services.get('sandbox-north')).not.toBe(kept);
  });

  it('rebuilds an agency whose Canopy credentials were refused, at most once an interval, and only the set that was refused', async () => {
    const { registry, services } = setUp({ refusedRebuildIntervalMs: 300 });
    await registry.create({ id: 'east', name: 'East' });
    const canopy = sandbox.account('sandbox-north').agency.canopyReferencing;
    await registry.setVendorCredentials('east', 'canopyReferencing', { ...canopy, secretKey: 'not-the-key-canopy-holds-0123456789' });
    const refusedExchange = async () => {
      const built = await services.get('east');
      await expect(built!.clients.canopyReferencing.requestAccessToken()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      return built;
    };

    const first = await refusedExchange();
    const second = await refusedExchange();
    expect(second).not.toBe(first);
    // A refusal by the set already replaced does not drop its successor.
    await expect(first!.clients.canopyReferencing.requestAccessToken()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await services.get('east')).toBe(second);
    // Refused again within the interval: kept, so a key wrong everywhere does not rebuild the agency on every request.
    await refusedExchange();
    expect(await services.get('east')).toBe(second);
    await sleep(400);
    await refusedExchange();
    expect(await services.get('east')).not.toBe(second);
  });
});
