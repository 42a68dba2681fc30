import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The .cpuprofile that `--cpu-prof-dir=folder` left there. */
export function readCpuProfile(folder: string): { nodes: ProfileNode[]; file: string } {
  const name = readdirSync(folder).find((entry) => entry.endsWith('.cpuprofile'));
  if (!name) throw new Error(`no profile written in ${folder}`);
  const file = join(folder, name);
  return { ...(JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] }), file };
}

/** Prints the functions with the most self time, as a share of all samples. */
export function printTopSelfTime(profile: { nodes: ProfileNode[]; file: string }, top = 25): void {
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  console.log(`profile: ${profile.file}\nself time, top ${top}:`);
  for (const [key, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}
