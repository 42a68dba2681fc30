import { Cluster } from 'ioredis';
import type { RedisClient } from '../redis-client';
import type { LinkKind } from './link-store';
import { forwardLinkKey, reverseLinkKey } from './redis-link-store';

/** Every kind, checked against LinkKind, so a new kind cannot be left out of the migration. */
const KINDS: Record<LinkKind, true> = { referencingRequest: true, reposit: true, account: true };

/**
 * A key as the link store wrote it before the agency became a hash tag, after `<prefix>:`. The
 * agency is an AGENCY_ID, without `{`, so no key of the hash-tagged stores (links included) matches.
 */
const OLD_KEY = new RegExp(`^([a-z0-9-]{1,63}):(${Object.keys(KINDS).join('|')}):(tenant|id):(.+)$`, 's');

/**
 * Merges the old key into the new one, each member at its earlier score (the first link time,
 * as the store's ZADD NX keeps it), and deletes the old key, in one step: a link written under
 * the new key meanwhile is kept, and a second instance moving the same key finds nothing left.
 * KEYS: old key, new key. Returns 1 when it moved the key, 0 when it was gone or not a link.
 */
const MOVE_SCRIPT = `
if redis.call('TYPE', KEYS[1]).ok ~= 'zset' then return 0 end
redis.call('ZUNIONSTORE', KEYS[2], 2, KEYS[2], KEYS[1], 'AGGREGATE', 'MIN')
redis.call('DEL', KEYS[1])
return 1
`;

/**
 * Moves links stored as `<prefix>:<agency>:…` to the link store's `<prefix>:{<agency>}:…`, once
 * per Redis: a marker key makes later starts skip the scan. Safe to run on several instances at
 * once and while links are written; not while an instance of the earlier version still writes
 * the old keys (they would stay there, unread, after the marker is set).
 *
 * A Redis Cluster is skipped: the earlier layout never ran on one (its MULTI wrote a link's two
 * keys, in two slots, which a cluster refuses), so it holds no old key, and the move's two keys
 * would be in different slots.
 */
export async function migrateLinkKeys(redis: RedisClient, prefix: string): Promise<{ moved: number }> {
  if (redis instanceof Cluster) return { moved: 0 };
  const marker = `${prefix}:migrated:link-keys-hash-tag`;
  if (await redis.exists(marker)) return { moved: 0 };

  let moved = 0;
  // MATCH only thins the scan out; OLD_KEY decides.
  const keys = redis.scanStream({ match: `${prefix}:[^{]*`, count: 1000 });
  for await (const batch of keys as AsyncIterable<string[]>) {
    const moves = batch.flatMap((key) => {
      const newKey = key.startsWith(`${prefix}:`) ? newKeyOf(prefix, key.slice(prefix.length + 1)) : undefined;
      return newKey ? [redis.eval(MOVE_SCRIPT, 2, key, newKey) as Promise<number>] : [];
    });
    for (const result of await Promise.all(moves)) moved += result;
  }
  await redis.set(marker, new Date().toISOString());
  return { moved };
}

function newKeyOf(prefix: string, rest: string): string | undefined {
  const [, agency, kind, direction, value] = OLD_KEY.exec(rest) ?? [];
  if (agency === undefined || value === undefined) return undefined;
  const linkKind = kind as LinkKind;
  return direction === 'tenant' ? forwardLinkKey(prefix, agency, linkKind, value) : reverseLinkKey(prefix, agency, linkKind, value);
}
