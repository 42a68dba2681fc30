import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchAuth } from '../../lib/bench-auth';
import { waitUntil } from '../wait-until';
import type { MixGateway } from './gateways';
import { openWsSubscriber, type WsSubscriber } from '../ws-subscriber';
import { MIX_AGENCIES, matches, notification, operationOf, plan, tenants as makeTenants, type MixAgency, type Notification, type PlannedSubscription, type Tenant } from './population';
import { WebhookPoster, type Posted } from './poster';
import { slope } from './trend';

export interface MixOptions {
  /** Sockets are spread over these in turn, and so are webhooks: an event posted to one reaches subscribers on every one. */
  gateways: MixGateway[];
  authSecret: string;
  subscriptions: number;
  tenants: number;
  /** Webhooks a second, posted on a clock whatever the answers. */
  rate: number;
  seconds: number;
}

export interface GatewayFigures {
  cpuShare: number;
  rssStart: number;
  rssEnd: number;
  rssMax: number;
  /** Of RSS over the run, bytes a second, and its standard error. */
  rssSlope: { slope: number; standardError: number };
  heapSlope: { slope: number; standardError: number };
  /** Heap after GC: before the first socket, once every subscription is live, and after the run. */
  heapBefore: number;
  heapIdle: number;
  heapAfter: number;
}

export interface MixResult {
  sockets: number;
  subscriptions: number;
  webhooks: number;
  /** Webhooks not answered 200 `stored`, with the first answer. */
  refused: number;
  firstRefusal: string | undefined;
  expected: number;
  received: number;
  duplicates: number;
  /** Events on a subscription they do not match (another agency's, another tenant's, another subject's), or that no webhook of the run made. */
  misdelivered: number;
  firstMisdelivery: string | undefined;
  problems: number;
  firstProblem: string | undefined;
  /** POST to receipt, ms, over the subscriptions that kept reading. */
  latencies: number[];
  /** Of those latencies, the ones of replayed (`after`) subscriptions are not included: they were sent before subscribing. */
  slowDeliveries: number;
  gateways: GatewayFigures[];
  clientCpuShare: number;
  achievedRate: number;
}

type Phase = 'cursor' | 'history' | 'warm' | 'run';
interface Sent extends Posted {
  phase: Phase;
}
interface Receipt {
  subscription: number;
  eventId: string;
  at: number;
}

const OPEN_CONCURRENCY = 100;
const WARM_UP_ROUNDS = 6;
const CANOPY_EVERY = 20;
const SLOW_EVERY = 100;
const SLOW_PAUSE_MS = 3_000;
const DRAIN_IDLE_MS = 5_000;
const LEAD_IN_MS = 5_000;

/**
 * The realistic mix: sockets across both sandbox agencies and many tenants, each with one to
 * three subscriptions of several kinds (some replaying from a cursor), 1% of sockets pausing
 * their reads for seconds at a time, while webhooks are posted on a clock. What every
 * subscription should get is computed from the webhooks the gateways acknowledged.
 */
