import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { AMARA } from '../../test/helpers/webhooks';
import type { GatewayProcess, MemorySample } from './gateway-process';
import { parseTag, postBurst, type Burst } from './webhook-burst';
import { waitUntil } from './wait-until';
import { openWsSubscriber, type WsSubscriber } from './ws-subscriber';

/** Every field a Canopy event carries itself: nothing here calls a vendor, so the fan-out is what is measured. */
export const TENANT_EVENTS = /* GraphQL */ `
  subscription BenchTenantEvents($email: String!) {
    tenantEvents(email: $email) {
      __typename
      ... on VendorEvent { id receivedAt }
      ... on RequestStatusEvent { clientReferenceId status }
      ... on PassportStatusEvent { clientReferenceId globalStatus }
      ... on PassportNoteEvent { clientReferenceId noteType note }
      ... on ReferencingCompletedEvent { clientReferenceId }
    }
  }
`;

export interface AudienceOptions {
  /** Subscribers are spread over these in turn; webhooks go to the first, or to each when `webhooksToEach`. */
  gateways: GatewayProcess[];
  subscribers: number;
  /** Servers that share no events (floors): each is sent every webhook, for its own subscribers. */
  webhooksToEach?: boolean;
}

export interface BroadcastResult {
  expected: number;
  received: number;
  duplicates: number;
  /** Protocol errors, GraphQL errors and unexpected closes, with the first reason. */
  problems: number;
  firstProblem: string | undefined;
  refusedWebhooks: number;
  /** Webhook POST to receipt, one per delivery, in ms. */
  latencies: number[];
  /** From just before the first POST to the last delivery, in ms. */
  lastDeliveryMs: number;
}

/** N live tenantEvents subscribers of one tenant, to post webhooks to again and again. */
export interface Audience {
  /** Each gateway's heap (after GC) and RSS before the first subscriber connected, and once all were live. */
  before: MemorySample[];
  after: MemorySample[];
  subscribeSeconds: number;
  /** Posts `burst` webhooks at once and waits until every subscriber has every one (or gives up). */
  broadcast(burst: number): Promise<BroadcastResult>;
  close(): void;
}

const OPEN_CONCURRENCY = 100;
const WARM_UP_ATTEMPTS = 20;
const PRIMER_GONE_MS = 1_000;

interface Round {
  tag: string;
  burst: number;
  seen: Uint8Array;
  sentAt: Float64Array;
  latencies: number[];
  received: number;
  duplicates: number;
  lastAt: number;
}

/**
 * Opens N subscribers for one tenant, then posts warm-up webhooks until every subscriber has one:
 * graphql-ws does not acknowledge a subscribe, and a subscriber that is not live yet would be
 * counted lost. The memory figures are taken once the warm-up event is delivered, with nothing in
 * flight, from a baseline taken after the gateways were primed (`primeGateways`).
 */
export async function openAudience(options: AudienceOptions): Promise<Audience> {
  await primeGateways(options.gateways, options.webhooksToEach);
  return openSubscribers(options);
}

/**
 * One subscriber per gateway, subscribed, sent an event and gone again. What a gateway loads and
 * compiles on its first subscription and first event (modules and their source maps, optimised
 * code: about 15 MB) then sits in the baseline, instead of being counted as every subscriber's.
 */
export async function primeGateways(gateways: GatewayProcess[], webhooksToEach?: boolean): Promise<void> {
  const primers = await openSubscribers({ gateways, subscribers: gateways.length, webhooksToEach });
  primers.close();
  // The baseline is taken once each gateway has seen its primer go: until then it still holds its subscription.
  await sleep(PRIMER_GONE_MS);
}

