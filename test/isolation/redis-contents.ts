import type { Redis } from 'ioredis';

export interface StoredKey {
  key: string;
  /** The first `{hash tag}` of the key, if it has one. */
  tag: string | undefined;
  /** Everything the key holds, as text (members, fields, stream entries). */
  value: string;
}

/** Every key under the prefix, with what it holds, by SCAN (never KEYS). */
export async function keysUnder(redis: Redis, prefix: string): Promise<StoredKey[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(batch as string[]));
  return Promise.all(keys.map(async (key) => ({ key, tag: /\{([^}]*)\}/.exec(key)?.[1], value: await valueOf(redis, key) })));
}

async function valueOf(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return (await redis.getBuffer(key))?.toString('latin1') ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}
