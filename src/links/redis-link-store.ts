import type { Redis } from 'ioredis';
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
 * Links in Redis sorted sets scored by the time of linking: `<prefix>:<agency>:<kind>:tenant:<email>`
 * holds vendor ids, `<prefix>:<agency>:<kind>:id:<vendorId>` holds e-mails. A link is written to
 * both in one MULTI, so the two directions never disagree.
 */
export function createRedisLinkStore(redis: Redis, options: RedisLinkStoreOptions): LinkStore {
  const forward = (agency: string, kind: LinkKind, email: string) => `${options.prefix}:${agency}:${kind}:tenant:${email}`;
  const reverse = (agency: string, kind: LinkKind, id: string) => `${options.prefix}:${agency}:${kind}:id:${id}`;
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
