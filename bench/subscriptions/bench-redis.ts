import { Redis } from 'ioredis';

/**
 * The benchmark's own Redis database on the local Redis, so its events, links and dedupe keys
 * never mix with a developer's; what the gateways wrote there is deleted after the run.
 */
export const BENCH_REDIS_URL = 'redis://127.0.0.1:6379/15';

/** Deletes the keys the gateways wrote (main.ts prefixes every key with `rentgraph:`). */
export async function deleteBenchKeys(): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'rentgraph:*', 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
