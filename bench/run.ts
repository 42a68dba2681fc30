import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchOptions } from './lib/options';
import { ensureRedis } from './lib/redis';
import { runQueryBenchmarks } from './queries/run';
import { runSubscriptionBenchmarks } from './subscriptions/run';

/**
 * `npm run bench` runs every benchmark and writes its tables to bench/results/;
 * `npm run bench -- --quick` runs reduced sizes and durations; `--before <path>` adds an earlier
 * version's checkout (with its node_modules) to the throughput table; `queries` or
 * `subscriptions` runs only that part.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  await ensureRedis();
  const results = new URL('./results/', import.meta.url);
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const options: BenchOptions = { quick, results, before: beforeCheckout(), only };
  const parts = ['queries', 'subscriptions'].filter((part) => process.argv.includes(part));
  if (parts.length === 0 || parts.includes('queries')) await runQueryBenchmarks(options);
  if (parts.length === 0 || parts.includes('subscriptions')) await runSubscriptionBenchmarks(options);
}

function beforeCheckout(): string | undefined {
  const at = process.argv.indexOf('--before');
  if (at === -1) return undefined;
  const path = process.argv[at + 1];
  if (!path || !existsSync(`${path}/src/main.ts`)) throw new Error('--before: the path of a checkout with src/main.ts');
  return resolve(path);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
