import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAuth } from '../lib/bench-auth';
import { canPin, pinThisProcess } from '../lib/cpu-pinning';
import { printTopSelfTime, readCpuProfile } from '../lib/cpu-profile';
import { median, ms, quantile } from '../lib/stats';
import { BENCH_REDIS_URL, deleteBenchKeys } from './bench-redis';
import { growthPerSubscriber, openAudience } from './fan-out';
import { startGatewayProcess, SUBSCRIBED_AGENCY } from './gateway-process';

/**
 * `tsx bench/subscriptions/profile.ts [subscribers] [burst]`: one gateway under --cpu-prof fans a
 * burst of webhooks out to N tenantEvents subscribers over graphql-ws, then the functions with
 * the most self time. The profile covers subscribing too; the .cpuprofile stays in the printed
 * folder, for Chrome DevTools.
 */
async function main(): Promise<void> {
  const subscribers = Number(process.argv[2] ?? 10_000);
  const burst = Number(process.argv[3] ?? 20);
  const folder = mkdtempSync(join(tmpdir(), 'rentgraph-profile-'));
  const gateway = await startGatewayProcess({
    redisUrl: BENCH_REDIS_URL,
    webhookSecret: randomBytes(18).toString('base64url'),
    auth: await benchAuth(SUBSCRIBED_AGENCY, ['read']),
    core: canPin ? 0 : undefined,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${folder}`],
  });
  try {
    if (canPin) pinThisProcess('1');
    const audience = await openAudience({ gateways: [gateway], subscribers });
    try {
      const result = await audience.broadcast(burst);
      const heap = growthPerSubscriber(audience, 'heapUsed', subscribers);
      console.log(
        `${result.received} of ${result.expected} delivered; median ${ms(median(result.latencies))} ms, p99 ${ms(quantile(result.latencies, 0.99))} ms, last ${ms(result.lastDeliveryMs)} ms; heap ${(heap / 1024).toFixed(1)} KiB a subscriber`,
      );
    } finally {
      audience.close();
    }
  } finally {
    await gateway.stop();
    await deleteBenchKeys();
  }
  printTopSelfTime(readCpuProfile(folder), 40);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
