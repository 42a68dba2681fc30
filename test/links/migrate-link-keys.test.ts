import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkKind } from '../../src/links/link-store';
import { migrateLinkKeys } from '../../src/links/migrate-link-keys';
import { createRedisLinkStore } from '../../src/links/redis-link-store';

const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
const other = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
let prefix: string;

beforeEach(() => {
  prefix = `test-${randomUUID()}`;
});
afterEach(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
});
afterAll(() => {
  redis.disconnect();
  other.disconnect();
});

// The keys as the store wrote them before the agency was a hash tag.
const oldForward = (agency: string, kind: LinkKind, email: string) => `${prefix}:${agency}:${kind}:tenant:${email}`;
const oldReverse = (agency: string, kind: LinkKind, id: string) => `${prefix}:${agency}:${kind}:id:${id}`;

/** A link as the old store made it, at a given link time. */
async function linkTheOldWay(agency: string, email: string, kind: LinkKind, id: string, score: number): Promise<void> {
  await redis.multi().zadd(oldForward(agency, kind, email), score, id).zadd(oldReverse(agency, kind, id), score, email).exec();
}

describe('migrateLinkKeys', () => {
  it('moves the links stored under the old keys where the store reads them, in their link order', async () => {
    await linkTheOldWay('default', 'a@example.com', 'reposit', 'rep_1', 1000);
    await linkTheOldWay('default', 'a@example.com', 'reposit', 'rep_2', 2000);
    await linkTheOldWay('default', 'b@example.com', 'reposit', 'rep_2', 3000);
    await linkTheOldWay('default', 'a@example.com', 'account', 'acc_1', 1500);
    await linkTheOldWay('other-agency', 'a@example.com', 'referencingRequest', 'r1', 1000);

    expect(await migrateLinkKeys(redis, prefix)).toEqual({ moved: 8 });

    const store = createRedisLinkStore(redis, { prefix });
    expect(await store.idsFor('default', ['a@example.com', 'b@example.com'], 'reposit')).toEqual([['rep_2', 'rep_1'], ['rep_2']]);
    expect(await store.emailsFor('default', 'reposit', ['rep_2'])).toEqual([['a@example.com', 'b@example.com']]);
    expect(await store.idsFor('default', ['a@example.com'], 'account')).toEqual([['acc_1']]);
    expect(await store.idsFor('other-agency', ['a@example.com'], 'referencingRequest')).toEqual([['r1']]);
    expect(await store.idsFor('default', ['a@example.com'], 'referencingRequest')).toEqual([[]]);
    expect(await redis.exists(oldForward('default', 'reposit', 'a@example.com'), oldReverse('default', 'reposit', 'rep_2'))).toBe(0);
  });

  it('merges with links written under the new key meanwhile, keeping each link’s first time', async () => {
    const store = createRedisLinkStore(redis, { prefix });
    await linkTheOldWay('default', 'a@example.com', 'reposit', 'rep_old', 1000);
    // Linked again by the new store, later than the old link and than a fresh one.
    await store.link('default', 'a@example.com', 'reposit', 'rep_new');
    await store.link('default', 'a@example.com', 'reposit', 'rep_old');

    await migrateLinkKeys(redis, prefix);
    expect(await store.idsFor('default', ['a@example.com'], 'reposit')).toEqual([['rep_new', 'rep_old']]);
    expect(await store.emailsFor('default', 'reposit', ['rep_old', 'rep_new'])).toEqual([['a@example.com'], ['a@example.com']]);
  });

  it('leaves every other key alone: other stores’ hash-tagged keys, and what only looks like a link', async () => {
    const untouched = [
      `${prefix}:{default}:events`,
      `${prefix}:{default}:report-documents`,
      `${prefix}:report-link-key`,
      `${prefix}:default:reposit:other:a@example.com`,
      `${prefix}:Default:reposit:tenant:a@example.com`,
      `${prefix}-staging:default:reposit:tenant:a@example.com`,
    ];
    for (const key of untouched) await redis.zadd(key, 1, 'member');
    // Shaped like an old link, but not a sorted set: not the store's.
    await redis.set(oldForward('default', 'account', 'a@example.com'), 'x');

    expect(await migrateLinkKeys(redis, prefix)).toEqual({ moved: 0 });
    expect(await redis.exists(...untouched, oldForward('default', 'account', 'a@example.com'))).toBe(untouched.length + 1);
    await redis.del(`${prefix}-staging:default:reposit:tenant:a@example.com`);
  });

  it('keeps an e-mail’s braces in its key and the agency’s tag first', async () => {
    await linkTheOldWay('default', 'x}{south@example.com', 'reposit', 'rep_1', 1000);
    await migrateLinkKeys(redis, prefix);
    const store = createRedisLinkStore(redis, { prefix });
    expect(await store.idsFor('default', ['x}{south@example.com'], 'reposit')).toEqual([['rep_1']]);
    expect(await store.idsFor('south', ['x}{south@example.com'], 'reposit')).toEqual([[]]);
    expect((await redis.keys(`${prefix}:*`)).sort()).toEqual([
      `${prefix}:migrated:link-keys-hash-tag`,
      `${prefix}:{default}:reposit:id:rep_1`,
      `${prefix}:{default}:reposit:tenant:x}{south@example.com`,
    ]);
  });

  it('runs once: a second start moves nothing and does not scan again', async () => {
    await linkTheOldWay('default', 'a@example.com', 'reposit', 'rep_1', 1000);
    expect(await migrateLinkKeys(redis, prefix)).toEqual({ moved: 2 });
    expect(await migrateLinkKeys(redis, prefix)).toEqual({ moved: 0 });
    // Written after the marker, so never looked for.
    await linkTheOldWay('default', 'late@example.com', 'reposit', 'rep_2', 2000);
    expect(await migrateLinkKeys(redis, prefix)).toEqual({ moved: 0 });
    expect(await redis.exists(oldForward('default', 'reposit', 'late@example.com'))).toBe(1);
    expect(await createRedisLinkStore(redis, { prefix }).idsFor('default', ['a@example.com'], 'reposit')).toEqual([['rep_1']]);
  });

  it('moves each key once when two instances start together, while links are being written', async () => {
    const emails = Array.from({ length: 300 }, (_, i) => `tenant-${i}@example.com`);
    for (const [i, email] of emails.entries()) await linkTheOldWay('default', email, 'account', `acc_${i}`, 1000 + i);
    const store = createRedisLinkStore(redis, { prefix });

    const [first, second] = await Promise.all([
      migrateLinkKeys(redis, prefix),
      migrateLinkKeys(other, prefix),
      ...emails.map((email) => store.link('default', email, 'account', 'acc_shared')),
    ]);
    expect(first!.moved + second!.moved).toBe(emails.length * 2);

    const ids = await store.idsFor('default', emails, 'account');
    expect(ids).toEqual(emails.map((_, i) => ['acc_shared', `acc_${i}`]));
    expect(await store.emailsFor('default', 'account', ['acc_shared'])).toEqual([emails]);
    expect(await redis.keys(`${prefix}:default:*`)).toEqual([]);
  });
});
