import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CanopyKeyRotationError, rotateCanopySecretKey, type CanopyKeyRotationStep } from '../../src/agencies/canopy-key-rotation';
import { canopyKeyFingerprint, effectiveCanopySecretKey, loadCanopySecretKey } from '../../src/agencies/rotated-canopy-keys';
import type { Agency } from '../../src/agencies/agency';
import { composeGateway } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { seedSandboxLinks } from '../../src/sandbox/seed-links';
import { TEST_JWT_SECRET, TEST_REPORT_KEY, testToken } from '../helpers/gateway';
import { AGENCY_ID, CONFIGURED_KEY, useRotationFixture, type RotationFixture } from './canopy-key-rotation-fixture';

const DASHBOARD = readFileSync(new URL('../../operations/tenant-dashboard.graphql', import.meta.url), 'utf8');

let fixture: RotationFixture;
beforeEach(async () => {
  fixture = await useRotationFixture();
});
afterEach(async () => {
  await fixture.close();
});

/** What a process starting now signs with, the configuration holding `configuredKey`. */
const loadedKey = (configuredKey = CONFIGURED_KEY, agencyId = AGENCY_ID) =>
  loadCanopySecretKey({ ...fixture.instance(), agencyId, configuredKey });

describe('effectiveCanopySecretKey', () => {
  const rotated = { secretKey: 'rotated-key', replaces: canopyKeyFingerprint('configured-key'), rotation: 'r1' };

  it('keeps the rotated key while the configuration still holds the key it replaced', () => {
    expect(effectiveCanopySecretKey('configured-key', rotated)).toEqual({ secretKey: 'rotated-key', from: 'rotation', storedIsObsolete: false });
  });

  it('obeys the configuration once it holds the rotated key, or any other new value', () => {
    expect(effectiveCanopySecretKey('rotated-key', rotated)).toEqual({ secretKey: 'rotated-key', from: 'configuration', storedIsObsolete: true });
    expect(effectiveCanopySecretKey('from-canopy-support', rotated)).toEqual({ secretKey: 'from-canopy-support', from: 'configuration', storedIsObsolete: true });
    expect(effectiveCanopySecretKey('configured-key', undefined)).toEqual({ secretKey: 'configured-key', from: 'configuration', storedIsObsolete: false });
  });

  it('names a key by a digest that is not the key', () => {
    expect(canopyKeyFingerprint('configured-key')).not.toContain('configured-key');
    expect(canopyKeyFingerprint('configured-key')).not.toBe(canopyKeyFingerprint('configured-kez'));
  });
});

