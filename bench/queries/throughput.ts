import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import type { BenchOptions } from '../lib/options';
import type { Table } from '../lib/report';
import type { Child } from '../lib/child';
import { postOnce, runLoad, type LoadStep } from './load';
import { DASHBOARD_EMAIL, DASHBOARD_QUERY } from './operations';
import { firstRequest, secondRequest } from './peer/dashboard';
import { startPeer } from './peer/peer';
import { cpuSeconds, peakRssMiB } from './process-usage';
import { startEarlierRentgraph, startFloor, startRentgraph, type RunningGateway } from './rentgraph';
import type { Vendors } from './vendors';

const CONCURRENCY = 50;
/**
 * Each contender's measured time, cut into rounds taken in turn, so that a busy spell of the
 * shared machine weighs on all alike.
 */
function schedule(quick: boolean): { seconds: number; rounds: number } {
  return quick ? { seconds: 5, rounds: 1 } : { seconds: 30, rounds: 5 };
}

export interface ThroughputRow {
  name: string;
  requestsPerSecond: number;
  cpuMsPerRequest: number;
  peakRssMiB: number;
  errors: number;
  /** What is not comparable about this row, if anything. */
  remark: string;
}

/** Names of the rows the cost table compares. */
const CURRENT = 'rentgraph (JWT)';
const AUTH_OFF = 'rentgraph, AUTH=off';
const EARLIER = 'rentgraph before';

interface Running {
  url: string;
  headers: Record<string, string>;
  child: Child;
  steps: LoadStep[];
  remark: string;
  stop(): Promise<void>;
}

interface Contender {
  name: string;
  start(): Promise<Running>;
}

interface Tally {
  answers: number;
  elapsedMs: number;
  cpuSeconds: number;
  errors: number;
}

/**
 * The tenant dashboard at concurrency 50 against rentgraph (with a JWT, and with AUTH=off), an
 * earlier version when `--before` names one, the floor and the peer, each in its own process on
 * the gateway core, with the vendors at 0 ms: how much work each does per answer. All run at
 * once and are loaded in turn, round after round. A contender that cannot start is reported,
 * not skipped silently.
 */
export async function measureThroughput(vendors: Vendors, options: BenchOptions, gatewayCore?: number): Promise<ThroughputRow[]> {
  let reference: unknown;
  const sameAsReference = async (gateway: RunningGateway) =>
    isDeepStrictEqual(withoutSignatures(await postOnce(gateway.url, DASHBOARD_QUERY.body, gateway.headers)), withoutSignatures(reference))
      ? 'same JSON as rentgraph'
      : 'JSON differs from rentgraph’s';
  const dashboard = (gateway: RunningGateway, remark: string): Running => ({ ...gateway, steps: [() => DASHBOARD_QUERY.body], remark, stop: () => gateway.child.stop() });
  const before = options.before;

  const contenders: Contender[] = [
    {
      name: CURRENT,
      async start() {
        const gateway = await startRentgraph(vendors, { core: gatewayCore });
        reference = await postOnce(gateway.url, DASHBOARD_QUERY.body, gateway.headers);
        return dashboard(gateway, 'HS256 token (AUTH_JWT_SECRET), scopes `read pii`, agency `default`');
      },
    },
    {
      name: AUTH_OFF,
      async start() {
        const gateway = await startRentgraph(vendors, { core: gatewayCore, authOff: true });
        return dashboard(gateway, `no credential checked; ${await sameAsReference(gateway)}`);
      },
    },
    ...(before
      ? [
          {
            name: EARLIER,
            async start() {
              const gateway = await startEarlierRentgraph(vendors, before, gatewayCore);
              return dashboard(gateway, `${commitOf(before)}: single agency, no authentication; ${await sameAsReference(gateway)}`);
            },
          },
        ]
      : []),
    {
      name: 'floor: node:http + undici, no GraphQL',
      async start() {
        const floor = await startFloor(vendors, gatewayCore);
        return dashboard(floor, `no credential checked; ${await sameAsReference(floor)}`);
      },
    },
    {
      name: 'peer: GraphQL Mesh (OpenAPI) on Hive Gateway',
      async start() {
        const peer = await startPeer(vendors, DASHBOARD_EMAIL, gatewayCore);
        return {
          ...peer,
          headers: {},
          steps: [() => firstRequest(peer.ids), (first) => secondRequest(peer.ids, first)],
          remark: 'no credential checked; same vendor calls in its own schema: two requests (the second needs the first’s product id and cycle ends), ids given by the client',
        };
      },
    },
  ];

  await vendors.setLatency(0, 0);
  const running = new Map<Contender, Running>();
  const failures = new Map<Contender, string>();
  try {
    for (const contender of contenders) {
      try {
        const started = await contender.start();
        running.set(contender, started);
        // warm-up: JIT, pools and the Canopy token
        await runLoad({ ...load(started), maxRequests: 2_000, maxDurationMs: options.quick ? 1_000 : 3_000 });
      } catch (error) {
        console.warn(`throughput ${contender.name}: ${(error as Error).message}`);
        failures.set(contender, (error as Error).message.split('\n')[0]!);
      }
    }

    const { seconds, rounds } = schedule(options.quick);
    const roundMs = (seconds * 1000) / rounds;
    const tallies = new Map<Contender, Tally>([...running.keys()].map((contender) => [contender, { answers: 0, elapsedMs: 0, cpuSeconds: 0, errors: 0 }]));
    for (let round = 0; round < rounds; round++) {
      for (const [contender, started] of running) {
        const cpuBefore = cpuSeconds(started.child.pid);
        const result = await runLoad({ ...load(started), maxRequests: 1_000_000, maxDurationMs: roundMs });
        const tally = tallies.get(contender)!;
        tally.cpuSeconds += cpuSeconds(started.child.pid) - cpuBefore;
        tally.answers += result.latencies.length;
        tally.elapsedMs += result.elapsedMs;
        tally.errors += result.errors;
        if (result.errors > 0) console.warn(`throughput ${contender.name}: ${result.errors} errors, first: ${result.firstError}`);
      }
    }

    return contenders.map((contender) => {
      const started = running.get(contender);
      const tally = tallies.get(contender);
      if (!started || !tally) {
        return { name: contender.name, requestsPerSecond: Number.NaN, cpuMsPerRequest: Number.NaN, peakRssMiB: Number.NaN, errors: 0, remark: `did not run: ${failures.get(contender)}` };
      }
      return {
        name: contender.name,
        requestsPerSecond: tally.answers / (tally.elapsedMs / 1000),
        cpuMsPerRequest: (tally.cpuSeconds * 1000) / Math.max(1, tally.answers),
        peakRssMiB: peakRssMiB(started.child.pid),
        errors: tally.errors,
        remark: started.remark,
      };
    });
  } finally {
    await Promise.all([...running.values()].map((started) => started.stop()));
  }
}

