import type { RedisClient } from '../redis-client';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import { createCounterLimiter } from './counter-limiter';
import type { RateLimitConfig } from './rate-limit-config';
import { agencyKey, principalKey } from './rate-limit-keys';
import type { RateLimitName, RateLimitRefusal } from './rate-limit-refusal';

export interface RequestLimitsOptions {
  /** Undefined: counted per process (the single-instance mode without Redis). */
  redis: RedisClient | undefined;
  /** The gateway's Redis key prefix (REDIS_KEY_PREFIX). */
  prefix: string;
  limits: RateLimitConfig;
}

/** The counts of operations and of their vendor calls, per principal and per agency, shared by every instance. */
export interface RequestLimits {
  readonly windowSeconds: number;
  /** Counts one operation; a refusal when the principal's or the agency's count is full. */
  admitOperation(principal: Principal): Promise<RateLimitRefusal | undefined>;
  /** Spends an operation's estimated vendor calls; a refusal (and nothing spent) when they do not fit. */
  spendVendorCalls(principal: Principal, calls: number): Promise<RateLimitRefusal | undefined>;
  /** Gives back estimated calls an operation did not make. */
  refundVendorCalls(principal: Principal, calls: number): Promise<void>;
}

interface Count {
  name: RateLimitName;
  limiter: RateLimiterAbstract;
  key: (principal: Principal) => string;
}

export function createRequestLimits(options: RequestLimitsOptions): RequestLimits {
  const { redis, prefix, limits } = options;
  const count = (name: RateLimitName, points: number, key: Count['key']): Count => ({
    name,
    key,
    limiter: createCounterLimiter({ redis, prefix, points, durationSeconds: limits.windowSeconds }),
  });
  // The principal's count first: a principal over its own limit does not use up its agency's.
  const requests = [
    count('requests per principal', limits.requestsPerPrincipal, (p) => principalKey(p, 'requests')),
    count('requests per agency', limits.requestsPerAgency, (p) => agencyKey(p.agencyId, 'requests')),
  ];
  const vendorCalls = [
    count('vendor calls per principal', limits.vendorCallsPerPrincipal, (p) => principalKey(p, 'vendor-calls')),
    count('vendor calls per agency', limits.vendorCallsPerAgency, (p) => agencyKey(p.agencyId, 'vendor-calls')),
  ];

  /** Consumes `points` from each count in turn; on a refusal, gives back what the earlier ones took. */
  async function consumeAll(counts: Count[], principal: Principal, points: number): Promise<RateLimitRefusal | undefined> {
    for (const [index, entry] of counts.entries()) {
      try {
        await entry.limiter.consume(entry.key(principal), points);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        // The refused count keeps the refused points (the script adds before it compares); give them back too.
        await Promise.all(counts.slice(0, index + 1).map((earlier) => earlier.limiter.reward(earlier.key(principal), points)));
        return { limit: entry.name, points: entry.limiter.points, retryAfterMs: error.msBeforeNext };
      }
    }
    return undefined;
  }

  return {
    windowSeconds: limits.windowSeconds,
    admitOperation: (principal) => consumeAll(requests, principal, 1),
    spendVendorCalls: (principal, calls) => (calls > 0 ? consumeAll(vendorCalls, principal, Math.ceil(calls)) : Promise.resolve(undefined)),
    async refundVendorCalls(principal, calls) {
      if (calls <= 0) return;
      await Promise.all(vendorCalls.map((entry) => entry.limiter.reward(entry.key(principal), Math.floor(calls))));
    },
  };
}
