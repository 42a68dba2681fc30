import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis-client';
import { LRUCache } from 'lru-cache';
import { subscribeWhenReady } from '../redis-subscribe';
import { AGENCY_ID } from '../agencies/agency';
import { SCOPES, type Scope } from './principal';

/** An API key as admins see it: never the key, never its hash. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  /** The one agency the key acts for; null: any agency, named per request (`x-agency-id`). */
  agencyId: string | null;
  scopes: Scope[];
  createdAt: string;
}

export interface ApiKeyStore {
  /** Makes a key; `key` is shown to the caller once and kept nowhere. */
  create(input: { name: string; agencyId: string | null; scopes: readonly Scope[] }): Promise<{ id: string; key: string; record: ApiKeyRecord }>;
  /** The keys bound to one agency, or with null the keys for all agencies, oldest first. */
  list(agencyId: string | null): Promise<ApiKeyRecord[]>;
  /** Revokes a key only if it is bound as `agencyId` says (null: a key for all agencies); false when there is none. */
  revoke(id: string, agencyId: string | null): Promise<boolean>;
  /** The key's record, or undefined for a key that is unknown, malformed or revoked. */
  lookup(key: string): Promise<ApiKeyRecord | undefined>;
  /** Whether a key still stands, for a live subscription acting for `agencyId`; answered from a cache of `recheckMs`. */
  stillActive(id: string, agencyId: string): Promise<boolean>;
  dispose(): Promise<void>;
}

export interface RedisApiKeyStoreOptions {
  /** Start of every key and channel, so several deployments (or test runs) can share one Redis. */
  prefix: string;
  /** A connection of its own for the revocation channel: a subscribed ioredis client sends nothing else. */
  subscriber: RedisClient;
  /** How long an instance trusts what it read, when a revocation message was missed (e.g. a reconnect). @default 2000 */
  recheckMs?: number;
}