export async function measureMix(options: MixOptions): Promise<MixResult> {
  const { gateways } = options;
  const run = randomUUID().slice(0, 8);
  const all = makeTenants(run, options.tenants);
  const poster = new WebhookPoster(gateways);
  const sent: Sent[] = [];
  let sequence = 0;
  const post = async (tenant: Tenant, phase: Phase, kind: 'reposit' | 'canopy' = 'reposit') => {
    const unique = sequence++;
    const posted = await poster.post(notification(kind, unique, tenant, run), unique % gateways.length);
    sent.push({ ...posted, phase });
    return posted;
  };
  const sockets: WsSubscriber[] = [];
  try {
    // A cursor per agency, then history after it: what the `after` subscriptions replay before going live.
    const cursors = {} as Record<MixAgency, string>;
    for (const agency of MIX_AGENCIES) {
      const answer = await poster.post(notification('reposit', sequence++, all.find((tenant) => tenant.agency === agency)!, run), 0);
      if (!answer.eventId) throw new Error(`mix: the cursor webhook for ${agency} was not stored (${answer.outcome})`);
      sent.push({ ...answer, phase: 'cursor' });
      cursors[agency] = answer.eventId;
    }
    await inBatches(all.slice(0, Math.min(all.length, 400)), (tenant) => post(tenant, 'history'));
    for (let k = 0; k < 3; k++) await post(all[0]!, 'history', 'canopy');

    const planned = plan(all, options.subscriptions, cursors);
    const subscriptions: PlannedSubscription[] = planned.flat();
    const firstOf: number[] = [];
    planned.reduce((offset, group, socket) => ((firstOf[socket] = offset), offset + group.length), 0);
    const receipts: Receipt[] = [];
    const live = new Uint8Array(subscriptions.length);
    let liveCount = 0;
    let problems = 0;
    let firstProblem: string | undefined;
    const problem = (reason: string) => {
      problems++;
      firstProblem ??= reason;
    };
    const tokens = Object.fromEntries(
      await Promise.all(MIX_AGENCIES.map(async (agency) => [agency, (await benchAuth(agency, ['read'], options.authSecret)).headers.authorization] as const)),
    ) as Record<MixAgency, string>;

    const heapBefore = await Promise.all(gateways.map((gateway) => gateway.memory(true)));
    let next = 0;
    await Promise.all(
      Array.from({ length: OPEN_CONCURRENCY }, async () => {
        while (next < planned.length) {
          const socket = next++;
          const group = planned[socket]!;
          const base = firstOf[socket]!;
          const gateway = gateways[socket % gateways.length]!;
          sockets[socket] = await openWsSubscriber({
            url: gateway.url,
            connectionParams: { authorization: tokens[group[0]!.agency] },
            subscriptions: group.map(operationOf),
            onNext: (data, id) => {
              const at = performance.now();
              const payload = data as { data?: { e?: { id?: string } }; errors?: unknown };
              const eventId = payload.data?.e?.id;
              if (eventId === undefined || payload.errors) return problem(`next: ${JSON.stringify(data).slice(0, 300)}`);
              const subscription = base + Number(id) - 1;
              if (!live[subscription]) {
                live[subscription] = 1;
                liveCount++;
              }
              receipts.push({ subscription, eventId, at });
            },
            onProblem: problem,
          });
        }
      }),
    );

    console.log(`subscriptions mix: ${planned.length} sockets open`);
    // graphql-ws does not acknowledge a subscribe: post to each tenant until each subscription has had an event.
    const tenantOf = new Map(all.map((tenant) => [`${tenant.agency}|${tenant.email}`, tenant]));
    for (let round = 0; round < WARM_UP_ROUNDS && liveCount < subscriptions.length; round++) {
      const waiting = new Set<Tenant>();
      let canopy = false;
      subscriptions.forEach((subscription, index) => {
        if (live[index]) return;
        const interest = subscription.interest;
        const tenant = interest.field === 'tenantEvents' ? tenantOf.get(`${subscription.agency}|${interest.email}`) : undefined;
        if (tenant) waiting.add(tenant);
        else if (interest.field === 'repositEvents') waiting.add(all.find((t) => t.agency === subscription.agency && (interest.repositId === undefined || t.repositId === interest.repositId))!);
        else canopy = true;
      });
      await inBatches([...waiting], (tenant) => post(tenant, 'warm'));
      // Three in a row: one of each Canopy shape, for each kind of Canopy subscription.
      if (canopy) for (let k = 0; k < 3; k++) await post(all[0]!, 'warm', 'canopy');
      await waitUntil(() => liveCount === subscriptions.length, { timeoutMs: 15_000, idleMs: 3_000, progress: () => liveCount });
    }
    if (liveCount < subscriptions.length) throw new Error(`mix warm-up: only ${liveCount} of ${subscriptions.length} subscriptions became live`);
    console.log(`subscriptions mix: every subscription live; ${options.rate} webhooks/s for ${options.seconds} s`);
    await sleep(1_000);
    const heapIdle = await Promise.all(gateways.map((gateway) => gateway.memory(true)));

    const answers: Array<Promise<Posted>> = [];
    let posted = 0;
    /** Webhooks on a clock at the run's rate for `durationMs`, with `tick` between them; returns when it started. */
    const postOnClock = async (durationMs: number, phase: Phase, tick: (now: number, started: number) => void = () => undefined) => {
      const started = performance.now();
      const first = posted;
      for (let now = started; now - started < durationMs; now = performance.now()) {
        const due = first + Math.floor(((now - started) * options.rate) / 1000);
        while (posted < due) {
          // Spread over the tenants in a stride, so consecutive webhooks are about different tenants.
          answers.push(post(all[(posted * 7919) % all.length]!, phase, posted % CANOPY_EVERY === 0 ? 'canopy' : 'reposit'));
          posted++;
        }
        tick(now, started);
        await sleep(2);
      }
      return started;
    };
    // The load before the run is measured: the collection just forced shrank the heap, and its regrowth to the load's size is not the run's.
    await postOnClock(LEAD_IN_MS, 'warm');
    const leadIn = posted;

    // The run: webhooks on a clock, usage every second, slow readers pausing.
    const slowSockets = sockets.filter((_, socket) => socket % SLOW_EVERY === SLOW_EVERY / 2);
    const slowSubscriptions = new Set<number>();
    planned.forEach((group, socket) => {
      if (socket % SLOW_EVERY === SLOW_EVERY / 2) group.forEach((_, k) => slowSubscriptions.add(firstOf[socket]! + k));
    });
    const samples: Array<{ t: number; rss: number[] }> = [];
    const heapSamples: Array<{ t: number; heap: number[] }> = [];
    let heapPending = false;
    const cpuStart = gateways.map((gateway) => gateway.cpuSeconds());
    const clientCpuStart = process.cpuUsage();
    let paused = false;
    let nextToggle = SLOW_PAUSE_MS;
    let nextSample = 0;
    const runStarted = await postOnClock(options.seconds * 1000, 'run', (now, started) => {
      const t = now - started;
      if (t >= nextToggle) {
        paused = !paused;
        for (const socket of slowSockets) paused ? socket.pause() : socket.resume();
        nextToggle += SLOW_PAUSE_MS;
      }
      if (t >= nextSample) {
        nextSample += 1000;
        samples.push({ t, rss: gateways.map((gateway) => gateway.rss()) });
        // The heap over IPC, one request at a time: a gateway whose event loop lags answers late, and that lag is not a sample to stack up.
        if (!heapPending) {
          heapPending = true;
          Promise.all(gateways.map((gateway) => gateway.memory(false)))
            .then((memory) => heapSamples.push({ t, heap: memory.map((m) => m.heapUsed) }), () => undefined)
            .finally(() => (heapPending = false));
        }
      }
    });
    const runPosted = posted - leadIn;
    const wall = (performance.now() - runStarted) / 1000;
    const cpuShares = gateways.map((gateway, i) => (gateway.cpuSeconds() - cpuStart[i]!) / wall);
    const clientCpu = process.cpuUsage(clientCpuStart);
    for (const socket of slowSockets) socket.resume();
    await Promise.all(answers);

    // What each subscription must get, from what the gateways acknowledged.
    const byEvent = new Map<string, Sent>();
    for (const posted of sent) if (posted.eventId) byEvent.set(`${posted.notification.agency}|${posted.eventId}`, posted);
    const index = subscriptionIndex(subscriptions);
    const expectedOf = new Set<string>();
    for (const posted of sent) {
      if (!posted.eventId || (posted.phase !== 'run' && posted.phase !== 'history')) continue;
      for (const subscription of candidates(index, posted.notification)) {
        const planned = subscriptions[subscription]!;
        if (!matches(planned, posted.notification)) continue;
        if (posted.phase === 'history' && planned.after === undefined) continue;
        expectedOf.add(`${subscription}|${posted.eventId}`);
      }
    }
    const countReceived = () => {
      let found = 0;
      const seen = new Set<string>();
      for (const receipt of receipts) {
        const key = `${receipt.subscription}|${receipt.eventId}`;
        if (expectedOf.has(key) && !seen.has(key)) (seen.add(key), found++);
      }
      return found;
    };
    await waitUntil(() => countReceived() >= expectedOf.size, { timeoutMs: 60_000, idleMs: DRAIN_IDLE_MS, progress: () => receipts.length });
    const heapAfter = await Promise.all(gateways.map((gateway) => gateway.memory(true)));

    const seen = new Set<string>();
    const latencies: number[] = [];
    let duplicates = 0;
    let misdelivered = 0;
    let firstMisdelivery: string | undefined;
    let slowDeliveries = 0;
    for (const receipt of receipts) {
      const planned = subscriptions[receipt.subscription]!;
      const key = `${receipt.subscription}|${receipt.eventId}`;
      const posted = byEvent.get(`${planned.agency}|${receipt.eventId}`);
      if (!posted || !matches(planned, posted.notification)) {
        misdelivered++;
        firstMisdelivery ??= `event ${receipt.eventId} on ${JSON.stringify(planned)}${posted ? ` from ${JSON.stringify({ agency: posted.notification.agency, email: posted.notification.email, subject: posted.notification.subjectId })}` : ' (no webhook of the run made it)'}`;
        continue;
      }
      if (!expectedOf.has(key)) continue; // a warm-up event, or history a live-only subscription never asked for
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      if (slowSubscriptions.has(receipt.subscription)) slowDeliveries++;
      else if (posted.phase === 'run') latencies.push(receipt.at - posted.sentAt);
    }
    const refusals = sent.filter((posted) => posted.outcome !== 'stored');
    return {
      sockets: planned.length,
      subscriptions: subscriptions.length,
      webhooks: runPosted,
      refused: refusals.length,
      firstRefusal: refusals[0]?.outcome,
      expected: expectedOf.size,
      received: seen.size,
      duplicates,
      misdelivered,
      firstMisdelivery,
      problems,
      firstProblem,
      latencies,
      slowDeliveries,
      gateways: gateways.map((_, i) => {
        const rss = samples.map((s) => s.rss[i]!);
        const times = samples.map((s) => s.t / 1000);
        return {
          cpuShare: cpuShares[i]!,
          rssStart: rss[0] ?? Number.NaN,
          rssEnd: rss.at(-1) ?? Number.NaN,
          rssMax: Math.max(...rss),
          rssSlope: slope(times, rss),
          heapSlope: slope(heapSamples.map((s) => s.t / 1000), heapSamples.map((s) => s.heap[i]!)),
          heapBefore: heapBefore[i]!.heapUsed,
          heapIdle: heapIdle[i]!.heapUsed,
          heapAfter: heapAfter[i]!.heapUsed,
        };
      }),
      clientCpuShare: (clientCpu.user + clientCpu.system) / 1e6 / wall,
      achievedRate: runPosted / wall,
    };
  } finally {
    for (const socket of sockets) socket?.close();
    await poster.close();
  }
}

/** Runs `work` over `items`, a few dozen at a time. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<unknown>, concurrency = 32): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** Subscriptions by what they watch, so each webhook is checked against the few that may match it rather than all. */
function subscriptionIndex(subscriptions: PlannedSubscription[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  subscriptions.forEach((subscription, n) => {
    const interest = subscription.interest;
    const key = `${subscription.agency}|${interest.field}|${'email' in interest ? interest.email : 'repositId' in interest ? (interest.repositId ?? '*') : 'canopyReferenceId' in interest ? interest.canopyReferenceId : '*'}`;
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    list.push(n);
  });
  return index;
}

function candidates(index: Map<string, number[]>, sent: Notification): number[] {
  const keys = [`${sent.agency}|tenantEvents|${sent.email}`, `${sent.agency}|repositEvents|${sent.subjectId}`, `${sent.agency}|repositEvents|*`, `${sent.agency}|passportStatusChanged|${sent.subjectId}`, `${sent.agency}|referencingRequestStatusChanged|*`];
  return keys.flatMap((key) => index.get(key) ?? []);
}
