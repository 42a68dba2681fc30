import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import type { Principal } from '../auth/principal';
import type { GatewayContext } from '../context';
import type { CallerAuthentication } from '../http/authentication';
import { FramedSubscription, type SubscriptionEndListener } from './framed-subscription';

/** Within 5 s of a token expiring or a key being revoked, its subscriptions end; a check a second leaves room. */
const CHECK_EVERY_MS = 1_000;

/**
 * Ends a subscription whose credential stops holding: a token that expires, or an API key that is
 * revoked, while it is open. graphql-ws and SSE build the context once per subscription, so this
 * keeps checking: one timer for every open subscription, not one each. The client gets a last
 * result with `code: "UNAUTHENTICATED"`, then the end of the stream, and can subscribe again
 * with a fresh credential (and `after`, to miss nothing).
 */
export function useCredentialWatch(authentication: CallerAuthentication, checkEveryMs = CHECK_EVERY_MS): Plugin<GatewayContext> {
  const watched = new Set<Watched>();
  let timer: NodeJS.Timeout | undefined;

  // A token's expiry is known at once, and most subscriptions hold one: only an API key's check
  // waits for Redis. Nothing is built per subscription, as every open one is checked each second.
  const check = () => {
    for (const subscription of watched) {
      const holds = holdsNow(authentication, subscription.principal);
      if (holds === false) subscription.lapse();
      else if (holds !== true)
        void holds.then((still) => {
          if (!still) subscription.lapse();
        });
    }
  };
  const watch = (subscription: Watched) => {
    watched.add(subscription);
    timer ??= setInterval(check, checkEveryMs).unref();
  };
  const unwatch = (subscription: Watched) => {
    watched.delete(subscription);
    if (watched.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    onSubscribe({ args }) {
      const { principal } = args.contextValue;
      return {
        onSubscribeResult({ result, setResult }) {
          if (result instanceof FramedSubscription) {
            // Watched first: a subscription that has already ended is unwatched at once.
            const watched = new LapsingFrames(result, principal, unwatch);
            watch(watched);
            result.onEnd(watched);
            return;
          }
          if (!isAsyncIterable(result)) return;
          setResult(untilLapsed(result as AsyncIterable<ExecutionResult>, principal, watch, unwatch));
        },
      };
    },
  };
}

/** Whether the credential still holds, failing closed: a check that throws or fails is a no. */
function holdsNow(authentication: CallerAuthentication, principal: Principal): boolean | Promise<boolean> {
  try {
    const holds = authentication.stillHolds(principal);
    return typeof holds === 'boolean' ? holds : holds.catch(() => false);
  } catch {
    return false;
  }
}

interface Watched {
  principal: Principal;
  lapse(): void;
}

function untilLapsed(
  source: AsyncIterable<ExecutionResult>,
  principal: Principal,
  watch: (subscription: Watched) => void,
  unwatch: (subscription: Watched) => void,
): AsyncIterableIterator<ExecutionResult> {
  const subscription = new UntilLapsed(source[Symbol.asyncIterator](), principal, unwatch);
  watch(subscription);
  return subscription;
}

/** A framed subscription, watched until it ends: one that lapses sends its last answer itself. */
class LapsingFrames implements Watched, SubscriptionEndListener {
  constructor(
    private readonly subscription: FramedSubscription,
    readonly principal: Principal,
    private readonly unwatch: (subscription: Watched) => void,
  ) {}

  lapse(): void {
    this.subscription.finish(LAPSED);
  }

  subscriptionEnded(): void {
    this.unwatch(this);
  }
}

/** A class with plain promise methods: every open subscription holds one, idle for hours. */
class UntilLapsed implements Watched, AsyncIterableIterator<ExecutionResult> {
  private state: 'open' | 'lapsed' | 'done' = 'open';
  private readonly lapsed: Promise<'lapsed'>;
  private onLapse!: () => void;

  constructor(
    private readonly iterator: AsyncIterator<ExecutionResult>,
    readonly principal: Principal,
    private readonly unwatch: (subscription: Watched) => void,
  ) {
    this.lapsed = new Promise((resolve) => (this.onLapse = () => resolve('lapsed')));
  }

  lapse(): void {
    this.onLapse();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.state === 'lapsed') return this.return();
    if (this.state === 'done') return Promise.resolve({ done: true, value: undefined });
    return Promise.race([this.iterator.next(), this.lapsed]).then((step) => {
      if (step !== 'lapsed') return step.done ? this.return() : step;
      this.state = 'lapsed';
      this.unwatch(this);
      return { done: false, value: LAPSED };
    });
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (this.state !== 'done') {
      this.state = 'done';
      this.unwatch(this);
      // Not awaited: an async generator's return() waits for its pending next(), i.e. the next
      // event, which a quiet subscription may never get; the client's stream ends now regardless.
      this.iterator.return?.().catch(() => undefined);
    }
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }
}

const LAPSED: ExecutionResult = {
  errors: [
    createGraphQLError('The credential of this subscription has expired or was revoked: subscribe again with a valid one', {
      extensions: { code: 'UNAUTHENTICATED' },
    }),
  ],
};
