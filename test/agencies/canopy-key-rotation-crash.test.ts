import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  reconcileCanopyKeyRotation,
  rotateCanopySecretKey,
  type CanopyKeyRotationStep,
} from '../../src/agencies/canopy-key-rotation';
import { loadCanopySecretKey } from '../../src/agencies/rotated-canopy-keys';
import { AGENCY_ID, CONFIGURED_KEY, useRotationFixture, type RotationFixture } from './canopy-key-rotation-fixture';

/** Short, so that a lock left by a killed process lapses quickly; the restarted one waits for it. */
const LOCK_TTL_MS = 300;
const REFRESH = 'POST /referencing-requests/client/refresh';

let fixture: RotationFixture;
beforeEach(async () => {
  fixture = await useRotationFixture();
});
afterEach(async () => {
  await fixture.close();
});

/**
 * Starts a rotation and kills its process once `step` is done: its Redis connection drops and
 * the rotation never goes on, as if the process had died there (its lock is not released).
 */
async function rotateAndKillAfter(step: CanopyKeyRotationStep): Promise<void> {
  const doomed = fixture.instance({ lockTtlMs: LOCK_TTL_MS });
  await new Promise<void>((killed) => {
    void rotateCanopySecretKey({
      ...doomed,
      onStep: (reached) => {
        if (reached !== step) return;
        doomed.redis.disconnect();
        killed();
        return new Promise<never>(() => undefined);
      },
    });
  });
}

/** A process starting after the crash: it reconciles, then loads the key it will sign with. */
async function restart(configuredKey = CONFIGURED_KEY) {
  const restarted = fixture.instance({ lockTtlMs: LOCK_TTL_MS, configuredKey });
  const reconciliation = await reconcileCanopyKeyRotation(restarted);
  const secretKey = await loadCanopySecretKey(restarted);
  return { reconciliation, secretKey };
}

const pendingKey = () => `${fixture.prefix}:{${AGENCY_ID}}:canopy-referencing:secret-key-rotation`;

describe('a process killed in the middle of a rotation', () => {
  const recovered: Array<[CanopyKeyRotationStep, string, boolean]> = [
    ['locked', 'nothing-pending', false],
    ['pending-written', 'not-reached', false],
    ['key-stored', 'completed', true],
    ['pending-cleared', 'nothing-pending', true],
  ];

  it.each(recovered)('after %s: the restart reconciles (%s) and signs with a key Canopy accepts', async (step, outcome, rotated) => {
    await rotateAndKillAfter(step);
    const { reconciliation, secretKey } = await restart();

    expect(reconciliation.outcome).toBe(outcome);
    expect(secretKey === CONFIGURED_KEY).toBe(!rotated);
    expect(await fixture.accepts(secretKey)).toBe(true);
    expect(await fixture.admin.exists(pendingKey())).toBe(0);
    expect(fixture.refreshCalls()).toBe(rotated ? 1 : 0);
  });

  it("after vendor-answered, Canopy's own window: the restart says plainly that the key is lost, and keeps the record", async () => {
    await rotateAndKillAfter('vendor-answered');
    const { reconciliation, secretKey } = await restart();

    expect(reconciliation).toMatchObject({ outcome: 'answer-lost', error: { reason: 'answer-lost', agencyId: AGENCY_ID } });
    const message = 'error' in reconciliation ? reconciliation.error.message : '';
    expect(message).toMatch(/^agency north: .*ask Canopy for a new secret key/);
    expect(message).not.toContain(CONFIGURED_KEY);
    expect(message).not.toContain(fixture.liveKey());
    expect(await fixture.accepts(secretKey)).toBe(false);
    expect(await fixture.admin.exists(pendingKey())).toBe(1);

    // A rotation asked for now would only repeat the report, without calling Canopy again.
    await expect(rotateCanopySecretKey(fixture.instance())).rejects.toMatchObject({ reason: 'answer-lost' });
    expect(fixture.refreshCalls()).toBe(1);
  });

  it('after a lost answer, the key an operator gets from Canopy and configures settles it', async () => {
    await rotateAndKillAfter('vendor-answered');
    const fromCanopy = fixture.liveKey();
    const { reconciliation, secretKey } = await restart(fromCanopy);

    expect(reconciliation.outcome).toBe('superseded');
    expect(secretKey).toBe(fromCanopy);
    expect(await fixture.admin.exists(pendingKey())).toBe(0);
  });
});

describe("Canopy's answer to the refresh fails", () => {
  it('when Canopy acted on it: the outcome is unknown until reconciled, and then reported lost', async () => {
    fixture.sandbox.knobs.addFault({ vendor: 'canopy-referencing', endpoint: REFRESH, status: 503, afterApplying: true, times: 1 });
    await expect(rotateCanopySecretKey(fixture.instance())).rejects.toMatchObject({ reason: 'outcome-unknown', agencyId: AGENCY_ID });
    expect(await fixture.admin.exists(pendingKey())).toBe(1);

    const { reconciliation } = await restart();
    expect(reconciliation.outcome).toBe('answer-lost');
  });

  it('when Canopy did not act on it: reconciliation finds the old key still accepted and clears the record', async () => {
    fixture.sandbox.knobs.addFault({ vendor: 'canopy-referencing', endpoint: REFRESH, status: 503, times: 1 });
    await expect(rotateCanopySecretKey(fixture.instance())).rejects.toMatchObject({ reason: 'outcome-unknown' });

    const { reconciliation, secretKey } = await restart();
    expect(reconciliation.outcome).toBe('not-reached');
    expect(secretKey).toBe(CONFIGURED_KEY);
    expect(await fixture.accepts(CONFIGURED_KEY)).toBe(true);
    // Nothing in the way of the next rotation.
    const next = await rotateCanopySecretKey(fixture.instance());
    expect(next).toBe(fixture.liveKey());
    expect(next).not.toBe(CONFIGURED_KEY);
  });
});

it('a restart does not reconcile under a rotation that is still going: it waits, and finds it completed', async () => {
  let resume!: () => void;
  const held = new Promise<void>((resolve) => (resume = resolve));
  let reachedCanopy!: () => void;
  const atCanopy = new Promise<void>((resolve) => (reachedCanopy = resolve));
  const rotation = rotateCanopySecretKey({
    ...fixture.instance({ lockTtlMs: 10_000 }),
    onStep: async (step) => {
      if (step !== 'vendor-answered') return;
      reachedCanopy();
      await held;
    },
  });
  await atCanopy;
  let settled = false;
  const reconciling = reconcileCanopyKeyRotation(fixture.instance({ waitForLockMs: 10_000 })).finally(() => (settled = true));
  // Time enough for a reconciliation that did not wait to test the replaced key and give up on it.
  await sleep(300);
  expect(settled).toBe(false);
  resume();

  const rotated = await rotation;
  expect((await reconciling).outcome).toBe('nothing-pending');
  expect(await loadCanopySecretKey(fixture.instance())).toBe(rotated);
});
