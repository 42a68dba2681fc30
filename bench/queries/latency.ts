import type { BenchOptions } from '../lib/options';
import type { Table } from '../lib/report';
import { median, ms, quantile } from '../lib/stats';
import { runLoad } from './load';
import type { BenchQuery } from './operations';
import type { Vendors } from './vendors';

/** Sandbox latency per call: none, and 20 ms on average (15 ms plus up to 10 ms of uniform jitter). */
const LATENCIES = [
  { label: '0 ms', fixedMs: 0, jitterMs: 0 },
  { label: '20 ms ± 5', fixedMs: 15, jitterMs: 10 },
] as const;
const CONCURRENCIES = [1, 50] as const;

/** A server and the queries it answers: rentgraph all of them, the floor the dashboard. */
export interface LatencyTarget {
  name: string;
  url: string;
  /** Sent with every request: the server's credential, if it asks one. */
  headers: Record<string, string>;
  queries: BenchQuery[];
}

export interface LatencyRow {
  server: string;
  query: BenchQuery;
  latency: string;
  concurrency: number;
  median: number;
  p95: number;
  p99: number;
  /** Median less the critical path: dependent rounds of vendor calls × the mean call latency. */
  overhead: number;
  samples: number;
  errors: number;
}

export async function measureLatency(vendors: Vendors, targets: LatencyTarget[], options: BenchOptions): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  try {
    for (const latency of LATENCIES) {
      await vendors.setLatency(latency.fixedMs, latency.jitterMs);
      const meanCallMs = latency.fixedMs + latency.jitterMs / 2;
      for (const { name, queries, ...target } of targets) {
        for (const query of queries) {
          rows.push(...(await measureQuery(target, query, options)).map((row) => ({ ...row, server: name, latency: latency.label, overhead: row.median - query.dependentDepth * meanCallMs })));
        }
      }
    }
  } finally {
    await vendors.setLatency(0, 0);
  }
  return rows;
}

/** One query at each concurrency, after a short warm-up, so the JIT and the connection pools are in their steady state. */
async function measureQuery({ url, headers }: Omit<LatencyTarget, 'name' | 'queries'>, query: BenchQuery, options: BenchOptions) {
  await runLoad({ url, headers, body: query.body, concurrency: 4, maxRequests: 40, maxDurationMs: options.quick ? 1_000 : 3_000 });
  const rows = [];
  for (const concurrency of CONCURRENCIES) {
    const result = await runLoad({
      url,
      headers,
      body: query.body,
      concurrency,
      maxRequests: options.quick ? 150 : concurrency === 1 ? 300 : 1_500,
      maxDurationMs: options.quick ? 1_500 : 12_000,
    });
    if (result.errors > 0) console.warn(`latency ${query.name} c=${concurrency}: ${result.errors} errors, first: ${result.firstError}`);
    rows.push({
      query,
      concurrency,
      median: median(result.latencies),
      p95: quantile(result.latencies, 0.95),
      p99: quantile(result.latencies, 0.99),
      samples: result.latencies.length,
      errors: result.errors,
    });
  }
  return rows;
}

export function latencyTable(rows: LatencyRow[]): Table {
  return {
    title: 'Latency per query',
    note:
      'Milliseconds from request to full answer, closed-loop at the given concurrency, gateway and load generator on separate cores. ' +
      'Overhead: median minus the critical path, i.e. the rounds of vendor calls that wait on an earlier answer (2 for each query) × the mean call latency; ' +
      'at 0 ms it is the whole median, vendor processing included. ' +
      'The floor (the dashboard by hand, no GraphQL; see Throughput) shows what one core allows: at concurrency 50 a closed loop keeps ' +
      '50 requests waiting on the server’s core, so no median there can be below 50 × its CPU time per request, whatever the critical path.',
    columns: ['server', 'query', 'vendor latency', 'concurrency', 'median', 'p95', 'p99', 'overhead above critical path (median)', 'samples', 'errors'],
    rows: rows.map((row) => [
      row.server,
      row.query.name,
      row.latency,
      row.concurrency,
      ms(row.median),
      ms(row.p95),
      ms(row.p99),
      ms(row.overhead),
      row.samples,
      row.errors,
    ]),
  };
}
