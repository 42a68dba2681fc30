import { isDeepStrictEqual } from 'node:util';
import type { BenchOptions } from '../lib/options';
import type { Table } from '../lib/report';
import type { Child } from '../lib/child';
import { postOnce, runLoad, type LoadStep } from './load';
import { DASHBOARD_EMAIL, DASHBOARD_QUERY } from './operations';
import { firstRequest, secondRequest } from './peer/dashboard';
import { startPeer } from './peer/peer';
import { cpuSeconds, peakRssMiB } from './process-usage';
import { startFloor, startRentgraph } from './rentgraph';
import type { Vendors } from './vendors';

const CONCURRENCY = 50;

export interface ThroughputRow {
  name: string;
  requestsPerSecond: number;
  cpuMsPerRequest: number;
  peakRssMiB: number;
  errors: number;
  /** What is not comparable about this row, if anything. */
  remark: string;
}

interface Contender {
  name: string;
  start(): Promise<{ url: string; child: Child; steps: LoadStep[]; remark: string; stop(): Promise<void> }>;
}

/**
 * The tenant dashboard at concurrency 50 against rentgraph, the floor and the peer in turn, each
 * in its own process on the gateway core, with the vendors at 0 ms: how much work each does per
 * answer. A contender that cannot start is reported, not skipped silently.
 */
export async function measureThroughput(vendors: Vendors, options: BenchOptions, gatewayCore?: number): Promise<ThroughputRow[]> {
  let reference: unknown;
  const contenders: Contender[] = [
    {
      name: 'rentgraph',
      async start() {
        const gateway = await startRentgraph(vendors, { core: gatewayCore });
        reference = await postOnce(gateway.url, DASHBOARD_QUERY.body);
        return { ...gateway, steps: [() => DASHBOARD_QUERY.body], remark: '', stop: () => gateway.child.stop() };
      },
    },
    {
      name: 'floor: node:http + undici, no GraphQL',
      async start() {
        const floor = await startFloor(vendors, gatewayCore);
        const same = isDeepStrictEqual(withoutSignatures(await postOnce(floor.url, DASHBOARD_QUERY.body)), withoutSignatures(reference));
        return { ...floor, steps: [() => DASHBOARD_QUERY.body], remark: same ? 'same JSON as rentgraph' : 'JSON differs from rentgraph’s', stop: () => floor.child.stop() };
      },
    },
    {
      name: 'peer: GraphQL Mesh (OpenAPI) on Hive Gateway',
      async start() {
        const peer = await startPeer(vendors, DASHBOARD_EMAIL, gatewayCore);
        return {
          ...peer,
          steps: [() => firstRequest(peer.ids), (first) => secondRequest(peer.ids, first)],
          remark: 'same vendor calls in its own schema: two requests (the second needs the first’s product id and cycle ends), ids given by the client',
        };
      },
    },
  ];

  const rows: ThroughputRow[] = [];
  await vendors.setLatency(0, 0);
  for (const contender of contenders) {
    let running: Awaited<ReturnType<Contender['start']>> | undefined;
    try {
      running = await contender.start();
      // warm-up: JIT, pools and the Canopy token
      await runLoad({ url: running.url, body: running.steps, concurrency: CONCURRENCY, maxRequests: 2_000, maxDurationMs: options.quick ? 1_000 : 3_000 });
      const cpuBefore = cpuSeconds(running.child.pid);
      const result = await runLoad({
        url: running.url,
        body: running.steps,
        concurrency: CONCURRENCY,
        maxRequests: 1_000_000,
        maxDurationMs: options.quick ? 5_000 : 30_000,
      });
      const cpu = cpuSeconds(running.child.pid) - cpuBefore;
      if (result.errors > 0) console.warn(`throughput ${contender.name}: ${result.errors} errors, first: ${result.firstError}`);
      rows.push({
        name: contender.name,
        requestsPerSecond: result.latencies.length / (result.elapsedMs / 1000),
        cpuMsPerRequest: (cpu * 1000) / Math.max(1, result.latencies.length),
        peakRssMiB: peakRssMiB(running.child.pid),
        errors: result.errors,
        remark: running.remark,
      });
    } catch (error) {
      console.warn(`throughput ${contender.name}: ${(error as Error).message}`);
      rows.push({ name: contender.name, requestsPerSecond: Number.NaN, cpuMsPerRequest: Number.NaN, peakRssMiB: Number.NaN, errors: 0, remark: `did not run: ${(error as Error).message.split('\n')[0]}` });
    } finally {
      await running?.stop();
    }
  }
  return rows;
}

export function throughputTable(rows: ThroughputRow[], seconds: number, pinned: boolean): Table {
  const rentgraph = rows[0]!;
  const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const ratio = (value: number, base: number) => (Number.isFinite(value) && Number.isFinite(base) && base > 0 ? `${(value / base).toFixed(2)}×` : '–');
  return {
    title: 'Throughput: tenant dashboard, concurrency 50',
    note:
      `${seconds} s per contender after a warm-up, vendors at 0 ms. CPU per request and peak RSS are the server process’s own (/proc). ` +
      (pinned ? 'Server pinned to core 1; load generator, sandbox and Redis on core 0.' : 'taskset unavailable: processes not pinned.') +
      ' Ratios are to rentgraph (req/s: higher is better; CPU: lower is better).',
    columns: ['server', 'req/s', 'req/s ÷ rentgraph', 'CPU ms / request', 'CPU ÷ rentgraph', 'peak RSS MiB', 'errors', 'remark'],
    rows: rows.map((row) => [
      row.name,
      fixed(row.requestsPerSecond, 0),
      ratio(row.requestsPerSecond, rentgraph.requestsPerSecond),
      fixed(row.cpuMsPerRequest, 2),
      ratio(row.cpuMsPerRequest, rentgraph.cpuMsPerRequest),
      fixed(row.peakRssMiB, 0),
      row.errors,
      row.remark,
    ]),
  };
}

const REPORT_LINK = /^https?:\/\/[^/]+(\/reports\/canopy\/[^?]*)\?.*$/;

/** Report links carry their server's origin, expiry and signature: they are compared by the report they name. */
function withoutSignatures(answer: unknown): unknown {
  return JSON.parse(JSON.stringify(answer), (_key, value: unknown) => (typeof value === 'string' ? value.replace(REPORT_LINK, '$1') : value));
}
