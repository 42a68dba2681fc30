import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchOptions } from './lib/options';
import { ensureRedis } from './lib/redis';
import { runQueryBenchmarks } from './queries/run';
import { runSubscriptionBenchmarks } from './subscriptions/run';

/**
 * `npm run bench` runs every benchmark and writes its tables to bench/results/;
 * `npm run bench -- --quick` runs reduced sizes and durations; `--before <path>` adds an earlier
 * version's checkout (with its node_modules) to the throughput, broadcast and memory tables; `queries` or
 * `subscriptions` runs only that part, and `subscriptions --only memory` only its memory tables, printed.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  await ensureRedis();
  const results = new URL('./results/', import.meta.url);
  const options: BenchOptions = { quick, results, before: beforeCheckout(), only: argumentAfter('--only') };
  const only = ['queries', 'subscriptions'].filter((part) => process.argv.includes(part));
  if (only.length === 0 || only.includes('queries')) await runQueryBenchmarks(options);
  if (only.length === 0 || only.includes('subscriptions')) await runSubscriptionBenchmarks(options);
}

function argumentAfter(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at === -1 ? undefined : process.argv[at + 1];
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
