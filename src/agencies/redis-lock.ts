import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisClient } from '../redis-client';

// Deletes the key only while it still holds the value the caller read or wrote, in one step.
const DELETE_IF_UNCHANGED = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/** Deletes `key` if it still holds `expected`; whether it did. Another writer's newer value is left alone. */
export async function deleteIfUnchanged(redis: RedisClient, key: string, expected: string): Promise<boolean> {
  return (await redis.eval(DELETE_IF_UNCHANGED, 1, key, expected)) === 1;
}

export interface RedisLock {
  /** Gives the lock up, unless it expired and another holder took it since: that one's lock stays. */
  release(): Promise<void>;
}

export interface AcquireRedisLockOptions {
  /** The lock lapses after this long, so a holder that dies does not keep it for ever. */
  ttlMs: number;
  /** How long to keep trying while another holder has it. @default 0 (one try) */
  waitMs?: number;
  /** Time between two tries. @default 100 */
  pollMs?: number;
}

/**
 * A lock shared by every instance on one Redis: SET NX PX with a random token, released only by
 * the holder of that token. Undefined when another holder kept it for the whole wait.
 */
export async function acquireRedisLock(redis: RedisClient, key: string, options: AcquireRedisLockOptions): Promise<RedisLock | undefined> {
  const token = randomBytes(16).toString('base64url');
  const deadline = Date.now() + (options.waitMs ?? 0);
  while ((await redis.set(key, token, 'PX', options.ttlMs, 'NX')) !== 'OK') {
    if (Date.now() >= deadline) return undefined;
    await sleep(options.pollMs ?? 100);
  }
  return {
    async release() {
      await deleteIfUnchanged(redis, key, token);
    },
  };
}
