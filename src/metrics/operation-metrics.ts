import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Metrics } from './metrics';

/** Times every query and mutation, and counts open subscriptions, on either transport and either HTTP path. */
export function useOperationMetrics(metrics: Metrics): Plugin {
  return {
    onExecute({ args }) {
      const done = metrics.operations.startTimer({ type: getOperationAST(args.document, args.operationName)?.operation ?? 'unknown' });
      return {
        onExecuteDone({ result }) {
          const errors = isAsyncIterable(result) ? undefined : result.errors;
          done({ outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return undefined;
          metrics.subscriptions.inc();
          return { onEnd: () => metrics.subscriptions.dec() };
        },
      };
    },
  };
}
