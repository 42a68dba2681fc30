import type { Table } from '../lib/report';
import { postOnce } from './load';
import { minimumCalls } from './minimum-calls';
import { BENCH_QUERIES, type BenchQuery } from './operations';
import { startRentgraph, type RunningGateway } from './rentgraph';
import type { Vendors } from './vendors';

export interface CallCount {
  /** REST calls rentgraph made for one run of the query. */
  calls: number;
  /** Distinct vendor resources the answer needs (minimum-calls.ts). */
  minimum: number;
  /** REST calls of the same gateway with no batching and no caching in any loader. */
  naive: number;
}

/**
 * Calls per query from the sandbox's counter. The minimum is measured, not argued: the naive
 * run repeats a resource every time a resolver needs it, so its calls, with repeats removed,
 * are exactly the resources the data needs (the sandbox counts by route, so the naive gateway
 * is asked once per query and the distinct resources are read from its own answer shape below).
 */
export async function measureCallCounts(vendors: Vendors, core?: number): Promise<Map<BenchQuery, CallCount>> {
  const counts = new Map<BenchQuery, CallCount>();
  const rentgraph = await startRentgraph(vendors, { core });
  try {
    for (const query of BENCH_QUERIES) {
      const { calls, data } = await callsOf(vendors, rentgraph, query);
      counts.set(query, { calls, minimum: minimumCalls(data), naive: 0 });
    }
  } finally {
    await rentgraph.child.stop();
  }
  const naive = await startRentgraph(vendors, { core, naive: true });
  try {
    for (const query of BENCH_QUERIES) counts.get(query)!.naive = (await callsOf(vendors, naive, query)).calls;
  } finally {
    await naive.child.stop();
  }
  return counts;
}

async function callsOf(vendors: Vendors, { url, headers }: RunningGateway, query: BenchQuery): Promise<{ calls: number; data: Record<string, unknown> }> {
  await postOnce(url, query.body, headers); // warm: the Canopy access token is exchanged once per process
  await vendors.resetCalls();
  const answer = (await postOnce(url, query.body, headers)) as { data: Record<string, unknown>; errors?: unknown };
  if (answer.errors) throw new Error(`${query.name}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
  const calls = await vendors.calls();
  return { calls: Object.values(calls).reduce((sum, n) => sum + n, 0), data: answer.data };
}

export function callCountTable(counts: Map<BenchQuery, CallCount>): Table {
  return {
    title: 'REST calls per query',
    note:
      'From the sandbox’s call counter, one run each after a warm-up. Minimum: the distinct vendor resources behind the answer, counted from it (bench/queries/minimum-calls.ts). ' +
      'Naive: the same gateway with every DataLoader set to `{ batch: false, cache: false }` (bench/queries/naive-main.ts), measured; ' +
      'it still runs rentgraph’s early start of each tenant account’s summary and statement list, which without a cache repeats those two calls per account.',
    columns: ['query', 'rentgraph', 'minimum', 'naive (no loaders)'],
    rows: [...counts].map(([query, count]) => [query.name, count.calls, count.minimum, count.naive]),
  };
}
