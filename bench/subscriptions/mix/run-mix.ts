import { randomBytes } from 'node:crypto';
import type { BenchOptions } from '../../lib/options';
import { allCores, canPin, pinThisProcess } from '../../lib/cpu-pinning';
import type { Table } from '../../lib/report';
import { median, ms, quantile } from '../../lib/stats';
import { Redis } from 'ioredis';
import { startRedisCluster } from '../../../test/helpers/redis-cluster';
import { BENCH_REDIS_URL } from '../bench-redis';
import { startMixGateway, type MixGateway, type MixRedis } from './gateways';
import { measureMix, type MixResult } from './measure';

interface MixRow {
  label: string;
  instances: 1 | 2;
  redis: MixRedis;
  checkout?: string;
}

interface MixSize {
  subscriptions: number;
  tenants: number;
  rate: number;
  seconds: number;
}

const FULL: MixSize = { subscriptions: 10_000, tenants: 2_000, rate: 200, seconds: 30 };
const QUICK: MixSize = { subscriptions: 1_000, tenants: 200, rate: 50, seconds: 10 };

/**
 * The realistic mix on one gateway and on two sharing one Redis, on one gateway over a Redis Cluster (and on the earlier checkout,
 * with `--before`): latency, loss, duplicates and misdelivery, the gateways' CPU share, and
 * whether their memory stays flat over the run.
 */
export async function runMixBenchmarks(options: BenchOptions): Promise<Table[]> {
  const size = options.quick ? QUICK : FULL;
  const single: MixRedis = { redisUrl: BENCH_REDIS_URL };
  const rows: MixRow[] = [
    { label: '1 gateway, one Redis', instances: 1, redis: single },
    { label: '2 gateways, one Redis', instances: 2, redis: single },
    ...(options.before ? [{ label: '1 gateway, one Redis (before)', instances: 1 as const, redis: single, checkout: options.before }] : []),
  ];
  // A cluster of its own (3 masters, a replica each), as the tests start it; its keys go with it.
  const cluster = await startRedisCluster();
  rows.push({ label: '1 gateway, Redis Cluster', instances: 1, redis: { clusterNodes: cluster.nodes } });
  try {
    return await runRows(rows, size);
  } finally {
    await cluster.stop();
  }
}

async function runRows(rows: MixRow[], size: MixSize): Promise<Table[]> {
  const results: Array<{ row: MixRow; result: MixResult }> = [];
  const failures: Table['rows'] = [];
  for (const row of rows) {
    console.log(`subscriptions mix: ${row.label}, ${size.subscriptions} subscriptions, ${size.rate} webhooks/s for ${size.seconds} s`);
    // A prefix of the row's own: a benchmark running beside this one on the bench Redis would
    // otherwise feed its events to these subscribers (both serve the sandbox agencies), and delete these keys.
    const keyPrefix = `rentgraph-mix-${randomBytes(4).toString('hex')}`;
    try {
      results.push({ row, result: await runRow(row, size, keyPrefix) });
    } catch (error) {
      // A row that could not run is a result too; the other rows still are.
      console.error(error);
      failures.push([row.label, `could not run: ${String(error).split('\n')[0]!.replaceAll('|', '\\|')}`]);
    } finally {
      pinThisProcess(allCores());
      if ('redisUrl' in row.redis) await deleteKeys(row.redis.redisUrl, keyPrefix);
    }
  }
  const tables = [deliveryTable(results, size), memoryTable(results, size.seconds)];
  if (failures.length > 0) tables.push({ title: 'Realistic mix: rows that could not run', columns: ['row', 'why'], rows: failures });
  return tables;
}

