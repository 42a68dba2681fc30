import type { RedisClient } from '../redis-client';
import type { WebhookRoute } from '../sources/vendors';

/** A webhook the gateway refused, kept for a person to inspect. */
export interface DeadLetter {
  receivedAt: string;
  /** The route it came by, `/webhooks/<route>/…`. */
  vendor: WebhookRoute;
  reason: string;
  /** The body as received, cut to a readable length. */
  body: string;
}

export interface DeadLetterStore {
  add(agencyId: string, letter: DeadLetter): Promise<void>;
  /** Newest first. */
  list(agencyId: string, count: number): Promise<DeadLetter[]>;
}

const KEEP = 1_000;
export const DEAD_LETTER_BODY_LIMIT = 16 * 1024;

/** The newest refused webhooks of each agency, in a capped Redis list. */
export function createRedisDeadLetters(redis: RedisClient, prefix: string): DeadLetterStore {
  const key = (agency: string) => `${prefix}:{${agency}}:dead-letters`;
  return {
    async add(agency, letter) {
      await redis.multi().lpush(key(agency), JSON.stringify(letter)).ltrim(key(agency), 0, KEEP - 1).exec();
    },
    async list(agency, count) {
      return (await redis.lrange(key(agency), 0, count - 1)).map((entry) => JSON.parse(entry) as DeadLetter);
    },
  };
}

export function createMemoryDeadLetters(): DeadLetterStore {
  const letters = new Map<string, DeadLetter[]>();
  return {
    async add(agency, letter) {
      const list = letters.get(agency) ?? [];
      list.unshift(letter);
      list.length = Math.min(list.length, KEEP);
      letters.set(agency, list);
    },
    async list(agency, count) {
      return (letters.get(agency) ?? []).slice(0, count);
    },
  };
}
