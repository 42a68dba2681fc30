import type { RedisClient } from '../redis-client';
import type { RateLimitConfig } from './rate-limit-config';
import { createRequestLimits, type RequestLimits } from './request-limits';
import { createMemorySubscriptionLeases, createRedisSubscriptionLeases, type SubscriptionLeases } from './subscription-leases';

/** The gateway's request limits and subscription caps, as the server's plugins use them. */
export interface GatewayRateLimits {
  requests: RequestLimits;
  subscriptions: SubscriptionLeases;
  subscriptionsPerSocket: number;
  dispose(): Promise<void>;
}

export interface GatewayRateLimitsOptions {
  /** Undefined: the single-instance mode, every count kept in this process. */
  redis: RedisClient | undefined;
  prefix: string;
  limits: RateLimitConfig;
}

export function createGatewayRateLimits({ redis, prefix, limits }: GatewayRateLimitsOptions): GatewayRateLimits {
  const caps = { perPrincipal: limits.subscriptionsPerPrincipal, perAgency: limits.subscriptionsPerAgency };
  const subscriptions = redis ? createRedisSubscriptionLeases({ redis, prefix, caps }) : createMemorySubscriptionLeases(caps);
  return {
    requests: createRequestLimits({ redis, prefix, limits }),
    subscriptions,
    subscriptionsPerSocket: limits.subscriptionsPerSocket,
    dispose: () => subscriptions.dispose(),
  };
}
