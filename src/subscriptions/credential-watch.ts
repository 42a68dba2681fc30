import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import type { Principal } from '../auth/principal';
import type { GatewayContext } from '../context';
import type { CallerAuthentication } from '../http/authentication';

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

  const check = async () => {
    await Promise.all(
      [...watched].map(async (subscription) => {
        const holds = await Promise.resolve(authentication.stillHolds(subscription.principal)).catch(() => false);
        if (!holds) subscription.lapse();
      }),
    );
  };
  const watch = (subscription: Watched) => {
    watched.add(subscription);
    timer ??= setInterval(() => void check(), checkEveryMs).unref();
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
          if (!isAsyncIterable(result)) return;
          setResult(untilLapsed(result as AsyncIterable<ExecutionResult>, principal, watch, unwatch));
        },
      };
    },
  };
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
  const iterator = source[Symbol.asyncIterator]();
  let lapse!: () => void;
  const lapsed = new Promise<void>((resolve) => (lapse = resolve));
  const subscription: Watched = { principal, lapse };
  let state: 'open' | 'lapsed' | 'done' = 'open';
  watch(subscription);

  const finish = async (): Promise<IteratorResult<ExecutionResult>> => {
    if (state !== 'done') {
      state = 'done';
      unwatch(subscription);
      // Not awaited: an async generator's return() waits for its pending next(), i.e. the next
      // event, which a quiet subscription may never get; the client's stream ends now regardless.
      iterator.return?.().catch(() => undefined);
    }
    return { done: true, value: undefined };
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (state === 'lapsed') return finish();
      if (state === 'done') return { done: true, value: undefined };
      const step = await Promise.race([iterator.next(), lapsed.then(() => 'lapsed' as const)]);
      if (step !== 'lapsed') {
        if (step.done) return finish();
        return step;
      }
      state = 'lapsed';
      unwatch(subscription);
      return { done: false, value: LAPSED };
    },
    return: finish,
    async throw(error: unknown) {
      await finish();
      throw error;
    },
  };
}

const LAPSED: ExecutionResult = {
  errors: [
    createGraphQLError('The credential of this subscription has expired or was revoked: subscribe again with a valid one', {
      extensions: { code: 'UNAUTHENTICATED' },
    }),
  ],
};
