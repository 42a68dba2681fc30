import type { RedisClient } from '../redis-client';
import { AGENCY_ID } from '../agencies/agency';
import { normaliseEmail } from './email';
import type { LinkKind, LinkStore } from './link-store';

export interface RedisLinkStoreOptions {
  /**
   * Start of every key. Required so that several deployments (or test runs) can share one Redis
   * without reading each other's links.
   */
  prefix: string;
}

/**
 * The key of an e-mail's linked vendor ids. The agency's hash tag comes before the e-mail, so a
 * `{` or `}` in an e-mail can never move the key to another agency's cluster slot: RedisClient hashes
 * the first `{…}` of a key only.
 */
export const forwardLinkKey = (prefix: string, agency: string, kind: LinkKind, email: string) => `${prefix}:${hashTag(agency)}:${kind}:tenant:${email}`;
/** The key of a vendor id's linked e-mails. */
export const reverseLinkKey = (prefix: string, agency: string, kind: LinkKind, id: string) => `${prefix}:${hashTag(agency)}:${kind}:id:${id}`;

/** An agency id with a brace in it would end the tag early and share a slot, or keys, with another agency. */
function hashTag(agency: string): string {
  if (!AGENCY_ID.test(agency)) throw new Error(`link store: agency id ${JSON.stringify(agency)} is not ${AGENCY_ID.source}`);
  return `{${agency}}`;
}

/** Both directions of a link in one script, so they never disagree; NX keeps the first link time, so re-linking does not reorder. */
const LINK = "redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2]) redis.call('ZADD', KEYS[2], 'NX', ARGV[1], ARGV[3])";
const UNLINK = "redis.call('ZREM', KEYS[1], ARGV[1]) redis.call('ZREM', KEYS[2], ARGV[2])";
/** Every key's members in one command, oldest first (ARGV[1] `ZRANGE`) or newest first (`ZREVRANGE`). */
const MEMBERS = "local lists = {} for i, key in ipairs(KEYS) do lists[i] = redis.call(ARGV[1], key, 0, -1) end return lists";

/**
 * Links in Redis sorted sets scored by the time of linking: `<prefix>:{<agency>}:<kind>:tenant:<email>`
 * holds vendor ids, `<prefix>:{<agency>}:<kind>:id:<vendorId>` holds e-mails. A link is written to
 * both by one script; the hash tag keeps both, and every key one lookup reads, in one cluster slot.
 * Scripts rather than MULTI or a pipeline: ioredis builds a pipeline object for each, and under
 * webhook load those objects outlived young-generation collections (about 4 KB promoted a webhook).
 */
export function createRedisLinkStore(redis: RedisClient, options: RedisLinkStoreOptions): LinkStore {
  const forward = (agency: string, kind: LinkKind, email: string) => forwardLinkKey(options.prefix, agency, kind, email);
  const reverse = (agency: string, kind: LinkKind, id: string) => reverseLinkKey(options.prefix, agency, kind, id);
  // Microseconds-ish: a per-process counter breaks ties between links made in the same millisecond.
  let tieBreaker = 0;
  const score = () => Date.now() * 1000 + (tieBreaker++ % 1000);
  const members = async (keys: string[], order: 'ZRANGE' | 'ZREVRANGE') =>
    keys.length === 0 ? [] : ((await redis.eval(MEMBERS, keys.length, ...keys, order)) as string[][]);

  return {
    async link(agency, email, kind, id) {
      const normalised = normaliseEmail(email);
      await redis.eval(LINK, 2, forward(agency, kind, normalised), reverse(agency, kind, id), score(), id, normalised);
    },
    async unlink(agency, email, kind, id) {
      const normalised = normaliseEmail(email);
      await redis.eval(UNLINK, 2, forward(agency, kind, normalised), reverse(agency, kind, id), id, normalised);
    },
    idsFor: async (agency, emails, kind) => members(emails.map((email) => forward(agency, kind, normaliseEmail(email))), 'ZREVRANGE'),
    emailsFor: async (agency, kind, ids) => members(ids.map((id) => reverse(agency, kind, id)), 'ZRANGE'),
  };
}