function load(running: Running) {
  return { url: running.url, headers: running.headers, body: running.steps, concurrency: CONCURRENCY };
}

/** The short commit of a checkout, for the table to say which version "before" is. */
function commitOf(root: string): string {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD']).toString().trim();
  } catch {
    return root;
  }
}

export function throughputTable(rows: ThroughputRow[], quick: boolean, pinned: boolean): Table {
  const rentgraph = rows[0]!;
  const { seconds, rounds } = schedule(quick);
  const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const ratio = (value: number, base: number) => (Number.isFinite(value) && Number.isFinite(base) && base > 0 ? `${(value / base).toFixed(2)}×` : '–');
  return {
    title: 'Throughput: tenant dashboard, concurrency 50',
    note:
      `${seconds} s per server after a warm-up, in ${rounds} round(s) taken in turn, vendors at 0 ms. CPU per request and peak RSS are the server process’s own (/proc). ` +
      (pinned ? 'Servers pinned to core 1; load generator, sandbox and Redis on core 0.' : 'taskset unavailable: processes not pinned.') +
      ` Ratios are to ${rentgraph.name} (req/s: higher is better; CPU: lower is better).`,
    columns: ['server', 'req/s', 'req/s ÷ rentgraph', 'CPU ms / request', 'CPU ÷ rentgraph', 'peak RSS MiB', 'errors', 'remark'],
    rows: rows.map((row) => [
      row.name,
      fixed(row.requestsPerSecond, 0),
      ratio(row.requestsPerSecond, rentgraph.requestsPerSecond),
      fixed(row.cpuMsPerRequest, 3),
      ratio(row.cpuMsPerRequest, rentgraph.cpuMsPerRequest),
      fixed(row.peakRssMiB, 0),
      row.errors,
      row.remark,
    ]),
  };
}

/**
 * What serving many agencies and authenticating every caller cost the dashboard, from the
 * throughput rows: the earlier single-agency version against AUTH=off (the per-agency lookup,
 * still done without authentication), and AUTH=off against a JWT (authentication alone).
 */
export function costTable(rows: ThroughputRow[]): Table {
  const row = (name: string) => rows.find((candidate) => candidate.name === name);
  const percent = (value: number) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(1)} %` : '–');
  const step = (what: string, from: ThroughputRow | undefined, to: ThroughputRow | undefined, budget: string) => {
    const throughput = from && to ? (100 * (to.requestsPerSecond - from.requestsPerSecond)) / from.requestsPerSecond : Number.NaN;
    const cpu = from && to ? to.cpuMsPerRequest - from.cpuMsPerRequest : Number.NaN;
    const current = row(CURRENT)?.cpuMsPerRequest ?? Number.NaN;
    return [what, `${from?.name ?? '–'} → ${to?.name ?? '–'}`, percent(throughput), Number.isFinite(cpu) ? cpu.toFixed(3) : '–', percent((100 * cpu) / current), budget];
  };
  return {
    title: 'What many agencies and authentication cost the dashboard',
    note:
      'From the throughput rows above (same run, same load). The per-agency lookup: the earlier single-agency version against today’s with AUTH=off, ' +
      'which still finds the agency’s services per request. Authentication: AUTH=off against a JWT (verify, cached by the token’s hash, and the scope checks). ' +
      'CPU per request is also given as a share of today’s (with a JWT). Differences of a few percent are within the noise of two shared cores.',
    columns: ['cost of', 'rows compared', 'req/s change', 'CPU ms / request added', 'share of today’s CPU / request', 'aim'],
    rows: [
      step('per-agency lookup', row(EARLIER), row(AUTH_OFF), 'throughput −5 % at most'),
      step('authentication', row(AUTH_OFF), row(CURRENT), 'CPU ≤ 5 % of today’s'),
    ],
  };
}

const REPORT_LINK = /^https?:\/\/[^/]+\/reports\/canopy\/(?:.*\/)?([^/]+\/[^/?]+)\?.*$/;

/**
 * What two servers' answers are compared by: their data and errors, not their extensions (today's
 * gateway reports its vendor calls there). Report links carry their server's origin, expiry and
 * signature, and today's the agency as well: they are compared by the report they name, its kind and id.
 */
function withoutSignatures(answer: unknown): unknown {
  const { data, errors } = answer as { data?: unknown; errors?: unknown };
  return JSON.parse(JSON.stringify({ data, errors }), (_key, value: unknown) => (typeof value === 'string' ? value.replace(REPORT_LINK, '$1') : value));
}
