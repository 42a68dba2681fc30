import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal';
import { createMemorySubscriptionLeases, createRedisSubscriptionLeases, type LeaseOutcome } from '../../src/rate-limits/subscription-leases';

const redis = new Redis('redis://127.0.0.1:6379');
beforeAll(() => redis.ping());
afterAll(() => redis.quit());

const principal = (subject: string, agencyId = 'north'): Principal => ({ subject, agencyId, scopes: new Set(['read']), credential: { kind: 'none' } });
const lease = (outcome: LeaseOutcome) => {
  if (!('lease' in outcome)) throw new Error(`refused ${outcome.refusedBy}`);
  return outcome.lease;
};

describe('subscription leases in Redis', () => {
  it('caps per principal and per agency across instances, and gives a place back when a subscription ends', async () => {
    const prefix = `test-${randomUUID()}`;
    const caps = { perPrincipal: 2, perAgency: 3 };
    const [a, b] = [createRedisSubscriptionLeases({ redis, prefix, caps }), createRedisSubscriptionLeases({ redis, prefix, caps })];
    try {
      const first = lease(await a.acquire(principal('alice')));
      lease(await b.acquire(principal('alice')));
      expect(await a.acquire(principal('alice'))).toEqual({ refusedBy: 'per principal', cap: 2 });
      lease(await b.acquire(principal('bob')));
      expect(await a.acquire(principal('carol'))).toEqual({ refusedBy: 'per agency', cap: 3 });
      // Another agency is counted apart.
      lease(await a.acquire(principal('carol', 'south')));
      await first();
      lease(await b.acquire(principal('carol')));
    } finally {
      await a.dispose();
      await b.dispose();
    }
    // Disposing gives back every place the instance held.
    expect(await redis.zcard(`${prefix}:{north}:subscriptions:agency`)).toBe(0);
  });

  it('drops the places of an instance that stopped refreshing them, and keeps those refreshed', async () => {
    const prefix = `test-${randomUUID()}`;
    const key = `${prefix}:{north}:subscriptions:agency`;
    // A place an instance took before it died: its lease ran out a moment ago.
    await redis.zadd(key, Date.now() - 1, 'dead-instance:0');
    const live = createRedisSubscriptionLeases({ redis, prefix, caps: { perPrincipal: 10, perAgency: 1 }, leaseMs: 300 });
    try {
      lease(await live.acquire(principal('alice')));
      expect(await redis.zrange(key, 0, -1)).toHaveLength(1);
      // Twice the lease: still held, as its instance refreshes it every third of the lease.
      await sleep(600);
      expect(await live.acquire(principal('bob'))).toEqual({ refusedBy: 'per agency', cap: 1 });
      const [, score] = await redis.zrange(key, 0, -1, 'WITHSCORES');
      expect(Number(score)).toBeGreaterThan(Date.now());
    } finally {
      await live.dispose();
    }
  });

  it('refreshes its places a slice at a time, never all of them in one command, and keeps every one', async () => {
    const prefix = `test-${randomUUID()}`;
    const key = `${prefix}:{north}:subscriptions:agency`;
    const refreshed: number[] = [];
    // The real client, with the size of each refresh noted: a ZADD's arguments after the key and XX are score and member pairs.
    const counting = new Proxy(redis, {
      get: (target, name, receiver) =>
        name === 'zadd' ? (...args: Parameters<Redis['zadd']>) => (refreshed.push((args.length - 2) / 2), target.zadd(...args)) : Reflect.get(target, name, receiver),
    });
    const places = 300;
    const leases = createRedisSubscriptionLeases({ redis: counting, prefix, caps: { perPrincipal: places, perAgency: places }, leaseMs: 1_500 });
    try {
      for (let i = 0; i < places; i++) lease(await leases.acquire(principal(`renter-${i}`)));
      // Twice the lease: each place refreshed in time, in commands of a slice's share.
      await sleep(3_000);
      const scores = (await redis.zrange(key, 0, -1, 'WITHSCORES')).filter((_, i) => i % 2 === 1).map(Number);
      expect(scores).toHaveLength(places);
      expect(Math.min(...scores)).toBeGreaterThan(Date.now());
      expect(refreshed.length).toBeGreaterThan(0);
      expect(Math.max(...refreshed)).toBeLessThanOrEqual(Math.ceil(places / 30));
    } finally {
      await leases.dispose();
    }
  });

  it('keeps no subject in a key', async () => {
    const prefix = `test-${randomUUID()}`;
    const leases = createRedisSubscriptionLeases({ redis, prefix, caps: { perPrincipal: 1, perAgency: 1 } });
    lease(await leases.acquire(principal('priya@example.com')));
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys).toHaveLength(2);
    for (const name of keys) expect(name).not.toContain('priya');
    await leases.dispose();
  });
});

describe('subscription leases in memory', () => {
  it('caps per principal and per agency', async () => {
    const leases = createMemorySubscriptionLeases({ perPrincipal: 1, perAgency: 2 });
    const first = lease(await leases.acquire(principal('alice')));
    expect(await leases.acquire(principal('alice'))).toEqual({ refusedBy: 'per principal', cap: 1 });
    lease(await leases.acquire(principal('bob')));
    expect(await leases.acquire(principal('carol'))).toEqual({ refusedBy: 'per agency', cap: 2 });
    await first();
    await first();
    lease(await leases.acquire(principal('carol')));
    expect(await leases.acquire(principal('dave'))).toEqual({ refusedBy: 'per agency', cap: 2 });
  });
});
