import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import type { VendorKey } from '../sources/vendors';
import { rateLimitedError } from './rate-limit-refusal';
import type { RequestLimits } from './request-limits';

/** What the cost estimator puts on the context before execution: the operation's vendor calls at most. */
export interface VendorCost {
  estimate: Partial<Record<VendorKey, number>>;
  total: number;
}

interface RateLimitedContext {
  principal: Principal;
  /** The graphql-ws socket an operation came on; absent over HTTP. */
  socket?: object;
  vendorCost?: VendorCost;
}

/**
 * Request and vendor-call limits, on every transport: each query, mutation and subscription is
 * one request of its principal and agency (a batch counts as its parts), counted when it starts
 * executing, after authentication. A query or mutation then spends its estimated vendor calls
 * (`context.vendorCost.total`, read when execution begins, so the estimate may be made by any
 * plugin's onExecute), and gets back what its answer's `extensions.vendorCalls` shows it did not
 * make. Place after the plugin that writes `extensions.vendorCalls`, so its result is seen here.
 */
export function useRateLimits(limits: RequestLimits): Plugin<RateLimitedContext> {
  const refuse = async (context: RateLimitedContext, stop: (result: ExecutionResult) => void): Promise<boolean> => {
    const refusal = await limits.admitOperation(context.principal);
    if (refusal) stop({ errors: [rateLimitedError(refusal, limits.windowSeconds, !context.socket)] });
    return refusal !== undefined;
  };
  return {
    async onSubscribe({ args, setResultAndStopExecution }) {
      await refuse(args.contextValue, setResultAndStopExecution);
    },
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue;
      const { principal } = context;
      if (await refuse(context, setResultAndStopExecution)) return;
      let spent = 0;
      setExecuteFn(async (executionArgs) => {
        const estimate = context.vendorCost?.total ?? 0;
        const refusal = await limits.spendVendorCalls(principal, estimate);
        if (refusal) return { errors: [rateLimitedError(refusal, limits.windowSeconds, !context.socket)] };
        spent = estimate;
        return executeFn(executionArgs);
      });
      return {
        onExecuteDone({ result }) {
          if (spent === 0 || Symbol.asyncIterator in result) return;
          const made = vendorCallsOf(result);
          // Without a count in the answer nothing is given back: the estimate is an upper bound.
          if (made !== undefined && made < spent) void limits.refundVendorCalls(principal, spent - made).catch(() => undefined);
        },
      };
    },
  };
}

/** The sum of `extensions.vendorCalls` (per vendor), if the answer carries it. */
function vendorCallsOf(result: ExecutionResult): number | undefined {
  const calls = result.extensions?.vendorCalls;
  if (calls === null || typeof calls !== 'object') return undefined;
  return Object.values(calls as Record<string, unknown>).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
}
