import type { BenchOptions } from './lib/options';
import { ensureRedis } from './lib/redis';
import { runQueryBenchmarks } from './queries/run';
import { runSubscriptionBenchmarks } from './subscriptions/run';

/**
 * `npm run bench` runs every benchmark and writes its tables to bench/results/;
 * `npm run bench -- --quick` runs reduced sizes and durations.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  await ensureRedis();
  const results = new URL('./results/', import.meta.url);
  const options: BenchOptions = { quick, results };
  await runQueryBenchmarks(options);
  await runSubscriptionBenchmarks(options);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
