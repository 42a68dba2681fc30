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

/**
 * Links in Redis sorted sets scored by the time of linking: `<prefix>:{<agency>}:<kind>:tenant:<email>`
 * holds vendor ids, `<prefix>:{<agency>}:<kind>:id:<vendorId>` holds e-mails. A link is written to
 * both in one MULTI, so the two directions never disagree; the hash tag keeps both in one cluster slot.
 */
export function createRedisLinkStore(redis: RedisClient, options: RedisLinkStoreOptions): LinkStore {
  const forward = (agency: string, kind: LinkKind, email: string) => forwardLinkKey(options.prefix, agency, kind, email);
  const reverse = (agency: string, kind: LinkKind, id: string) => reverseLinkKey(options.prefix, agency, kind, id);
  // Microseconds-ish: a per-process counter breaks ties between links made in the same millisecond.
  let tieBreaker = 0;
  const score = () => Date.now() * 1000 + (tieBreaker++ % 1000);

  return {
    async link(agency, email, kind, id) {
      const normalised = normaliseEmail(email);
      const now = score();
      // NX keeps the first link time, so re-linking does not reorder.
      await redis
        .multi()
        .zadd(forward(agency, kind, normalised), 'NX', now, id)
        .zadd(reverse(agency, kind, id), 'NX', now, normalised)
        .exec();
    },
    async unlink(agency, email, kind, id) {
      const normalised = normaliseEmail(email);
      await redis.multi().zrem(forward(agency, kind, normalised), id).zrem(reverse(agency, kind, id), normalised).exec();
    },
    async idsFor(agency, emails, kind) {
      if (emails.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const email of emails) pipeline.zrevrange(forward(agency, kind, normaliseEmail(email)), 0, -1);
      return resultsOf(await pipeline.exec());
    },
    async emailsFor(agency, kind, ids) {
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.zrange(reverse(agency, kind, id), 0, -1);
      return resultsOf(await pipeline.exec());
    },
  };
}

function resultsOf(results: Array<[Error | null, unknown]> | null): string[][] {
  return (results ?? []).map(([error, value]) => {
    if (error) throw error;
    return value as string[];
  });
}
