import type { RedisClient } from '../redis-client';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface CounterLimiterOptions {
  /** Undefined: counted in this process only (the single-instance mode without Redis). */
  redis: RedisClient | undefined;
  /** The gateway's Redis key prefix; the key given to `consume` follows it after a ":". */
  prefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * A fixed-window counter, atomic in Redis (one Lua script: INCRBY and its expiry together) and so
 * shared by every instance. While Redis cannot be reached the same limit is counted in this
 * process instead (the insurance limiter), at once rather than after ioredis's offline queue gives
 * up (`rejectIfRedisNotReady`): requests stay bounded, per instance, and are not refused wholesale.
 */
export function createCounterLimiter(options: CounterLimiterOptions): RateLimiterAbstract {
  const limits = { points: options.points, duration: options.durationSeconds, keyPrefix: options.prefix };
  const memory = new RateLimiterMemory(limits);
  if (!options.redis) return memory;
  return new RateLimiterRedis({ ...limits, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: memory });
}
