import { createHmac } from 'node:crypto';
import type { RedisClient } from '../redis-client';
import { AGENCY_ID } from './agency';
import type { CredentialCipher } from './credential-cipher';
import { deleteIfUnchanged } from './redis-lock';

/**
 * The Canopy secret key a rotation stored. It is in force while the agencies file or the
 * environment still holds the key it replaced; it stops counting once they hold anything else.
 */
export interface RotatedCanopyKey {
  secretKey: string;
  /** `canopyKeyFingerprint` of the configured key that was in force when it was stored. */
  replaces: string;
  /** The rotation that stored it. */
  rotation: string;
}

/** Written before Canopy is asked for a new key, so that a process that dies on the way leaves word of it. */
export interface PendingCanopyKeyRotation {
  rotation: string;
  /** The key sent to Canopy to be replaced: whether Canopy still accepts it tells if the rotation got there. */
  replacing: string;
  startedAt: string;
}

/** A value as read, with its sealed form to delete it only if no one has changed it since. */
export interface Stored<T> {
  value: T;
  sealed: string;
}

export interface CanopyKeyStoreOptions {
  redis: RedisClient;
  /** Start of every key, so that deployments (or test runs) sharing one Redis stay apart. */
  prefix: string;
  cipher: CredentialCipher;
  agencyId: string;
}

const ROTATED = 'canopyReferencing-rotated';
const PENDING = 'canopyReferencing-rotation-pending';

/** Names a key without revealing it. */
export function canopyKeyFingerprint(secretKey: string): string {
  return createHmac('sha256', 'rentgraph-canopy-secret-key').update(secretKey).digest('base64url');
}

export interface EffectiveCanopyKey {
  secretKey: string;
  from: 'configuration' | 'rotation';
  /** The stored key no longer counts and may be deleted: the configuration holds it now, or holds a newer one. */
  storedIsObsolete: boolean;
}

/**
 * Which key to sign with. The configuration still holding the key a rotation replaced means it
 * has not caught up: the rotated key wins. Any other configured value was put there by an
 * operator (the rotated key itself, or one from Canopy), and is obeyed.
 */
export function effectiveCanopySecretKey(configuredKey: string, stored: RotatedCanopyKey | undefined): EffectiveCanopyKey {
  if (stored && canopyKeyFingerprint(configuredKey) === stored.replaces) return { secretKey: stored.secretKey, from: 'rotation', storedIsObsolete: false };
  return { secretKey: configuredKey, from: 'configuration', storedIsObsolete: stored !== undefined };
}

/** The Redis records of one agency's Canopy key, sealed with the credential cipher. */
export function canopyKeyStore(options: CanopyKeyStoreOptions) {
  const { redis, cipher, agencyId } = options;
  if (!AGENCY_ID.test(agencyId)) throw new RangeError(`agencyId: expected ${AGENCY_ID.source}, got ${JSON.stringify(agencyId)}`);
  // The agency as a hash tag: on Redis Cluster all of an agency's records share a slot, as its scripts need.
  const base = `${options.prefix}:{${agencyId}}:canopy-referencing`;
  const keys = { rotated: `${base}:secret-key`, pending: `${base}:secret-key-rotation`, lock: `${base}:secret-key-rotation-lock` };

  async function read<T>(key: string, vendor: string, check: (value: unknown) => value is T): Promise<Stored<T> | undefined> {
    const sealed = await redis.get(key);
    if (sealed === null) return undefined;
    const value = cipher.open(agencyId, vendor, sealed);
    if (!check(value)) throw new TypeError(`${key}: opened, but is not a ${vendor} record`);
    return { value, sealed };
  }

  return {
    lockKey: keys.lock,
    rotated: () => read(keys.rotated, ROTATED, isRotatedKey),
    async storeRotated(value: RotatedCanopyKey): Promise<void> {
      await redis.set(keys.rotated, cipher.seal(agencyId, ROTATED, value));
    },
    dropRotated: (stored: Stored<RotatedCanopyKey>) => deleteIfUnchanged(redis, keys.rotated, stored.sealed),
    pending: () => read(keys.pending, PENDING, isPendingRotation),
    async writePending(value: PendingCanopyKeyRotation): Promise<void> {
      await redis.set(keys.pending, cipher.seal(agencyId, PENDING, value));
    },
    async clearPending(): Promise<void> {
      await redis.del(keys.pending);
    },
  };
}

export type CanopyKeyStore = ReturnType<typeof canopyKeyStore>;

/**
 * The key an agency's Canopy client is built with at start: the configured one, or the one a
 * rotation stored while the configuration has not caught up. A stored key that no longer counts
 * is deleted, unless a rotation replaced it meanwhile.
 */
export async function loadCanopySecretKey(options: CanopyKeyStoreOptions & { configuredKey: string }): Promise<string> {
  const store = canopyKeyStore(options);
  const stored = await store.rotated();
  const effective = effectiveCanopySecretKey(options.configuredKey, stored?.value);
  if (stored && effective.storedIsObsolete) await store.dropRotated(stored);
  return effective.secretKey;
}

function isRotatedKey(value: unknown): value is RotatedCanopyKey {
  return hasStrings(value, ['secretKey', 'replaces', 'rotation']);
}

function isPendingRotation(value: unknown): value is PendingCanopyKeyRotation {
  return hasStrings(value, ['rotation', 'replacing', 'startedAt']);
}

function hasStrings(value: unknown, fields: string[]): boolean {
  return typeof value === 'object' && value !== null && fields.every((field) => typeof (value as Record<string, unknown>)[field] === 'string');
}