describe('rotateCanopySecretKey', () => {
  it('replaces the key at Canopy and stores the new one sealed, for a restart with the old configuration', async () => {
    const steps: CanopyKeyRotationStep[] = [];
    const secretKey = await rotateCanopySecretKey({ ...fixture.instance(), onStep: (step) => void steps.push(step) });

    expect(steps).toEqual(['locked', 'pending-written', 'vendor-answered', 'key-stored', 'pending-cleared']);
    expect(secretKey).toBe(fixture.liveKey());
    expect(await fixture.accepts(CONFIGURED_KEY)).toBe(false);
    expect(await fixture.accepts(secretKey)).toBe(true);

    const records = await fixture.rawRecords();
    expect(Object.keys(records)).toEqual([`${fixture.prefix}:{${AGENCY_ID}}:canopy-referencing:secret-key`]);
    const raw = JSON.stringify(records);
    expect(raw).not.toContain(secretKey);
    expect(raw).not.toContain(CONFIGURED_KEY);
    expect(raw).not.toContain(canopyKeyFingerprint(CONFIGURED_KEY));

    expect(await loadedKey()).toBe(secretKey);
  });

  it('rotates the rotated key the next time, and a restart still finds the newest', async () => {
    const first = await rotateCanopySecretKey(fixture.instance());
    const second = await rotateCanopySecretKey(fixture.instance());
    expect(second).not.toBe(first);
    expect(await loadedKey()).toBe(second);
    expect(await fixture.accepts(second)).toBe(true);
  });

  it('after a rotation and a restart, the dashboard still answers from Canopy', async () => {
    await rotateCanopySecretKey(fixture.instance());
    const tokenExchanges = () => fixture.sandbox.calls.count('canopy-referencing', 'POST /referencing-requests/client/:clientId/token');
    const before = tokenExchanges();

    const answer = await dashboardAfterRestart(fixture, await loadedKey());

    expect(answer.errors).toBeUndefined();
    const requests = answer.data.tenant.referencingRequests as Array<{ rentPassport: unknown }>;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.rentPassport !== null)).toBe(true);
    // The restarted process had no token: it signed a new JWT with the rotated key.
    expect(tokenExchanges()).toBe(before + 1);
  });

  it('obeys an operator who puts the rotated key, or a newer one, in the configuration', async () => {
    const rotated = await rotateCanopySecretKey(fixture.instance());
    expect(await loadedKey(rotated)).toBe(rotated);
    expect(await fixture.rawRecords()).toEqual({});

    // With the rotated key configured now, the next rotation replaces it and is stored again.
    await rotateCanopySecretKey(fixture.instance({ configuredKey: rotated }));
    expect(Object.keys(await fixture.rawRecords())).toHaveLength(1);
    const fromCanopySupport = 'issued-by-canopy-support-0123456789';
    fixture.sandbox.simulators.canopyReferencing.state.secretKey = fromCanopySupport;
    expect(await loadedKey(fromCanopySupport)).toBe(fromCanopySupport);
    expect(await fixture.rawRecords()).toEqual({});
    expect(await fixture.accepts(fromCanopySupport)).toBe(true);
  });

  it('lets one of two instances rotate at a time: the other is told, and Canopy is asked once', async () => {
    const first = fixture.instance();
    const second = fixture.instance();
    let refused: unknown;
    const rotated = await rotateCanopySecretKey({
      ...first,
      onStep: async (step) => {
        if (step === 'locked') refused = await rotateCanopySecretKey(second).catch((error: unknown) => error);
      },
    });

    expect(refused).toBeInstanceOf(CanopyKeyRotationError);
    expect(refused).toMatchObject({ reason: 'under-way', agencyId: AGENCY_ID });
    expect((refused as Error).message).toMatch(/rotation of agency north's Canopy secret key is under way/);
    expect(fixture.refreshCalls()).toBe(1);
    expect(await fixture.accepts(rotated)).toBe(true);
    // The lock went with the rotation: the second instance may rotate now.
    await expect(rotateCanopySecretKey(second)).resolves.toEqual(expect.any(String));
  });

  it('leaves nothing behind when Canopy refuses the key, and says so without the key', async () => {
    const wrongKey = 'not-the-agency-secret-key-0123456789';
    const error = await rotateCanopySecretKey({ ...fixture.instance(), configuredKey: wrongKey }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'VendorError', status: 401 });
    expect((error as Error).message).not.toContain(wrongKey);
    expect(fixture.refreshCalls()).toBe(0);
    expect(await fixture.rawRecords()).toEqual({});
    expect(await fixture.accepts(CONFIGURED_KEY)).toBe(true);
  });

  it("keeps one agency's rotated key from another's", async () => {
    await rotateCanopySecretKey(fixture.instance());
    expect(await loadedKey(CONFIGURED_KEY, 'south')).toBe(CONFIGURED_KEY);
    // A record copied into another agency's key does not open there.
    const records = await fixture.rawRecords();
    await fixture.admin.set(`${fixture.prefix}:{south}:canopy-referencing:secret-key`, Object.values(records)[0]!);
    await expect(loadedKey(CONFIGURED_KEY, 'south')).rejects.toThrow(/does not open for agency south/);
  });

  it('refuses an agency id that could leave its hash tag, naming the field and the rule', async () => {
    await expect(rotateCanopySecretKey({ ...fixture.instance(), agencyId: 'north}:{south' })).rejects.toThrow(/^agencyId: expected \^\[a-z0-9-\]\{1,63\}\$/);
    expect(fixture.refreshCalls()).toBe(0);
  });
});

/** A gateway process started with `secretKey` for Canopy over the fixture's sandbox, asked for the dashboard as the agency. */
async function dashboardAfterRestart(fixture: RotationFixture, secretKey: string) {
  const { canopyReferencing, canopyServicing, reposit } = fixture.sandbox.agency(AGENCY_ID);
  const agency: Agency = {
    id: AGENCY_ID,
    name: 'North',
    source: 'file',
    vendors: { canopyReferencing: { ...canopyReferencing, secretKey }, canopyServicing, reposit },
  };
  const config = loadConfig({ AUTH_JWT_SECRET: TEST_JWT_SECRET, WEBHOOK_SECRET: 'test-webhook-secret-0123456789', REPORT_LINK_SECRET: TEST_REPORT_KEY });
  const composed = await composeGateway({
    config: { ...config, fileAgencies: [agency] },
    redis: undefined,
    subscriber: undefined,
    sandbox: undefined,
    log: () => undefined,
  });
  try {
    await seedSandboxLinks(composed.stores, agency.id, fixture.sandbox.simulators);
    const response = await composed.gateway.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken({ agency: AGENCY_ID })}` },
      body: JSON.stringify({ query: DASHBOARD }),
    });
    return (await response.json()) as { data: { tenant: Record<string, unknown> }; errors?: unknown[] };
  } finally {
    await composed.dispose();
  }
}
