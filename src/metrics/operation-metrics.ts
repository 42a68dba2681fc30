import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context';
import { FramedSubscription, type SubscriptionEndListener } from '../subscriptions/framed-subscription';
import type { Metrics } from './metrics';

/** Times every query and mutation, and counts open subscriptions, on either transport and either HTTP path. */
export function useOperationMetrics(metrics: Metrics): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const agency = args.contextValue.agency.id;
      const done = metrics.operations.startTimer({ agency, type: getOperationAST(args.document, args.operationName)?.operation ?? 'unknown' });
      return {
        onExecuteDone({ result }) {
          const errors = isAsyncIterable(result) ? undefined : result.errors;
          done({ outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
    onSubscribe({ args }) {
      const agency = args.contextValue.agency.id;
      return {
        onSubscribeResult({ result }) {
          if (result instanceof FramedSubscription) {
            metrics.subscriptions.inc({ agency });
            result.onEnd(new OpenSubscription(metrics, agency));
            return undefined;
          }
          if (!isAsyncIterable(result)) return undefined;
          metrics.subscriptions.inc({ agency });
          // A method, not an arrow: tsx's keepNames gives each arrow it makes a name of its own, 256 bytes a subscription.
          return {
            onEnd() {
              metrics.subscriptions.dec({ agency });
            },
          };
        },
      };
    },
  };
}

/** A framed subscription counted open until it ends. */
class OpenSubscription implements SubscriptionEndListener {
  constructor(
    private readonly metrics: Metrics,
    private readonly agency: string,
  ) {}

  subscriptionEnded(): void {
    this.metrics.subscriptions.dec({ agency: this.agency });
  }
}
