import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import type { Principal } from '../src/auth/principal';
import { DEFAULT_RATE_LIMITS } from '../src/rate-limits/rate-limit-config';
import { createRequestLimits } from '../src/rate-limits/request-limits';
import { createVendorBudgets, type VendorBudgetConfig } from '../src/sources/vendor-budget';
import { ensureRedis } from './lib/redis';
import { quantile, median } from './lib/stats';
import { writeResults, type Table } from './lib/report';

/**
 * What the rate limits add to each operation and each vendor call: the time the request path
 * awaits them. `npx tsx bench/rate-limiter.ts [--quick]` writes bench/results/rate-limiter.md.
 * Limits are set high enough that nothing is refused: this is the cost of counting.
 */
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2_000 : 20_000;

async function timed(concurrency: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ROUNDS) {
        const i = next++;
        const started = performance.now();
        await work(i);
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}

const micro = (value: number) => (value * 1000).toFixed(0);

async function main(): Promise<void> {
  await ensureRedis();
  const redis = new Redis('redis://127.0.0.1:6379');
  await redis.ping();
  const prefix = `bench-${randomUUID()}`;
  const limits = { ...DEFAULT_RATE_LIMITS, requestsPerPrincipal: 100_000_000, requestsPerAgency: 100_000_000, vendorCallsPerPrincipal: 100_000_000, vendorCallsPerAgency: 100_000_000 };
  const principals: Principal[] = Array.from({ length: 100 }, (_, i) => ({ subject: `user-${i}`, agencyId: `agency-${i % 10}`, scopes: new Set(['read']), credential: { kind: 'none' } }));
  const vendorLimits = { callsPerSecond: 1_000_000, callsInFlight: 1_000 };
  const vendorBudgets: VendorBudgetConfig = { canopyReferencing: vendorLimits, canopyServicing: vendorLimits, reposit: vendorLimits };

  const cases: Array<{ name: string; run: (i: number) => Promise<unknown> }> = [];
  for (const [store, client] of [['Redis', redis], ['memory (no Redis)', undefined]] as const) {
    const requests = createRequestLimits({ redis: client, prefix, limits });
    const budgets = createVendorBudgets({ redis: client, prefix, limits: vendorBudgets });
    cases.push(
      { name: `operation admitted (${store})`, run: (i) => requests.admitOperation(principals[i % principals.length]!) },
      { name: `vendor calls spent (${store})`, run: (i) => requests.spendVendorCalls(principals[i % principals.length]!, 12) },
      {
        name: `vendor call's budget (${store})`,
        run: async (i) => (await budgets.for(`agency-${i % 10}`, 'canopyServicing').acquire(undefined, 10_000))(),
      },
    );
  }

  const rows: Table['rows'] = [];
  for (const { name, run } of cases) {
    for (const concurrency of [1, 50]) {
      await timed(concurrency, run); // warm-up
      const samples = await timed(concurrency, run);
      rows.push([name, concurrency, micro(median(samples)), micro(quantile(samples, 0.99)), micro(quantile(samples, 0.999))]);
    }
  }
  writeResults(new URL('./results/rate-limiter.md', import.meta.url), 'Rate limiter', [
    {
      title: 'Latency the limits add',
      note: `Microseconds one operation awaits its request limits (principal, then agency: two atomic Lua calls), its vendor-call spend, and one vendor call its agency's budget (calls in flight, calls this second and the back-off, read together); ${ROUNDS} samples per row after as many to warm up, Redis on the same machine, load average ${loadavg()[0]!.toFixed(1)} when done (the p99 grows with it). Every operation pays the first; one that the cost estimator priced, the second; every vendor call, the third.`,
      columns: ['what', 'concurrency', 'p50 µs', 'p99 µs', 'p99.9 µs'],
      rows,
    },
  ], quick);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
