import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisClient } from '../redis-client';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createCounterLimiter } from '../rate-limits/counter-limiter';
import type { VendorKey } from './vendors';

/** One agency's share of one vendor. */
export interface VendorBudgetLimits {
  /** `<envPrefix>_CALLS_PER_SECOND_PER_AGENCY`: calls one agency may start per second, on every instance together. */
  callsPerSecond: number;
  /** `<envPrefix>_CALLS_IN_FLIGHT_PER_AGENCY`: calls one agency may have open at once on this instance, below the vendor pool's connections. */
  callsInFlight: number;
}

export type VendorBudgetConfig = Record<VendorKey, VendorBudgetLimits>;

/** Why a call was not let through: it would wait longer than its caller allows. */
export class VendorBudgetExhausted extends Error {
  override name = 'VendorBudgetExhausted';
  constructor(readonly waitMs: number) {
    super(`the agency's share of this vendor is used up for the next ${Math.ceil(waitMs / 1000)} s`);
  }
}

/** One agency's budget at one vendor, as its vendor client uses it. */
export interface VendorBudget {
  /**
   * Waits until the call may start: a place among the agency's calls in flight, a call in this
   * second, and no back-off. Resolves with the function that frees the place; rejects with the
   * signal's reason when it aborts first, or VendorBudgetExhausted when the wait would pass `maxWaitMs`.
   */
  acquire(signal: AbortSignal | undefined, maxWaitMs: number): Promise<() => void>;
  /** The vendor answered 429: every instance holds this agency's calls to it for `ms`. */
  backOff(ms: number): Promise<void>;
  /** Calls open now and calls waiting for a place, on this instance. */
  usage(): { inFlight: number; waiting: number };
}

export interface VendorBudgets {
  for(agencyId: string, vendor: VendorKey): VendorBudget;
}

export interface VendorBudgetsOptions {
  /** Undefined: counted and backed off on this instance only. */
  redis: RedisClient | undefined;
  prefix: string;
  limits: VendorBudgetConfig;
}

/**
 * Each agency's share of each vendor. The calls in flight are counted per instance, since they
 * hold connections of this instance's pool, which every agency shares: an agency's cap below the
 * pool's size leaves the other agencies connections. The calls per second and the back-off after a
 * 429 are in Redis, shared by every instance: the back-off is a key with the vendor's Retry-After
 * as its PX expiry, read (PTTL) beside the call's count, so it costs no extra round trip.
 */
export function createVendorBudgets(options: VendorBudgetsOptions): VendorBudgets {
  const budgets = new Map<string, VendorBudget>();
  const perSecond = new Map<VendorKey, ReturnType<typeof createCounterLimiter>>();
  const limiterFor = (vendor: VendorKey) => {
    let limiter = perSecond.get(vendor);
    if (!limiter) perSecond.set(vendor, (limiter = createCounterLimiter({ redis: options.redis, prefix: options.prefix, points: options.limits[vendor].callsPerSecond, durationSeconds: 1 })));
    return limiter;
  };
  return {
    for(agencyId, vendor) {
      const id = `${agencyId} ${vendor}`;
      let budget = budgets.get(id);
      if (!budget) budgets.set(id, (budget = createVendorBudget(agencyId, vendor, options, limiterFor(vendor))));
      return budget;
    },
  };
}

function createVendorBudget(
  agencyId: string,
  vendor: VendorKey,
  options: VendorBudgetsOptions,
  perSecond: ReturnType<typeof createCounterLimiter>,
): VendorBudget {
  const { redis, prefix } = options;
  const cap = options.limits[vendor].callsInFlight;
  const rateKey = `{${agencyId}}:vendor-calls-per-second:${vendor}`;
  const backOffKey = `${prefix}:{${agencyId}}:vendor-back-off:${vendor}`;
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  // This instance's own back-off, for the mode without Redis and for the moment before Redis has it.
  let localBackOffUntil = 0;

  const free = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };

  const takePlace = (signal: AbortSignal | undefined): Promise<void> => {
    if (inFlight < cap) {
      inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      // A freed place passes straight to the first waiter: inFlight stays as it is.
      const granted = () => {
        signal?.removeEventListener('abort', aborted);
        resolve();
      };
      const aborted = () => {
        const index = waiting.indexOf(granted);
        if (index >= 0) waiting.splice(index, 1);
        reject(signal?.reason);
      };
      waiting.push(granted);
      signal?.addEventListener('abort', aborted, { once: true });
    });
  };

  /** How long this call must wait before it may start: 0 when it may go now (and is counted). */
  const waitBeforeCall = async (): Promise<number> => {
    const [backOffMs, rate] = await Promise.all([
      redis ? redis.pttl(backOffKey).catch(() => 0) : 0,
      perSecond.consume(rateKey).then(
        () => 0,
        (error: unknown) => {
          if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
          throw error;
        },
      ),
    ]);
    const wait = Math.max(backOffMs, localBackOffUntil - Date.now(), 0);
    // A call counted in this second but held by a back-off gives its count back.
    if (wait > 0 && rate === 0) await perSecond.reward(rateKey).catch(() => undefined);
    return Math.max(wait, rate);
  };

  return {
    async acquire(signal, maxWaitMs) {
      await takePlace(signal);
      let waited = 0;
      try {
        for (;;) {
          signal?.throwIfAborted();
          const wait = await waitBeforeCall();
          if (wait === 0) return once(free);
          if (waited + wait > maxWaitMs) throw new VendorBudgetExhausted(wait);
          await sleep(wait, undefined, { signal });
          waited += wait;
        }
      } catch (error) {
        free();
        throw error;
      }
    },
    async backOff(ms) {
      localBackOffUntil = Math.max(localBackOffUntil, Date.now() + ms);
      if (redis && ms > 0) await redis.set(backOffKey, '1', 'PX', Math.ceil(ms));
    },
    usage: () => ({ inFlight, waiting: waiting.length }),
  };
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}
