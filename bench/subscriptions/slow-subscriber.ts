import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AMARA } from '../../test/helpers/webhooks';
import { TENANT_EVENTS } from './fan-out';
import type { GatewayProcess } from './gateway-process';
import { waitUntil } from './wait-until';
import { parseTag, postBurst } from './webhook-burst';
import { openWsSubscriber, type WsSubscriber } from './ws-subscriber';

export interface SlowSubscriberOptions {
  gateway: GatewayProcess;
  /** Webhooks posted while the slow client does not read. */
  burst: number;
  /** Subscriptions on the slow client's one socket: enough bytes to fill the socket's buffers, so the gateway's writes wait. */
  operations: number;
}

export interface SlowSubscriberResult {
  expected: number;
  received: number;
  duplicates: number;
  /** What the client that kept reading got meanwhile, of `burst`. */
  readerReceived: number;
  gatewayAlive: boolean;
}

/**
 * A client that stops reading its socket during a burst, as a phone in a tunnel does, then
 * reads again: every event must still reach each of its subscriptions, once, and the gateway
 * must keep serving the client that did read.
 */
export async function measureSlowSubscriber(options: SlowSubscriberOptions): Promise<SlowSubscriberResult> {
  const { gateway, burst, operations } = options;
  const run = randomUUID().slice(0, 8);
  const warmTag = `warm-${run}`;
  const burstTag = `burst-${run}`;
  const slowSeen = new Uint8Array(operations * burst);
  const slowWarm = new Set<string>();
  const readerSeen = new Uint8Array(burst);
  let readerWarm = false;
  let received = 0;
  let duplicates = 0;
  let readerReceived = 0;

  const tagOf = (data: unknown) => {
    const reference = (data as { data?: { tenantEvents?: { clientReferenceId?: string } } }).data?.tenantEvents?.clientReferenceId;
    return reference ? parseTag(reference) : undefined;
  };
  const sockets: WsSubscriber[] = [];
  try {
    const common = { url: gateway.url, connectionParams: gateway.connectionParams, onProblem: () => undefined };
    const subscription = { query: TENANT_EVENTS, variables: { email: AMARA } };
    sockets.push(
      await openWsSubscriber({
        ...common,
        subscriptions: [subscription],
        onNext: (data) => {
          const tag = tagOf(data);
          if (tag?.tag.startsWith(warmTag)) readerWarm = true;
          else if (tag?.tag === burstTag && !readerSeen[tag.index]) {
            readerSeen[tag.index] = 1;
            readerReceived++;
          }
        },
      }),
    );
    const slow = await openWsSubscriber({
      ...common,
      subscriptions: Array.from({ length: operations }, () => subscription),
      onNext: (data, id) => {
        const tag = tagOf(data);
        if (tag?.tag.startsWith(warmTag)) slowWarm.add(id);
        else if (tag?.tag === burstTag) {
          const slot = (Number(id) - 1) * burst + tag.index;
          if (slowSeen[slot]) return void duplicates++;
          slowSeen[slot] = 1;
          received++;
        }
      },
    });
    sockets.push(slow);

    const live = () => readerWarm && slowWarm.size === operations;
    for (let attempt = 0; attempt < 20 && !live(); attempt++) {
      await postBurst(gateway.url, gateway.webhookSecret, `${warmTag}-a${attempt}`, 1).refused;
      await waitUntil(live, { timeoutMs: 10_000, idleMs: 3_000, progress: () => slowWarm.size });
    }
    if (!live()) throw new Error('slow subscriber: its subscriptions did not become live');

    slow.pause();
    await postBurst(gateway.url, gateway.webhookSecret, burstTag, burst).refused;
    await waitUntil(() => readerReceived === burst, { timeoutMs: 60_000, idleMs: 10_000, progress: () => readerReceived });
    // Let the gateway's writes to the slow client back up for a while before it reads again.
    await sleep(1_000);
    slow.resume();
    const expected = operations * burst;
    await waitUntil(() => received === expected, { timeoutMs: 120_000, idleMs: 10_000, progress: () => received });
    return { expected, received, duplicates, readerReceived, gatewayAlive: gateway.alive() };
  } finally {
    for (const socket of sockets) socket.close();
  }
}
