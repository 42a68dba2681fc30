import { canPin } from '../lib/cpu-pinning';
import type { Table } from '../lib/report';
import { ms, quantile } from '../lib/stats';
import { medianLastDelivery, type BroadcastPlan, type ServerFigures } from './broadcast';
import type { BroadcastResult } from './fan-out';
import type { RetainedBreakdown } from './retained';

const count = (value: number) => value.toLocaleString('en');
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (value: number, floor: number) => (Number.isFinite(value) && floor > 0 ? `${(value / floor).toFixed(2)}×` : '–');
const PINNING = canPin
  ? 'One server runs pinned to core 0 and the load generator (one process) to core 1; two servers get a core each and the load generator shares them.'
  : 'No CPU pinning (taskset missing or one core).';

export function broadcastTable(figures: ServerFigures[], plan: BroadcastPlan, peerNote: string): Table {
  /** Each row is divided by the floor on as many servers, which shares the cores with the load generator as the row does. */
  const floorOf = (servers: number) => figures.find((figure) => figure.setup.floor && figure.setup.servers === servers);
  const ratioCell = (figure: ServerFigures, of: (figure: ServerFigures) => number) => {
    const floor = floorOf(figure.setup.servers);
    const oneServer = floorOf(1);
    if (!floor) return '–';
    if (figure !== floor) return ratio(of(figure), of(floor));
    return figure === oneServer || !oneServer ? '1.00× (floor)' : `1.00× (floor; ${ratio(of(figure), of(oneServer))} one server's)`;
  };
  return {
    title: `Broadcast to ${count(plan.subscribers)} graphql-ws subscribers of one tenant`,
    note: [
      `Every subscriber watches the same tenant over graphql-transport-ws, with the same client harness for every row. Time from just before`,
      `the (first) webhook POST to the last subscriber's receipt, median of ${plan.singleRepetitions} repetitions of one webhook and of`,
      `${plan.burstRepetitions} bursts of ${plan.burst} posted at once, to the same live subscribers after one untimed burst; the ratio is to the`,
      'bare-ws floor of the same run on as many servers: a `ws` server that answers any POST by sending one prebuilt `next` message (the bytes the gateway',
      'sends for that event) to every socket. Two gateways: subscribers split between them, webhooks posted to the first. Two floor servers:',
      'subscribers split between them, each webhook posted to both (they share nothing); on two shared cores the load generator competes with',
      'both servers, so that floor can come out faster or slower than one server\'s.',
      `p50 and p99 are per delivery (POST to receipt) over every burst. ${PINNING} Peer: ${peerNote}`,
    ].join(' '),
    columns: [
      'server',
      '1 webhook: last delivery ms',
      'ratio (goal ≤ 1.3×)',
      `burst of ${plan.burst}: last delivery ms`,
      'ratio (goal ≤ 1.5×)',
      'burst p50 ms',
      'burst p99 ms',
      'lost',
      'duplicates',
      'anomalies',
    ],
    rows: figures.map((figure) => {
      const single = medianLastDelivery(figure.single);
      const burst = medianLastDelivery(figure.bursts);
      const all = [...figure.single, ...figure.bursts];
      const latencies = figure.bursts.flatMap((result) => result.latencies);
      return [
        figure.setup.label,
        ms(single),
        ratioCell(figure, (of) => medianLastDelivery(of.single)),
        ms(burst),
        ratioCell(figure, (of) => medianLastDelivery(of.bursts)),
        ms(quantile(latencies, 0.5)),
        ms(quantile(latencies, 0.99)),
        count(sum(all, (result) => result.expected - result.received)),
        count(sum(all, (result) => result.duplicates)),
        anomalies(all),
      ];
    }),
  };
}

export function memoryTable(figures: ServerFigures[], subscribers: number): Table {
  return {
    title: `Memory per idle subscriber, ${count(subscribers)} subscribers`,
    note: [
      `Read inside each server process over IPC (heap after a forced GC, and RSS): once ${count(subscribers)} subscribers are connected,`,
      'subscribed and have had one warm-up event, with nothing in flight, minus before the first connected, divided by the subscribers.',
      'The baseline is taken once one subscriber per server has subscribed, had an event and gone, so that what a server loads and compiles once is not counted per subscriber.',
      "It includes each subscriber's WebSocket connection. The floor's row is a bare `ws` connection, for reference. Goal: at most 10 KiB of heap per subscriber.",
    ].join(' '),
    columns: ['server', 'heap KiB / subscriber', 'RSS KiB / subscriber', 'heap goal ≤ 10 KiB', 'subscribe + warm-up s'],
    rows: figures.map((figure) => [
      figure.setup.label,
      kib(figure.heapPerSubscriber),
      kib(figure.rssPerSubscriber),
      figure.setup.floor ? 'reference' : figure.heapPerSubscriber <= 10 * 1024 ? 'met' : 'not met',
      figure.subscribeSeconds.toFixed(1),
    ]),
  };
}

const TOP_KINDS = 15;

export function retainedTable(breakdown: RetainedBreakdown): Table {
  const total = breakdown.kinds.reduce((sum, kind) => sum + kind.selfSize, 0);
  return {
    title: `What an idle subscriber costs: heap growth by constructor, ${breakdown.label}`,
    note: [
      `Two V8 heap snapshots of the server (each after a forced GC): before the first subscriber connected (once primed, as above) and once ${count(breakdown.subscribers)}`,
      'were connected, subscribed and had one warm-up event. Per constructor (objects and closures by name, other nodes by type in',
      `parentheses): the growth in count and in self size, divided by the subscribers; top ${TOP_KINDS} by self size, of ${kib(total)} KiB in all.`,
    ].join(' '),
    columns: ['constructor', 'objects / subscriber', 'self bytes / subscriber', 'share'],
    rows: breakdown.kinds
      .slice(0, TOP_KINDS)
      .map((kind) => [`\`${kind.name || '(anonymous)'}\``.replaceAll('|', '\\|'), kind.count.toFixed(1), Math.round(kind.selfSize), `${((kind.selfSize / total) * 100).toFixed(1)}%`]),
  };
}

function sum(results: BroadcastResult[], of: (result: BroadcastResult) => number): number {
  return results.reduce((total, result) => total + of(result), 0);
}

/** Refused webhooks and protocol problems: each should be none, and is shown when it is not. */
function anomalies(results: BroadcastResult[]): string {
  const refused = sum(results, (result) => result.refusedWebhooks);
  const problems = sum(results, (result) => result.problems);
  const first = results.find((result) => result.firstProblem)?.firstProblem;
  const found = [refused > 0 ? `${refused} webhooks refused` : '', problems > 0 ? `${problems} problems (first: ${first ?? '?'})` : ''].filter(Boolean);
  return found.length > 0 ? found.join('; ').replaceAll('|', '\\|') : 'none';
}
