import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis-client';
import type { Principal } from '../auth/principal';
import { agencyKey, principalKey } from './rate-limit-keys';
import { slicedRounds } from '../sliced-rounds';

/** Which cap a subscription was refused by. */
export type SubscriptionCapName = 'per socket' | 'per principal' | 'per agency';

export interface SubscriptionCaps {
  perPrincipal: number;
  perAgency: number;
}

export type LeaseOutcome = { lease: () => Promise<void> } | { refusedBy: SubscriptionCapName; cap: number };

/** The open subscriptions of every principal and agency, counted across instances. */
export interface SubscriptionLeases {
  /** Takes a place for one subscription; `lease` gives it back. */
  acquire(principal: Principal): Promise<LeaseOutcome>;
  /** Stops refreshing, and gives back every place this instance holds. */
  dispose(): Promise<void>;
}

export interface RedisSubscriptionLeasesOptions {
  redis: RedisClient;
  prefix: string;
  caps: SubscriptionCaps;
  /**
   * How long a place outlives its instance's last refresh. An instance that dies without giving
   * its places back frees them after this long; a live one refreshes them every third of it.
   * @default 30000
   */
  leaseMs?: number;
}

/** How many ticks a refresh round is cut into. */
const REFRESH_SLICES = 30;

/**
 * Both counts in one script: places whose lease has run out are dropped first, then the place is
 * taken in both sorted sets or in neither. The two keys share the agency's hash tag, so one slot.
 * KEYS: agency set, principal set. ARGV: now, lease expiry, member, agency cap, principal cap, lease ms.
 */
const ACQUIRE = `
redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1])
redis.call('zremrangebyscore', KEYS[2], '-inf', ARGV[1])
if redis.call('zcard', KEYS[1]) >= tonumber(ARGV[4]) then return 1 end
if redis.call('zcard', KEYS[2]) >= tonumber(ARGV[5]) then return 2 end
redis.call('zadd', KEYS[1], ARGV[2], ARGV[3])
redis.call('zadd', KEYS[2], ARGV[2], ARGV[3])
redis.call('pexpire', KEYS[1], ARGV[6])
redis.call('pexpire', KEYS[2], ARGV[6])
return 0`;

/**
 * Places as members of two sorted sets (the agency's and the principal's), each scored by the
 * time its lease runs out. A counter (INCR/DECR) would leak every place held by an instance that
 * dies; a per-instance hash would need a sweep to sum. Here a dead instance's places lapse by
 * themselves, and counting is ZCARD after dropping lapsed members, in the same script.
 */
export function createRedisSubscriptionLeases(options: RedisSubscriptionLeasesOptions): SubscriptionLeases {
  const { redis, prefix, caps } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const instance = randomUUID();
  let next = 0;
  const held = new Map<string, [string, string]>();

  // A round refreshes every place once a third of the lease, a slice of them a tick: one command
  // of ten thousand members stalled this process for tens of milliseconds, and Redis with it,
  // and every webhook's append waited behind it.
  const nextSlice = slicedRounds(held, REFRESH_SLICES);
  const refreshSlice = async (): Promise<void> => {
    const expiry = Date.now() + leaseMs;
    // One ZADD per set, of every place of the slice in it; each has one key, so a cluster takes every one.
    const membersOf = new Map<string, string[]>();
    for (const [member, keys] of nextSlice()) {
      for (const key of keys) {
        const members = membersOf.get(key);
        if (members) members.push(member);
        else membersOf.set(key, [member]);
      }
    }
    await Promise.all(
      [...membersOf].map(([key, members]) =>
        Promise.all([redis.zadd(key, 'XX', ...members.flatMap((member) => [expiry, member])), redis.pexpire(key, leaseMs)]),
      ),
    );
  };
  const ticker = setInterval(() => void refreshSlice().catch(() => undefined), leaseMs / 3 / REFRESH_SLICES);
  ticker.unref();

  const release = async (member: string): Promise<void> => {
    const keys = held.get(member);
    if (!keys) return;
    held.delete(member);
    await redis.pipeline().zrem(keys[0], member).zrem(keys[1], member).exec();
  };

  return {
    async acquire(principal) {
      const keys: [string, string] = [`${prefix}:${agencyKey(principal.agencyId, 'subscriptions')}`, `${prefix}:${principalKey(principal, 'subscriptions')}`];
      const member = `${instance}:${next++}`;
      const now = Date.now();
      const outcome = (await redis.eval(ACQUIRE, 2, ...keys, now, now + leaseMs, member, caps.perAgency, caps.perPrincipal, leaseMs)) as number;
      if (outcome === 1) return { refusedBy: 'per agency', cap: caps.perAgency };
      if (outcome === 2) return { refusedBy: 'per principal', cap: caps.perPrincipal };
      held.set(member, keys);
      // A method, not an arrow: tsx's keepNames gives each arrow it makes a name of its own, 256 bytes a subscription.
      return {
        lease() {
          return release(member);
        },
      };
    },
    async dispose() {
      clearInterval(ticker);
      await Promise.all([...held.keys()].map((member) => release(member).catch(() => undefined)));
    },
  };
}

/** The single-instance mode without Redis: the same caps, counted in this process. */
export function createMemorySubscriptionLeases(caps: SubscriptionCaps): SubscriptionLeases {
  const counts = new Map<string, number>();
  const add = (key: string, by: number) => {
    const count = (counts.get(key) ?? 0) + by;
    if (count > 0) counts.set(key, count);
    else counts.delete(key);
  };
  return {
    async acquire(principal) {
      const keys = [agencyKey(principal.agencyId, 'subscriptions'), principalKey(principal, 'subscriptions')] as const;
      if ((counts.get(keys[0]) ?? 0) >= caps.perAgency) return { refusedBy: 'per agency', cap: caps.perAgency };
      if ((counts.get(keys[1]) ?? 0) >= caps.perPrincipal) return { refusedBy: 'per principal', cap: caps.perPrincipal };
      for (const key of keys) add(key, 1);
      let given = false;
      return {
        lease: async () => {
          if (given) return;
          given = true;
          for (const key of keys) add(key, -1);
        },
      };
    },
    async dispose() {
      counts.clear();
    },
  };
}
