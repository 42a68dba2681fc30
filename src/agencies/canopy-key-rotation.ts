import { randomUUID } from 'node:crypto';
import type { CanopyReferencingClient } from '../sources/canopy-referencing/client';
import { VendorError } from '../sources/vendor-error';
import { acquireRedisLock } from './redis-lock';
import {
  canopyKeyFingerprint,
  canopyKeyStore,
  effectiveCanopySecretKey,
  type CanopyKeyStore,
  type CanopyKeyStoreOptions,
} from './rotated-canopy-keys';

/** Each step of a rotation, in order, told once it is done. */
export type CanopyKeyRotationStep = 'locked' | 'pending-written' | 'vendor-answered' | 'key-stored' | 'pending-cleared';

export interface CanopyKeyRotationOptions extends CanopyKeyStoreOptions {
  /** The agency's secret key as the agencies file or the environment gives it. */
  configuredKey: string;
  /**
   * A Canopy client of the agency that signs with `secretKey`. Built for each key the rotation
   * sends or tests, so the key sent to Canopy is always the one the pending record holds.
   */
  canopyClient: (secretKey: string) => CanopyReferencingClient;
  /**
   * Told of each step as it completes, and awaited. Keep it quick: 'vendor-answered' is told
   * before the new key is stored, and the rotation waits on it there.
   */
  onStep?: (step: CanopyKeyRotationStep) => void | Promise<void>;
  /**
   * How long the agency's rotation lock lasts; a holder that dies leaves it for this long. It must
   * outlast a token exchange (retried) and the refresh call with their timeouts. @default 120000
   */
  lockTtlMs?: number;
}

const DEFAULT_LOCK_TTL_MS = 120_000;
const REFRESH_ENDPOINT = 'POST /referencing-requests/client/refresh';

export type CanopyKeyRotationFailure = 'under-way' | 'answer-lost' | 'outcome-unknown';

const FAILURE_MESSAGES: Record<CanopyKeyRotationFailure, (agencyId: string) => string> = {
  'under-way': (agencyId) => `a rotation of agency ${agencyId}'s Canopy secret key is under way; try again once it has finished`,
  'answer-lost': (agencyId) =>
    `agency ${agencyId}: a Canopy secret key rotation reached Canopy but its answer was lost, and Canopy refuses the key it replaced; ask Canopy for a new secret key and put it in the agency's configuration`,
  'outcome-unknown': (agencyId) =>
    `agency ${agencyId}: Canopy's answer to the secret key rotation did not arrive, so whether the key changed is not known yet; it is settled at the next start or rotation`,
};

/** A rotation that could not go ahead or whose end is not known; the message says what to do, and never holds a key. */
export class CanopyKeyRotationError extends Error {
  override name = 'CanopyKeyRotationError';

  constructor(
    readonly agencyId: string,
    readonly reason: CanopyKeyRotationFailure,
    options?: ErrorOptions,
  ) {
    super(FAILURE_MESSAGES[reason](agencyId), options);
  }
}

/**
 * Has Canopy replace the agency's secret key, and stores the new one, sealed, where the agency's
 * client is built from (`loadCanopySecretKey`). One instance at a time per agency; a rotation
 * left unfinished by a process that died is settled first. Returns the new key, to rebuild the
 * agency's client with.
 *
 * Canopy's old key is stale as soon as it answers, so the one unguarded window is between its
 * answer and the single Redis write that stores the new key; the pending record written before
 * the call lets reconciliation tell that case from the others.
 */
export async function rotateCanopySecretKey(options: CanopyKeyRotationOptions): Promise<string> {
  const store = canopyKeyStore(options);
  const lock = await acquireRedisLock(options.redis, store.lockKey, { ttlMs: options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS });
  if (!lock) throw new CanopyKeyRotationError(options.agencyId, 'under-way');
  const done = async (step: CanopyKeyRotationStep) => options.onStep?.(step);
  try {
    await done('locked');
    const leftover = await settle(store, options);
    if ('error' in leftover) throw leftover.error;

    const rotated = await store.rotated();
    const current = effectiveCanopySecretKey(options.configuredKey, rotated?.value).secretKey;
    const rotation = randomUUID();
    await store.writePending({ rotation, replacing: current, startedAt: new Date().toISOString() });
    await done('pending-written');

    const secretKey = await refresh(store, options, current);
    await done('vendor-answered');
    await store.storeRotated({ secretKey, replaces: canopyKeyFingerprint(options.configuredKey), rotation });
    await done('key-stored');
    await store.clearPending();
    await done('pending-cleared');
    return secretKey;
  } finally {
    await lock.release();
  }
}

