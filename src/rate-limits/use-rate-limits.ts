import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import type { VendorCostContext } from '../limits/vendor-cost/vendor-cost-plugin';
import { rateLimitedError } from './rate-limit-refusal';
import type { RequestLimits } from './request-limits';

interface RateLimitedContext extends Pick<VendorCostContext, 'vendorCost' | 'vendorCalls'> {
  principal: Principal;
  /** The graphql-ws socket an operation came on; absent over HTTP. */
  socket?: object;
}

/**
 * Request and vendor-call limits, on every transport: each query, mutation and subscription is
 * one request of its principal and agency (a batch counts as its parts), counted when it starts
 * executing, after authentication. A query or mutation then spends its estimated vendor calls
 * (`context.vendorCost.total`, read when execution begins, so the estimate may be made by any
 * plugin's onExecute), and gets back what it did not make (`context.vendorCalls`, the cost
 * plugin's count, which is final once execution is done, whatever order the plugins' hooks run in).
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
        onExecuteDone() {
          if (spent === 0 || !context.vendorCalls) return;
          const made = Object.values(context.vendorCalls).reduce((sum, calls) => sum + calls, 0);
          if (made < spent) void limits.refundVendorCalls(principal, spent - made).catch(() => undefined);
        },
      };
    },
  };
}