async function openSubscribers(options: AudienceOptions): Promise<Audience> {
  const { gateways, subscribers: count } = options;
  const run = randomUUID().slice(0, 8);
  const warmTag = `warm-${run}`;
  const warmed = new Uint8Array(count);
  let warmCount = 0;
  let round: Round | undefined;
  let rounds = 0;
  let problems = 0;
  let firstProblem: string | undefined;

  const problem = (reason: string) => {
    problems++;
    firstProblem ??= reason;
  };
  const onNext = (subscriber: number) => (data: unknown) => {
    const payload = data as { data?: { tenantEvents?: { clientReferenceId?: string } }; errors?: unknown[] };
    const reference = payload.data?.tenantEvents?.clientReferenceId;
    if (payload.errors || !reference) return problem(`next: ${JSON.stringify(data).slice(0, 300)}`);
    const at = performance.now();
    const { tag, index } = parseTag(reference);
    if (tag.startsWith(warmTag)) {
      if (!warmed[subscriber]) warmCount++;
      warmed[subscriber] = 1;
    } else if (round && tag === round.tag) {
      const slot = subscriber * round.burst + index;
      if (round.seen[slot]) return void round.duplicates++;
      round.seen[slot] = 1;
      round.received++;
      round.latencies.push(at - (round.sentAt[index] ?? Number.NaN));
      round.lastAt = at;
    }
  };

  const before = await Promise.all(gateways.map((gateway) => gateway.memory()));
  const sockets: WsSubscriber[] = [];
  const subscribeStarted = performance.now();
  const close = () => {
    for (const socket of sockets) socket.close();
  };
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(OPEN_CONCURRENCY, count) }, async () => {
        while (next < count) {
          const index = next++;
          const gateway = gateways[index % gateways.length]!;
          sockets.push(
            await openWsSubscriber({
              url: gateway.url,
              connectionParams: gateway.connectionParams,
              subscriptions: [{ query: TENANT_EVENTS, variables: { email: AMARA } }],
              onNext: onNext(index),
              onProblem: problem,
            }),
          );
        }
      }),
    );
    await warmUp(options, warmTag, () => warmCount === count, () => warmCount);
  } catch (error) {
    close();
    throw error;
  }
  const subscribeSeconds = (performance.now() - subscribeStarted) / 1000;
  const after = await Promise.all(gateways.map((gateway) => gateway.memory()));

  const broadcast = async (burst: number): Promise<BroadcastResult> => {
    const expected = count * burst;
    const problemsBefore = problems;
    const current: Round = { tag: `burst-${run}-r${rounds++}`, burst, seen: new Uint8Array(expected), sentAt: new Float64Array(burst), latencies: [], received: 0, duplicates: 0, lastAt: Number.NaN };
    round = current;
    const posted = postTo(options, current.tag, burst);
    current.sentAt = posted.sentAt;
    const refusedWebhooks = await posted.refused;
    await waitUntil(() => current.received + problems - problemsBefore >= expected, { timeoutMs: 120_000, idleMs: 15_000, progress: () => current.received });
    return {
      expected,
      received: current.received,
      duplicates: current.duplicates,
      problems: problems - problemsBefore,
      firstProblem,
      refusedWebhooks,
      latencies: current.latencies,
      lastDeliveryMs: current.lastAt - Math.min(...current.sentAt),
    };
  };
  return { before, after, subscribeSeconds, broadcast, close };
}

async function warmUp(options: AudienceOptions, tag: string, done: () => boolean, progress: () => number): Promise<void> {
  for (let attempt = 0; attempt < WARM_UP_ATTEMPTS && !done(); attempt++) {
    // A tag of its own per attempt: an identical body would be acknowledged as a repeat and not published.
    await postTo(options, `${tag}-a${attempt}`, 1).refused;
    if (await waitUntil(done, { timeoutMs: 30_000, idleMs: 3_000, progress })) return;
  }
  if (!done()) throw new Error(`warm-up: only ${progress()} of ${options.subscribers} subscribers became live`);
}

/** A burst posted to the first gateway, or to each; timed from the first POST of each webhook. */
function postTo(options: AudienceOptions, tag: string, count: number): Burst {
  const targets = options.webhooksToEach ? options.gateways : options.gateways.slice(0, 1);
  const bursts = targets.map((gateway) => postBurst(gateway.url, gateway.webhookSecret, tag, count));
  return { sentAt: bursts[0]!.sentAt, refused: Promise.all(bursts.map((burst) => burst.refused)).then((refused) => refused.reduce((a, b) => a + b, 0)) };
}

/** The growth of one memory figure over every gateway, per subscriber. */
export function growthPerSubscriber(audience: Audience, key: keyof MemorySample, subscribers: number): number {
  return audience.after.reduce((sum, sample, i) => sum + sample[key] - (audience.before[i]?.[key] ?? 0), 0) / subscribers;
}
