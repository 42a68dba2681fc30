import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTopSelfTime, readCpuProfile } from '../lib/cpu-profile';
import { canPin, pinThisProcess } from '../lib/cpu-pinning';
import { runLoad } from './load';
import { DASHBOARD_QUERY } from './operations';
import { startRentgraph } from './rentgraph';
import { startVendors } from './vendors';

/**
 * `tsx bench/queries/profile.ts [seconds]`: the tenant dashboard at concurrency 50 with the
 * vendors at 0 ms against src/main.ts under --cpu-prof, then the functions with the most self
 * time. The .cpuprofile stays in the printed folder, for Chrome DevTools.
 */
async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const folder = mkdtempSync(join(tmpdir(), 'rentgraph-profile-'));
  if (canPin) pinThisProcess('0');
  const vendors = await startVendors(canPin ? 0 : undefined);
  try {
    const gateway = await startRentgraph(vendors, { core: canPin ? 1 : undefined, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${folder}`] });
    try {
      const result = await runLoad({ url: gateway.url, headers: gateway.headers, body: DASHBOARD_QUERY.body, concurrency: 50, maxRequests: 1_000_000, maxDurationMs: seconds * 1000 });
      console.log(`${result.latencies.length} answers in ${(result.elapsedMs / 1000).toFixed(1)} s, ${result.errors} errors`);
    } finally {
      await gateway.child.stop();
    }
  } finally {
    await vendors.stop();
  }
  printTopSelfTime(readCpuProfile(folder));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
