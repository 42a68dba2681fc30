import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from '../../src/rate-limits/rate-limit-config';
import { createRequestLimits } from '../../src/rate-limits/request-limits';

// Two connections stand for two gateway instances sharing one Redis.
const first = new Redis('redis://127.0.0.1:6379');
const second = new Redis('redis://127.0.0.1:6379');
// Until a connection is ready the limiter counts in memory (its insurance), as during an outage.
beforeAll(async () => {
  await Promise.all([first.ping(), second.ping()]);
});
afterAll(async () => {
  await first.quit();
  await second.quit();
});

const principal = (subject: string, agencyId = 'north'): Principal => ({ subject, agencyId, scopes: new Set(['read']), credential: { kind: 'none' } });

function limitsOn(redis: Redis, prefix: string, limits: Partial<RateLimitConfig>) {
  return createRequestLimits({ redis, prefix, limits: { ...DEFAULT_RATE_LIMITS, ...limits } });
}

describe('request limits over Redis', () => {
  it('admits no more than 100 of 500 concurrent operations against a limit of 100, over two instances', async () => {
    const prefix = `test-${randomUUID()}`;
    const limits = { requestsPerPrincipal: 100, requestsPerAgency: 10_000 };
    const instances = [limitsOn(first, prefix, limits), limitsOn(second, prefix, limits)];
    const caller = principal('alice');
    const outcomes = await Promise.all(Array.from({ length: 500 }, (_, i) => instances[i % 2]!.admitOperation(caller)));
    const admitted = outcomes.filter((refusal) => refusal === undefined).length;
    expect(admitted).toBeLessThanOrEqual(101);
    expect(admitted).toBe(100);
    const refusal = outcomes.find((outcome) => outcome !== undefined);
    expect(refusal).toMatchObject({ limit: 'requests per principal', points: 100 });
    expect(refusal!.retryAfterMs).toBeGreaterThan(0);
  });

  it('counts the agency across its principals, and a principal over its own limit does not use up its agency', async () => {
    const prefix = `test-${randomUUID()}`;
    const limits = limitsOn(first, prefix, { requestsPerPrincipal: 3, requestsPerAgency: 5 });
    for (let i = 0; i < 3; i++) expect(await limits.admitOperation(principal('alice'))).toBeUndefined();
    // Refused by her own limit: the agency's count is not touched.
    for (let i = 0; i < 10; i++) expect(await limits.admitOperation(principal('alice'))).toMatchObject({ limit: 'requests per principal' });
    expect(await limits.admitOperation(principal('bob'))).toBeUndefined();
    expect(await limits.admitOperation(principal('bob'))).toBeUndefined();
    expect(await limits.admitOperation(principal('carol'))).toMatchObject({ limit: 'requests per agency', points: 5 });
    // Carol's own count gave back the point her agency refused.
    expect(await limits.admitOperation(principal('carol', 'south'))).toBeUndefined();
  });

  it('keeps each agency apart, with the agency as hash tag and no subject in any key', async () => {
    const prefix = `test-${randomUUID()}`;
    const limits = limitsOn(first, prefix, { requestsPerPrincipal: 1, requestsPerAgency: 1 });
    expect(await limits.admitOperation(principal('priya@example.com', 'north'))).toBeUndefined();
    expect(await limits.admitOperation(principal('priya@example.com', 'north'))).toBeDefined();
    expect(await limits.admitOperation(principal('priya@example.com', 'south'))).toBeUndefined();
    const keys = await first.keys(`${prefix}:*`);
    expect(keys.length).toBe(4);
    for (const key of keys) {
      expect(key).toMatch(new RegExp(`^${prefix}:\\{(north|south)\\}:requests:`));
      expect(key).not.toContain('priya');
    }
  });

  it('spends estimated vendor calls, refuses an estimate that does not fit without spending it, and takes back what was not made', async () => {
    const prefix = `test-${randomUUID()}`;
    const limits = limitsOn(first, prefix, { vendorCallsPerPrincipal: 100, vendorCallsPerAgency: 100 });
    const alice = principal('alice');
    expect(await limits.spendVendorCalls(alice, 80)).toBeUndefined();
    expect(await limits.spendVendorCalls(alice, 30)).toMatchObject({ limit: 'vendor calls per principal', points: 100 });
    expect(await limits.spendVendorCalls(alice, 20)).toBeUndefined();
    expect(await limits.spendVendorCalls(alice, 1)).toBeDefined();
    await limits.refundVendorCalls(alice, 50);
    expect(await limits.spendVendorCalls(alice, 50)).toBeUndefined();
    // The agency's 100: alice has spent all of it net, so bob's first call is refused by the agency.
    expect(await limits.spendVendorCalls(principal('bob'), 1)).toMatchObject({ limit: 'vendor calls per agency' });
    expect(await limits.spendVendorCalls(principal('bob'), 0)).toBeUndefined();
  });

  it('counts in the process when there is no Redis', async () => {
    const limits = createRequestLimits({ redis: undefined, prefix: 'memory', limits: { ...DEFAULT_RATE_LIMITS, requestsPerPrincipal: 2 } });
    expect(await limits.admitOperation(principal('alice'))).toBeUndefined();
    expect(await limits.admitOperation(principal('alice'))).toBeUndefined();
    expect(await limits.admitOperation(principal('alice'))).toMatchObject({ limit: 'requests per principal' });
  });
});