/** Asks Canopy for the new key. A call Canopy surely did not act on clears the pending record; one it may have keeps it. */
async function refresh(store: CanopyKeyStore, options: CanopyKeyRotationOptions, current: string): Promise<string> {
  try {
    return await options.canopyClient(current).refreshSecretKey();
  } catch (error) {
    if (!notActedOn(error)) throw new CanopyKeyRotationError(options.agencyId, 'outcome-unknown', { cause: error });
    await store.clearPending();
    throw error;
  }
}

/** A failed token exchange means the refresh was never sent; a refresh refused with a 4xx was not acted on. */
function notActedOn(error: unknown): boolean {
  if (!(error instanceof VendorError)) return false;
  if (error.endpoint !== REFRESH_ENDPOINT) return true;
  return error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408;
}

export type CanopyKeyReconciliation =
  | { outcome: 'nothing-pending' }
  /** The rotation had stored its key; only its pending record was left. */
  | { outcome: 'completed' }
  /** Canopy still accepts the key the rotation was to replace: it never got there. */
  | { outcome: 'not-reached' }
  /** The replaced key is refused, but the configured one is accepted: an operator has put in a new key. */
  | { outcome: 'superseded' }
  /** The rotation got to Canopy and its answer was lost; the pending record stays until an operator acts. */
  | { outcome: 'answer-lost'; error: CanopyKeyRotationError }
  /** Another holder kept the agency's rotation lock for the whole wait. */
  | { outcome: 'under-way'; error: CanopyKeyRotationError };

export interface CanopyKeyReconciliationOptions extends Omit<CanopyKeyRotationOptions, 'onStep'> {
  /** How long to wait for the rotation lock; a lock left by a process that died lapses within its TTL. @default lockTtlMs */
  waitForLockMs?: number;
}

/**
 * Settles, at start, a rotation a process left unfinished: the pending record goes once it is
 * known that the agency has a key Canopy accepts. When the rotation reached Canopy and its
 * answer was lost, no key is known: the record stays and the result says so plainly.
 */
export async function reconcileCanopyKeyRotation(options: CanopyKeyReconciliationOptions): Promise<CanopyKeyReconciliation> {
  const store = canopyKeyStore(options);
  if (!(await store.pending())) return { outcome: 'nothing-pending' };
  const ttlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const lock = await acquireRedisLock(options.redis, store.lockKey, { ttlMs, waitMs: options.waitForLockMs ?? ttlMs });
  if (!lock) return { outcome: 'under-way', error: new CanopyKeyRotationError(options.agencyId, 'under-way') };
  try {
    return await settle(store, options);
  } finally {
    await lock.release();
  }
}

/** Settles a pending record; only under the agency's rotation lock. */
async function settle(store: CanopyKeyStore, options: CanopyKeyReconciliationOptions): Promise<CanopyKeyReconciliation> {
  const pending = (await store.pending())?.value;
  if (!pending) return { outcome: 'nothing-pending' };
  const rotated = (await store.rotated())?.value;
  let outcome: 'completed' | 'not-reached' | 'superseded' | undefined;
  if (rotated?.rotation === pending.rotation) outcome = 'completed';
  else if (await canopyAccepts(options, pending.replacing)) outcome = 'not-reached';
  else {
    const current = effectiveCanopySecretKey(options.configuredKey, rotated).secretKey;
    if (current !== pending.replacing && (await canopyAccepts(options, current))) outcome = 'superseded';
  }
  if (!outcome) return { outcome: 'answer-lost', error: new CanopyKeyRotationError(options.agencyId, 'answer-lost') };
  await store.clearPending();
  return { outcome };
}

/** Whether Canopy exchanges a JWT signed with `secretKey` for a token. Anything but a refusal is thrown: it tells nothing. */
async function canopyAccepts(options: CanopyKeyRotationOptions, secretKey: string): Promise<boolean> {
  try {
    await options.canopyClient(secretKey).requestAccessToken();
    return true;
  } catch (error) {
    if (error instanceof VendorError && (error.status === 401 || error.status === 403)) return false;
    throw error;
  }
}
