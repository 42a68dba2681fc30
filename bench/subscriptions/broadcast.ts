import { allCores, pinThisProcess } from '../lib/cpu-pinning';
import { median } from '../lib/stats';
import { growthPerSubscriber, openAudience, type BroadcastResult } from './fan-out';
import type { ServerSetup } from './servers';

export interface BroadcastPlan {
  subscribers: number;
  burst: number;
  /** Timed repetitions of one webhook and of a burst, after one untimed burst. 0 measures memory only. */
  singleRepetitions: number;
  burstRepetitions: number;
}

/** One server setup's figures: broadcasts to the same live subscribers, and their idle memory. */
export interface ServerFigures {
  setup: ServerSetup;
  single: BroadcastResult[];
  bursts: BroadcastResult[];
  heapPerSubscriber: number;
  rssPerSubscriber: number;
  subscribeSeconds: number;
}

/**
 * Starts the setup's servers, opens the subscribers (spread over the servers), reads the idle
 * memory, then times repeated broadcasts to those same subscribers; fresh processes per setup,
 * so one setup's garbage does not weigh on the next.
 */
export async function measureServer(setup: ServerSetup, plan: BroadcastPlan): Promise<ServerFigures> {
  console.log(`subscriptions: ${setup.label}, ${plan.subscribers.toLocaleString('en')} subscribers`);
  const servers = await setup.start();
  try {
    pinThisProcess(setup.loadCores);
    const audience = await openAudience({ gateways: servers, subscribers: plan.subscribers, webhooksToEach: setup.floor });
    try {
      const single: BroadcastResult[] = [];
      const bursts: BroadcastResult[] = [];
      if (plan.singleRepetitions + plan.burstRepetitions > 0) await audience.broadcast(plan.burst);
      for (let i = 0; i < plan.singleRepetitions; i++) single.push(await audience.broadcast(1));
      for (let i = 0; i < plan.burstRepetitions; i++) bursts.push(await audience.broadcast(plan.burst));
      return {
        setup,
        single,
        bursts,
        heapPerSubscriber: growthPerSubscriber(audience, 'heapUsed', plan.subscribers),
        rssPerSubscriber: growthPerSubscriber(audience, 'rss', plan.subscribers),
        subscribeSeconds: audience.subscribeSeconds,
      };
    } finally {
      audience.close();
    }
  } finally {
    pinThisProcess(allCores());
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** The median time to the last delivery over repetitions. */
export function medianLastDelivery(results: BroadcastResult[]): number {
  return median(results.map((result) => result.lastDeliveryMs));
}