export class ApiKeyInputError extends Error {
  override name = 'ApiKeyInputError';
  constructor(
    readonly field: string,
    rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

const KEY_PREFIX = 'rgk_';
/** `rgk_` and 32 random bytes (256 bits) in base64url. */
const KEY_FORMAT = /^rgk_[A-Za-z0-9_-]{43}$/;
/** Not an agency id (`[a-z0-9-]`), so the keys for all agencies can never share an agency's keys. */
const ALL_AGENCIES_TAG = '_all';

/**
 * API keys in Redis. A key's record is JSON at `<prefix>:{<agency>}:api-key:<id>` and its id in the
 * set `<prefix>:{<agency>}:api-keys`, where `<agency>` is `_all` for keys of all agencies; the hash
 * tag keeps each agency's keys in one cluster slot. One global hash, `<prefix>:api-key-hashes`, maps
 * the SHA-256 of each key to where its record is: the key itself is never stored. A key has 256
 * random bits, so a fast unsalted hash is enough (no guessing can reach it).
 *
 * Lookups are cached for `recheckMs`; a revocation is also published on `<prefix>:api-key-revoked`,
 * and every instance drops the key at once.
 */
/**
 * Returns at once, so start-up does not wait for Redis; `subscribed` settles when revocations are
 * heard. Until then (or while Redis is away) the short caches bound how long a revoked key passes.
 */
export function createRedisApiKeyStore(redis: RedisClient, options: RedisApiKeyStoreOptions): ApiKeyStore & { subscribed: Promise<void> } {
  const recheckMs = options.recheckMs ?? 2_000;
  const tag = (agencyId: string | null) => `{${agencyId ?? ALL_AGENCIES_TAG}}`;
  const recordKey = (agencyId: string | null, id: string) => `${options.prefix}:${tag(agencyId)}:api-key:${id}`;
  const indexKey = (agencyId: string | null) => `${options.prefix}:${tag(agencyId)}:api-keys`;
  const hashesKey = `${options.prefix}:api-key-hashes`;
  const revokedChannel = `${options.prefix}:api-key-revoked`;

  // by the key's hash; `false` remembers a key that is not there
  const lookups = new LRUCache<string, ApiKeyRecord | false>({ max: 10_000, ttl: recheckMs });
  const active = new LRUCache<string, boolean>({ max: 10_000, ttl: recheckMs });
  // ids are never reused, so a revoked id stays revoked; the bound only costs a Redis read
  const revoked = new LRUCache<string, true>({ max: 100_000 });

  const onMessage = (channel: string, id: string) => {
    if (channel !== revokedChannel) return;
    revoked.set(id, true);
    active.delete(id);
  };
  options.subscriber.on('message', onMessage);
  const subscribed = subscribeWhenReady(options.subscriber, revokedChannel);

  async function readRecord(agencyId: string | null, id: string): Promise<(ApiKeyRecord & { hash: string }) | undefined> {
    const json = await redis.get(recordKey(agencyId, id));
    return json === null ? undefined : (JSON.parse(json) as ApiKeyRecord & { hash: string });
  }

  return {
    subscribed,
    async create(input) {
      const record: ApiKeyRecord = {
        id: `key_${randomBytes(12).toString('hex')}`,
        name: validName(input.name),
        agencyId: validAgency(input.agencyId),
        scopes: validScopes(input.scopes),
        createdAt: new Date().toISOString(),
      };
      const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const hash = hashOf(key);
      await redis
        .multi()
        .set(recordKey(record.agencyId, record.id), JSON.stringify({ ...record, hash }))
        .rpush(indexKey(record.agencyId), record.id)
        .exec();
      // written last: a key is usable only once its record exists
      await redis.hset(hashesKey, hash, `${record.agencyId ?? ALL_AGENCIES_TAG}/${record.id}`);
      return { id: record.id, key, record };
    },

    async list(agencyId) {
      const ids = await redis.lrange(indexKey(agencyId), 0, -1);
      if (ids.length === 0) return [];
      const values = await redis.mget(ids.map((id) => recordKey(agencyId, id)));
      return values.flatMap((json) => {
        if (json === null) return [];
        const { hash: _hash, ...record } = JSON.parse(json) as ApiKeyRecord & { hash: string };
        return [record];
      });
    },

    async revoke(id, agencyId) {
      const record = await readRecord(agencyId, id);
      if (!record) return false;
      // the hash goes first, so from here no instance finds the key in Redis
      await redis.hdel(hashesKey, record.hash);
      await redis.multi().del(recordKey(agencyId, id)).lrem(indexKey(agencyId), 0, id).exec();
      revoked.set(id, true);
      await redis.publish(revokedChannel, id);
      return true;
    },

    async lookup(key) {
      if (!KEY_FORMAT.test(key)) return undefined;
      const hash = hashOf(key);
      let found = lookups.get(hash);
      if (found === undefined) {
        found = false;
        const location = await redis.hget(hashesKey, hash);
        if (location !== null) {
          const [binding, id] = location.split('/') as [string, string];
          const record = await readRecord(binding === ALL_AGENCIES_TAG ? null : binding, id);
          if (record?.hash === hash) {
            const { hash: _hash, ...rest } = record;
            found = rest;
          }
        }
        lookups.set(hash, found);
      }
      return found && !revoked.has(found.id) ? found : undefined;
    },

    async stillActive(id, agencyId) {
      if (revoked.has(id)) return false;
      let standing = active.get(id);
      if (standing === undefined) {
        // an id lives under its own agency or under all agencies; ids are unique, so either is the key
        const [bound, all] = await Promise.all([redis.exists(recordKey(agencyId, id)), redis.exists(recordKey(null, id))]);
        standing = bound + all > 0;
        active.set(id, standing);
      }
      return standing && !revoked.has(id);
    },

    async dispose() {
      options.subscriber.off('message', onMessage);
      // A subscriber whose Redis is gone has nothing left to unsubscribe from.
      await options.subscriber.unsubscribe(revokedChannel).catch(() => undefined);
    },
  };
}

function hashOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100 || /\p{Cc}/u.test(trimmed)) {
    throw new ApiKeyInputError('name', 'expected 1 to 100 characters, no control characters');
  }
  return trimmed;
}

function validAgency(agencyId: string | null): string | null {
  if (agencyId !== null && !AGENCY_ID.test(agencyId)) throw new ApiKeyInputError('agencyId', 'expected an agency id ([a-z0-9-]+) or null for all agencies');
  return agencyId;
}

function validScopes(scopes: readonly Scope[]): Scope[] {
  const unknown = scopes.find((scope) => !SCOPES.includes(scope));
  if (unknown !== undefined) throw new ApiKeyInputError('scopes', `expected only ${SCOPES.join(', ')}, got "${unknown}"`);
  if (scopes.length === 0) throw new ApiKeyInputError('scopes', 'expected at least one scope');
  return SCOPES.filter((scope) => scopes.includes(scope));
}