async function runRow(row: MixRow, size: MixSize, keyPrefix: string): Promise<MixResult> {
  const webhookSecret = randomBytes(18).toString('base64url');
  const authSecret = randomBytes(32).toString('base64url');
  const gateways: MixGateway[] = [];
  try {
    // One gateway: it on core 0, the load generator on core 1. Two: one per core, and the load generator shares.
    for (let core = 0; core < row.instances; core++) {
      gateways.push(await startMixGateway({ redis: row.redis, keyPrefix, webhookSecret, authSecret, core, checkout: row.checkout }));
    }
    pinThisProcess(row.instances === 1 ? '1' : allCores());
    return await measureMix({ gateways, authSecret, ...size });
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
  }
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const stream = redis.scanStream({ match: `${prefix}:*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

const count = (value: number) => value.toLocaleString('en');
const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

function deliveryTable(results: Array<{ row: MixRow; result: MixResult }>, size: MixSize): Table {
  return {
    title: 'Realistic mix: webhooks to live subscribers',
    note: [
      `For ${size.seconds} s, ${count(size.rate)} webhooks a second (open-loop, on a clock) of Reposit's three documented tenant events about ${count(size.tenants)} tenants`,
      'and, one in 20, Canopy\'s documented examples about the sandbox\'s Amara, over both sandbox agencies (each tenant\'s e-mail and Reposit id',
      `exist at both, so an event crossing agencies would match a subscriber and be counted), while ${count(size.subscriptions)} graphql-ws subscriptions`,
      'listen: 7 sockets in 10 with one, 3 with three; most on tenantEvents, a quarter on repositEvents(repositId:), a few on every Reposit',
      'event, Amara\'s passportStatusChanged(canopyReferenceId:) and referencingRequestStatusChanged; one in 20 replays from a cursor stored before',
      'the run (what it replays is expected too). 1% of sockets stop reading for 3 s in every 6 s. The run follows a lead-in of 5 s at the same',
      'rate (not counted), once the idle heap has been measured with a forced GC: the heap regrowing from that collection is not the run\'s.',
      'Expected deliveries are computed from the',
      'acknowledged webhooks; lost is expected but not received after a drain; misdelivered is an event on a subscription it does not match',
      '(another agency\'s, tenant\'s or subject\'s). Latency: just before the POST to receipt, over the subscriptions that keep reading.',
      'CPU: each gateway\'s CPU time (/proc) over the run\'s wall time; the load generator\'s the same way, to show it is not the bottleneck.',
      `${canPin ? 'One gateway on core 0, the load generator on core 1; two gateways one per core, the load generator sharing them.' : 'No CPU pinning.'}`,
      '**Goals: p99 < 50 ms, 0 lost, 0 duplicates, 0 misdelivered.**',
    ].join(' '),
    columns: ['row', 'sockets / subscriptions', 'webhooks (/s)', 'deliveries expected', 'received', 'lost', 'duplicates', 'misdelivered', 'p50 ms', 'p99 ms', 'max ms', 'gateway CPU', 'load generator CPU', 'anomalies'],
    rows: results.map(({ row, result }) => [
      row.label,
      `${count(result.sockets)} / ${count(result.subscriptions)}`,
      `${count(result.webhooks)} (${result.achievedRate.toFixed(0)})`,
      count(result.expected),
      count(result.received),
      count(result.expected - result.received),
      count(result.duplicates),
      count(result.misdelivered),
      ms(median(result.latencies)),
      ms(quantile(result.latencies, 0.99)),
      ms(result.latencies.reduce((max, value) => Math.max(max, value), 0)),
      result.gateways.map((gateway) => percent(gateway.cpuShare)).join(' + '),
      percent(result.clientCpuShare),
      anomalies(result),
    ]),
  };
}

/** A rise smaller than this over the run is the steps V8 and malloc take memory from the OS in (V8's pages are 256 KiB), not growth. */
const RSS_STEP_BYTES = 1024 * 1024;

function memoryTable(results: Array<{ row: MixRow; result: MixResult }>, seconds: number): Table {
  const kibPerSecond = ({ slope, standardError }: { slope: number; standardError: number }) => `${(slope / 1024).toFixed(0)} ± ${(standardError / 1024).toFixed(0)}`;
  return {
    title: 'Realistic mix: gateway memory',
    note: [
      'Per gateway process. Heap per idle subscription: heap after a forced GC once every subscription is live, minus before the first',
      'socket, over that gateway\'s subscriptions (WebSocket connections included). RSS (from /proc, every second) over the run: start,',
      'end, max, and the slope of a least-squares line with its standard error, and the rise that line makes over the run; the heap',
      'sampled alongside (no forced GC). RSS flat: no growth beyond noise, i.e. a slope no more than two standard errors above 0 (an RSS',
      'that falls does not grow), or a rise under 1 MiB over the run: RSS moves in the steps V8 and malloc take memory in, and a nearly',
      'constant series makes its standard error tiny. **Goal: RSS flat.**',
    ].join(' '),
    columns: ['row', 'gateway', 'heap KiB / idle subscription', 'heap MiB before → idle → after run', 'RSS MiB start / end / max', 'RSS slope KiB/s', 'RSS rise over the run MiB', 'heap slope KiB/s', 'RSS flat'],
    rows: results.flatMap(({ row, result }) =>
      result.gateways.map((gateway, i) => [
        row.label,
        i + 1,
        ((gateway.heapIdle - gateway.heapBefore) / 1024 / (result.subscriptions / result.gateways.length)).toFixed(1),
        `${mib(gateway.heapBefore)} → ${mib(gateway.heapIdle)} → ${mib(gateway.heapAfter)}`,
        `${mib(gateway.rssStart)} / ${mib(gateway.rssEnd)} / ${mib(gateway.rssMax)}`,
        kibPerSecond(gateway.rssSlope),
        ((gateway.rssSlope.slope * seconds) / 1024 / 1024).toFixed(1),
        kibPerSecond(gateway.heapSlope),
        gateway.rssSlope.slope <= 2 * gateway.rssSlope.standardError || gateway.rssSlope.slope * seconds < RSS_STEP_BYTES ? 'yes' : 'no',
      ]),
    ),
  };
}

/** Refused webhooks, problems and the first misdelivery: each should be none, and is shown when it is not. */
function anomalies(result: MixResult): string {
  const found = [
    result.refused > 0 ? `${result.refused} webhooks not stored (first: ${result.firstRefusal})` : '',
    result.misdelivered > 0 ? `first misdelivery: ${result.firstMisdelivery}` : '',
    result.problems > 0 ? `${result.problems} problems (first: ${result.firstProblem ?? '?'})` : '',
  ].filter(Boolean);
  return found.length > 0 ? found.join('; ').replaceAll('|', '\\|') : 'none';
}
