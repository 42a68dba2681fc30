import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkStore } from '../../src/links/link-store';
import { createMemoryLinkStore } from '../../src/links/memory-link-store';
import { createRedisLinkStore } from '../../src/links/redis-link-store';

const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
const prefix = `test:${randomUUID()}`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

// One contract, run against every implementation.
describe.each<[string, () => LinkStore]>([
  ['memory', () => createMemoryLinkStore()],
  ['redis', () => createRedisLinkStore(redis, { prefix: `${prefix}:${randomUUID()}` })],
])('%s link store', (_, create) => {
  it('links an e-mail to vendor ids, newest first, whatever the e-mail case and spacing', async () => {
    const store = create();
    await store.link('agency', 'Amara.Okafor@Example.com ', 'reposit', 'rep_1');
    await store.link('agency', 'amara.okafor@example.com', 'reposit', 'rep_2');
    expect(await store.idsFor('agency', ['AMARA.OKAFOR@example.com'], 'reposit')).toEqual([['rep_2', 'rep_1']]);
  });

  it('is idempotent: linking twice keeps one link in its first place', async () => {
    const store = create();
    await store.link('agency', 'a@example.com', 'account', 'acc_1');
    await store.link('agency', 'a@example.com', 'account', 'acc_2');
    await store.link('agency', 'a@example.com', 'account', 'acc_1');
    expect(await store.idsFor('agency', ['a@example.com'], 'account')).toEqual([['acc_2', 'acc_1']]);
  });

  it('lists the e-mails of a vendor id in link order, e.g. the tenants of one reposit', async () => {
    const store = create();
    await store.link('agency', 'b@example.com', 'reposit', 'rep_9');
    await store.link('agency', 'a@example.com', 'reposit', 'rep_9');
    expect(await store.emailsFor('agency', 'reposit', ['rep_9', 'rep_unknown'])).toEqual([['b@example.com', 'a@example.com'], []]);
  });

  it('answers many e-mails at once, in the order asked', async () => {
    const store = create();
    await store.link('agency', 'a@example.com', 'referencingRequest', 'r1');
    await store.link('agency', 'c@example.com', 'referencingRequest', 'r3');
    expect(await store.idsFor('agency', ['c@example.com', 'b@example.com', 'a@example.com'], 'referencingRequest')).toEqual([
      ['r3'],
      [],
      ['r1'],
    ]);
  });

  it('keeps kinds and agencies apart', async () => {
    const store = create();
    await store.link('agency-1', 'a@example.com', 'reposit', 'x');
    expect(await store.idsFor('agency-2', ['a@example.com'], 'reposit')).toEqual([[]]);
    expect(await store.idsFor('agency-1', ['a@example.com'], 'account')).toEqual([[]]);
  });

  it('links an e-mail with braces in it within its own agency only', async () => {
    const store = create();
    await store.link('north', 'x}{south@example.com', 'reposit', 'rep_1');
    expect(await store.idsFor('north', ['x}{south@example.com'], 'reposit')).toEqual([['rep_1']]);
    expect(await store.idsFor('south', ['x}{south@example.com', 'x@example.com'], 'reposit')).toEqual([[], []]);
    expect(await store.emailsFor('south', 'reposit', ['rep_1'])).toEqual([[]]);
  });

  it('unlinks both directions', async () => {
    const store = create();
    await store.link('agency', 'a@example.com', 'reposit', 'x');
    await store.unlink('agency', 'A@example.com', 'reposit', 'x');
    expect(await store.idsFor('agency', ['a@example.com'], 'reposit')).toEqual([[]]);
    expect(await store.emailsFor('agency', 'reposit', ['x'])).toEqual([[]]);
  });
});

/** The part of a key Redis Cluster hashes: the first `{…}` with something inside, else the whole key. */
function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open + 1);
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('redis link store keys', () => {
  it('carry the agency as their hash tag, whatever braces the e-mail holds', async () => {
    const storePrefix = `${prefix}:${randomUUID()}`;
    const store = createRedisLinkStore(redis, { prefix: storePrefix });
    await store.link('north', 'x}{south@example.com', 'reposit', 'rep_{south}');
    await store.link('north', '{south}@example.com', 'account', 'acc_1');
    const keys = await redis.keys(`${storePrefix}:*`);
    expect(keys).toHaveLength(4);
    expect(keys.map(hashTagOf)).toEqual(['north', 'north', 'north', 'north']);
  });

  it('refuse an agency id that is not one, which could end the hash tag early', async () => {
    const store = createRedisLinkStore(redis, { prefix: `${prefix}:${randomUUID()}` });
    await expect(store.link('north}{south', 'a@example.com', 'reposit', 'rep_1')).rejects.toThrow(/agency id "north}{south" is not \^\[a-z0-9-\]/);
    await expect(store.idsFor('North', ['a@example.com'], 'reposit')).rejects.toThrow(/agency id "North"/);
  });
});
