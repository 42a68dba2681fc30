import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

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
  const file = readdirSync(folder).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${folder}`);
  printTop(JSON.parse(readFileSync(join(folder, file), 'utf8')) as { nodes: ProfileNode[] }, join(folder, file));
}

function printTop(profile: { nodes: ProfileNode[] }, file: string): void {
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  console.log(`profile: ${file}\nself time, top 25:`);
  for (const [key, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
