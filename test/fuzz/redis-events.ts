/** An event log on the real Redis under a key prefix of its own, removed again by `close()`. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';

export function useRedisEventLog() {
  const prefix = `fuzz:${randomUUID()}`;
  const redis = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  const events = createRedisEventLog({ redis, subscriber, prefix });
  return {
    events,
    async close(): Promise<void> {
      await events.dispose();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
