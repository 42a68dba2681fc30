import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal';
import { releasedWhenDone } from './released-when-done';
import type { SubscriptionCapName, SubscriptionLeases } from './subscription-leases';

interface SubscriptionContext {
  principal: Principal;
  /** The graphql-ws socket the subscription came on; absent over SSE. */
  socket?: object;
}

/**
 * Caps on open subscriptions: per graphql-ws socket (counted here), per principal and per agency
 * (leases shared by every instance). A refused subscription answers one error, code
 * SUBSCRIPTION_LIMIT, and its socket stays open. Place after any plugin that replaces the
 * subscribe function without calling the one it replaces (the shared event execution), so that
 * this wraps it.
 */
export function useSubscriptionCaps(leases: SubscriptionLeases, perSocket: number): Plugin<SubscriptionContext> {
  const socketCounts = new WeakMap<object, number>();
  const countOnSocket = (socket: object | undefined, by: number) => {
    if (socket) socketCounts.set(socket, (socketCounts.get(socket) ?? 0) + by);
  };
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const { principal, socket } = args.contextValue;
      setSubscribeFn(async (subscribeArgs) => {
        if (socket && (socketCounts.get(socket) ?? 0) >= perSocket) return { errors: [capError('per socket', perSocket)] };
        countOnSocket(socket, 1);
        let giveBack = async () => undefined as void;
        const release = () => {
          countOnSocket(socket, -1);
          void giveBack().catch(() => undefined);
        };
        try {
          const outcome = await leases.acquire(principal);
          if ('refusedBy' in outcome) {
            release();
            return { errors: [capError(outcome.refusedBy, outcome.cap)] };
          }
          giveBack = outcome.lease;
        } catch {
          // Fail closed: a subscription not counted is not opened.
          release();
          return { errors: [createGraphQLError('Open subscriptions cannot be counted just now; try again shortly', { extensions: { code: 'SERVICE_UNAVAILABLE' } })] };
        }
        try {
          const result = await subscribeFn(subscribeArgs);
          if (isAsyncIterable(result)) return releasedWhenDone(result, release);
          release();
          return result;
        } catch (error) {
          release();
          throw error;
        }
      });
    },
  };
}

function capError(cap: SubscriptionCapName, limit: number): GraphQLError {
  return createGraphQLError(`Too many open subscriptions: at most ${limit} ${cap}; end one before starting another`, {
    extensions: { code: 'SUBSCRIPTION_LIMIT', limit: `subscriptions ${cap}`, max: limit },
  });
}
