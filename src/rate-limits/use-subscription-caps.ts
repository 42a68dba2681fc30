import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal';
import { FramedSubscription, type SubscriptionEndListener } from '../subscriptions/framed-subscription';
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
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const { principal, socket } = args.contextValue;
      setSubscribeFn(async (subscribeArgs) => {
        if (socket && (socketCounts.get(socket) ?? 0) >= perSocket) return { errors: [capError('per socket', perSocket)] };
        const place = new SubscriptionPlace(socketCounts, socket);
        try {
          const outcome = await leases.acquire(principal);
          if ('refusedBy' in outcome) {
            place.release();
            return { errors: [capError(outcome.refusedBy, outcome.cap)] };
          }
          place.giveBack = outcome.lease;
        } catch {
          // Fail closed: a subscription not counted is not opened.
          place.release();
          return { errors: [createGraphQLError('Open subscriptions cannot be counted just now; try again shortly', { extensions: { code: 'SERVICE_UNAVAILABLE' } })] };
        }
        try {
          const result = await subscribeFn(subscribeArgs);
          if (result instanceof FramedSubscription) {
            result.onEnd(place);
            return result;
          }
          if (isAsyncIterable(result)) return releasedWhenDone(result, place);
          place.release();
          return result;
        } catch (error) {
          place.release();
          throw error;
        }
      });
    },
  };
}

/** An open subscription's place on its socket and, once leased, in the shared counts; a class, since every open subscription holds one. */
class SubscriptionPlace implements SubscriptionEndListener {
  giveBack: (() => Promise<void>) | undefined;

  constructor(
    private readonly socketCounts: WeakMap<object, number>,
    private readonly socket: object | undefined,
  ) {
    this.count(1);
  }

  release(): void {
    this.count(-1);
    void this.giveBack?.().catch(() => undefined);
  }

  subscriptionEnded(): void {
    this.release();
  }

  private count(by: number): void {
    if (this.socket) this.socketCounts.set(this.socket, (this.socketCounts.get(this.socket) ?? 0) + by);
  }
}

function capError(cap: SubscriptionCapName, limit: number): GraphQLError {
  return createGraphQLError(`Too many open subscriptions: at most ${limit} ${cap}; end one before starting another`, {
    extensions: { code: 'SUBSCRIPTION_LIMIT', limit: `subscriptions ${cap}`, max: limit },
  });
}
