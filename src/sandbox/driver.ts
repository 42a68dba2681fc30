import type { ActiveSimulator } from './vendor-simulator';
import { deliverWebhook, type DeliveryPolicy } from './webhook-delivery';

export interface SandboxDriverOptions {
  simulators: ActiveSimulator[];
  /** Time between two steps of simulated activity. @default 3000 */
  intervalMs?: number;
  delivery?: Partial<DeliveryPolicy>;
  log?: (line: string) => void;
}

export interface SandboxDriver {
  /** Takes one step at once and delivers its notifications; resolves when they are all delivered or given up. */
  step(): Promise<void>;
  start(): void;
  /** Stops stepping and waits for deliveries under way. */
  stop(): Promise<void>;
  readonly stats: { delivered: number; failed: number };
}

/**
 * Plays the vendors' side of webhooks: every interval each active simulator moves one renter or
 * tenant on, and the driver delivers the resulting notifications with the vendor's retry rules.
 */
export function createSandboxDriver(options: SandboxDriverOptions): SandboxDriver {
  const stats = { delivered: 0, failed: 0 };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;

  async function step(): Promise<void> {
    const deliveries = options.simulators.flatMap((simulator) => simulator.advance());
    // In order, as a vendor's queue would send them: a passport section before the report it completes.
    for (const delivery of deliveries) {
      const outcome = await deliverWebhook(delivery, options.delivery);
      if (outcome.delivered) stats.delivered++;
      else {
        stats.failed++;
        options.log?.(`sandbox driver: gave up on ${delivery.description} after ${outcome.attempts} attempts`);
      }
    }
  }

  // The next step is scheduled when the previous one has finished, so steps never overlap.
  function schedule(): void {
    timer = setTimeout(() => {
      running = step().finally(() => {
        running = undefined;
        if (started) schedule();
      });
    }, options.intervalMs ?? 3_000);
    timer.unref();
  }

  return {
    step,
    stats,
    start() {
      if (started) return;
      started = true;
      schedule();
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await running;
    },
  };
}
