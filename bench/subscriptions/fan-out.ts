import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AMARA } from '../../test/helpers/webhooks';
import type { GatewayProcess, MemorySample } from './gateway-process';
import { parseTag, postBurst } from './webhook-burst';
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

export interface FanOutOptions {
  /** Subscribers are spread over these in turn; webhooks go to the first. */
  gateways: GatewayProcess[];
  subscribers: number;
  /** Webhooks posted at once. */
  burst: number;
}

export interface FanOutResult {
  expected: number;
  received: number;
  duplicates: number;
  /** Protocol errors, GraphQL errors and unexpected closes, with the first reason. */
  problems: number;
  firstProblem: string | undefined;
  refusedWebhooks: number;
  /** Webhook POST to receipt, one per delivery, in ms. */
  latencies: number[];
  /** The gateways' growth (heap after GC, RSS) from before subscribing to after, over all subscribers. */
  heapPerSubscriber: number;
  rssPerSubscriber: number;
  subscribeSeconds: number;
}

const OPEN_CONCURRENCY = 100;
const WARM_UP_ATTEMPTS = 20;

/**
 * N tenantEvents subscribers for one tenant, each webhook fanned out to all of them. Before the
 * burst, warm-up webhooks are posted until every subscriber has one: graphql-ws does not
 * acknowledge a subscribe, and a subscriber that is not live yet would be counted lost.
 */
export async function measureFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const { gateways, subscribers: count, burst } = options;
  const run = randomUUID().slice(0, 8);
  const warmTag = `warm-${run}`;
  const burstTag = `burst-${run}`;
  const warmed = new Uint8Array(count);
  const seen = new Uint8Array(count * burst);
  const latencies: number[] = [];
  let sentAt: Float64Array = new Float64Array(burst);
  let warmCount = 0;
  let received = 0;
  let duplicates = 0;
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
    } else if (tag === burstTag) {
      const slot = subscriber * burst + index;
      if (seen[slot]) return void duplicates++;
      seen[slot] = 1;
      received++;
      latencies.push(at - (sentAt[index] ?? Number.NaN));
    }
  };

  const before = await Promise.all(gateways.map((gateway) => gateway.memory()));
  const sockets: WsSubscriber[] = [];
  const subscribeStarted = performance.now();
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
              query: TENANT_EVENTS,
              variables: { email: AMARA },
              onNext: onNext(index),
              onProblem: problem,
            }),
          );
        }
      }),
    );
    await warmUp(options, warmTag, () => warmCount === count, () => warmCount);
    const subscribeSeconds = (performance.now() - subscribeStarted) / 1000;
    const after = await Promise.all(gateways.map((gateway) => gateway.memory()));

    const expected = count * burst;
    const posted = postBurst(gateways[0]!.url, gateways[0]!.webhookSecret, burstTag, burst);
    sentAt = posted.sentAt;
    const refusedWebhooks = await posted.refused;
    await waitUntil(() => received + problems >= expected, { timeoutMs: 120_000, idleMs: 15_000, progress: () => received });
    return {
      expected,
      received,
      duplicates,
      problems,
      firstProblem,
      refusedWebhooks,
      latencies,
      heapPerSubscriber: growth(before, after, 'heapUsed') / count,
      rssPerSubscriber: growth(before, after, 'rss') / count,
      subscribeSeconds,
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

async function warmUp(options: FanOutOptions, tag: string, done: () => boolean, progress: () => number): Promise<void> {
  for (let attempt = 0; attempt < WARM_UP_ATTEMPTS && !done(); attempt++) {
    // A tag of its own per attempt: an identical body would be acknowledged as a repeat and not published.
    await postBurst(options.gateways[0]!.url, options.gateways[0]!.webhookSecret, `${tag}-a${attempt}`, 1).refused;
    if (await waitUntil(done, { timeoutMs: 30_000, idleMs: 3_000, progress })) return;
  }
  if (!done()) throw new Error(`warm-up: only ${progress()} of ${options.subscribers} subscribers became live`);
}

function growth(before: MemorySample[], after: MemorySample[], key: keyof MemorySample): number {
  return after.reduce((sum, sample, i) => sum + sample[key] - (before[i]?.[key] ?? 0), 0);
}
