import { randomBytes } from 'node:crypto';
import type { BenchOptions } from '../lib/options';
import { markdownTable, writeResults, type Table } from '../lib/report';
import { BENCH_REDIS_URL, deleteBenchKeys } from './bench-redis';
import { benchAuth } from '../lib/bench-auth';
import { allCores, pinThisProcess } from '../lib/cpu-pinning';
import { measureServer, type BroadcastPlan, type ServerFigures } from './broadcast';
import { startGatewayProcess, SUBSCRIBED_AGENCY } from './gateway-process';
import { PEER_NOTE } from './peer-note';
import { measureRetained } from './retained';
import { serverSetups } from './servers';
import { measureSlowSubscriber, type SlowSubscriberResult } from './slow-subscriber';
import { broadcastTable, memoryTable, retainedTable } from './tables';
import { runMixBenchmarks } from './mix/run-mix';

/**
 * graphql-ws fan-out of tenantEvents, beside the bare-ws floor measured the same way: the time to
 * broadcast one webhook and a burst to every subscriber, their idle memory and what it is made
 * of, and a client that stops reading. `--only memory` measures the memory tables alone and
 * prints them.
 */
export async function runSubscriptionBenchmarks(options: BenchOptions): Promise<void> {
  if (options.only === 'mix') return console.log((await runMixBenchmarks(options)).map(markdownTable).join('\n'));
  const memoryOnly = options.only === 'memory';
  const plan: BroadcastPlan = {
    subscribers: options.quick ? 1_000 : 10_000,
    burst: 20,
    singleRepetitions: memoryOnly ? 0 : options.quick ? 3 : 5,
    burstRepetitions: memoryOnly ? 0 : options.quick ? 2 : 3,
  };
  // A snapshot of 10,000 subscribers would pass V8's largest string once read back; the growth per subscriber is the same at 2,000.
  const snapshotSubscribers = options.quick ? 1_000 : 2_000;
  const slowBurst = options.quick ? 1_000 : 3_000;
  const setups = serverSetups(options.before, { twoGateways: !memoryOnly });
  const figures: ServerFigures[] = [];
  const tables: Table[] = [];
  try {
    for (const setup of setups) figures.push(await measureServer(setup, plan));
    const retained = await measureRetained(setups.find((setup) => !setup.floor)!, snapshotSubscribers);
    if (!memoryOnly) {
      tables.push(broadcastTable(figures, plan, PEER_NOTE), ...(await runMixBenchmarks(options)));
      console.log(`subscriptions: a client that stops reading during a burst of ${slowBurst}`);
    }
    tables.push(memoryTable(figures, plan.subscribers), retainedTable(retained));
    if (!memoryOnly) tables.push(slowSubscriberTable(await runSlowSubscriber(slowBurst), slowBurst));
  } finally {
    pinThisProcess(allCores());
    await deleteBenchKeys();
  }
  if (memoryOnly) console.log(tables.map(markdownTable).join('\n'));
  else writeResults(new URL('subscriptions.md', options.results), 'Subscriptions', tables, options.quick);
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
