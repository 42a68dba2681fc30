import { randomBytes } from 'node:crypto';
import type { BenchOptions } from '../lib/options';
import { writeResults, type Table } from '../lib/report';
import { median, ms, quantile } from '../lib/stats';
import { BENCH_REDIS_URL, deleteBenchKeys } from './bench-redis';
import { benchAuth } from '../lib/bench-auth';
import { allCores, canPin, pinThisProcess } from '../lib/cpu-pinning';
import { measureFanOut, type FanOutResult } from './fan-out';
import { startGatewayProcess, SUBSCRIBED_AGENCY, type GatewayProcess } from './gateway-process';
import { measureSlowSubscriber, type SlowSubscriberResult } from './slow-subscriber';
import { runMixBenchmarks } from './mix/run-mix';

interface Scenario {
  instances: 1 | 2;
  subscribers: number;
}

/**
 * graphql-ws fan-out of tenantEvents: webhook-to-subscriber latency, events lost, and the
 * gateway's memory per subscriber, on one gateway and on two sharing one Redis. Each scenario
 * gets fresh gateway processes, so one scenario's garbage does not weigh on the next.
 */
export async function runSubscriptionBenchmarks(options: BenchOptions): Promise<void> {
  if (options.only === 'mix') {
    return writeResults(new URL('subscriptions-mix.md', options.results), 'Subscriptions: realistic mix', await runMixBenchmarks(options), options.quick);
  }
  const sizes = options.quick ? [200, 1_000] : [1_000, 10_000];
  const burst = options.quick ? 10 : 20;
  const scenarios: Scenario[] = [
    ...sizes.map((subscribers) => ({ instances: 1 as const, subscribers })),
    ...sizes.map((subscribers) => ({ instances: 2 as const, subscribers })),
  ];
  const slowBurst = options.quick ? 1_000 : 3_000;
  const rows: Table['rows'] = [];
  let slow: SlowSubscriberResult;
  try {
    for (const scenario of scenarios) {
      console.log(`subscriptions: ${scenario.instances} gateway(s), ${scenario.subscribers} subscribers, burst of ${burst}`);
      rows.push(fanOutRow(scenario, burst, await runScenario(scenario, burst)));
    }
    console.log(`subscriptions: a client that stops reading during a burst of ${slowBurst}`);
    slow = await runSlowSubscriber(slowBurst);
  } finally {
    pinThisProcess(allCores());
    await deleteBenchKeys();
  }
  const tables = [fanOutTable(rows, burst), slowSubscriberTable(slow, slowBurst), ...(await runMixBenchmarks(options))];
  writeResults(new URL('subscriptions.md', options.results), 'Subscriptions', tables, options.quick);
}

async function runScenario(scenario: Scenario, burst: number): Promise<FanOutResult> {
  const webhookSecret = randomBytes(18).toString('base64url');
  const auth = await benchAuth(SUBSCRIBED_AGENCY, ['read']);
  const gateways: GatewayProcess[] = [];
  try {
    // One gateway: it on core 0, the load generator on core 1. Two: one per core, and the load generator shares.
    for (let core = 0; core < scenario.instances; core++) {
      gateways.push(await startGatewayProcess({ redisUrl: BENCH_REDIS_URL, webhookSecret, auth, core }));
    }
    pinThisProcess(scenario.instances === 1 ? '1' : allCores());
    return await measureFanOut({ gateways, subscribers: scenario.subscribers, burst });
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
  }
}

const SLOW_OPERATIONS = 20;

async function runSlowSubscriber(burst: number): Promise<SlowSubscriberResult> {
  const webhookSecret = randomBytes(18).toString('base64url');
  const gateway = await startGatewayProcess({ redisUrl: BENCH_REDIS_URL, webhookSecret, auth: await benchAuth(SUBSCRIBED_AGENCY, ['read']), core: 0 });
  try {
    pinThisProcess('1');
    return await measureSlowSubscriber({ gateway, burst, operations: SLOW_OPERATIONS });
  } finally {
    await gateway.stop();
  }
}

function slowSubscriberTable(result: SlowSubscriberResult, burst: number): Table {
  const count = (value: number) => value.toLocaleString('en');
  return {
    title: 'A client that stops reading during a burst',
    note: [
      `One client holds ${SLOW_OPERATIONS} tenantEvents subscriptions on one socket and stops reading it while ${count(burst)} webhooks`,
      'are posted (its socket buffers fill and the gateway\'s writes to it wait); another client keeps reading. Once the reading',
      'client has every event and a second has passed, the slow one reads again.',
    ].join(' '),
    columns: ['deliveries expected', 'received', 'lost', 'duplicates', 'reading client received', 'gateway still up'],
    rows: [
      [
        `${burst} × ${SLOW_OPERATIONS} = ${count(result.expected)}`,
        count(result.received),
        count(result.expected - result.received),
        count(result.duplicates),
        `${count(result.readerReceived)} of ${count(burst)}`,
        result.gatewayAlive ? 'yes' : 'no',
      ],
    ],
  };
}

function fanOutRow(scenario: Scenario, burst: number, result: FanOutResult): Array<string | number> {
  const count = (value: number) => value.toLocaleString('en');
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  return [
    scenario.instances,
    count(scenario.subscribers),
    `${burst} × ${count(scenario.subscribers)} = ${count(result.expected)}`,
    count(result.received),
    count(result.expected - result.received),
    ms(median(result.latencies)),
    ms(quantile(result.latencies, 0.99)),
    ms(result.latencies.reduce((max, value) => Math.max(max, value), 0)),
    kib(result.heapPerSubscriber),
    kib(result.rssPerSubscriber),
    result.subscribeSeconds.toFixed(1),
    anomalies(result),
  ];
}

/** Duplicates, refused webhooks and protocol problems: each should be none, and is shown when it is not. */
function anomalies(result: FanOutResult): string {
  const found = [
    result.duplicates > 0 ? `${result.duplicates} duplicates` : '',
    result.refusedWebhooks > 0 ? `${result.refusedWebhooks} webhooks refused` : '',
    result.problems > 0 ? `${result.problems} problems (first: ${result.firstProblem ?? '?'})` : '',
  ].filter(Boolean);
  return found.length > 0 ? found.join('; ').replaceAll('|', '\\|') : 'none';
}

function fanOutTable(rows: Table['rows'], burst: number): Table {
  return {
    title: 'tenantEvents fan-out over graphql-ws',
    note: [
      `Every subscriber watches the same tenant; a burst of ${burst} webhooks (the documented Canopy examples in turn) is POSTed at once`,
      'to the first gateway, so each webhook is delivered to every subscriber. Latency: from just before a webhook\'s POST to the',
      'subscriber\'s receipt of its event, over all deliveries. Memory: read inside each gateway process over IPC (heap after a forced',
      'GC, and RSS), after all subscribers are live minus before the first one connected, divided by the subscribers; it includes',
      `each subscriber's WebSocket connection. ${canPin ? 'One gateway runs pinned to core 0 and the load generator to core 1; two gateways get a core each and the load generator shares them.' : 'No CPU pinning (taskset missing or one core).'}`,
    ].join(' '),
    columns: [
      'gateways',
      'subscribers',
      'deliveries expected',
      'received',
      'lost',
      'median ms',
      'p99 ms',
      'max ms',
      'heap KiB / subscriber',
      'RSS KiB / subscriber',
      'subscribe + warm-up s',
      'anomalies',
    ],
    rows,
  };
}
