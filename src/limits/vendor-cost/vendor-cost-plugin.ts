import type { ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Loaders } from '../../context';
import { withCallTally } from '../../sources/call-scope';
import { OperationCallTally } from './call-tally';
import { costLimitExceeded } from './cost-limit-error';
import type { VendorKey } from '../../sources/vendors';
import { estimateVendorCalls, type LinkCounts, type VendorCost } from './estimate';

/** What the plugin reads from, and writes to, an operation's context. */
export interface VendorCostContext {
  /** The operation's estimate, set before it executes: what a vendor-call budget spends. */
  vendorCost?: VendorCost;
  /** The calls a query or mutation has made so far, by vendor: final once it has executed. */
  vendorCalls?: Record<VendorKey, number>;
  loaders?: Pick<Loaders, 'links'>;
}

/**
 * Refuses, before any vendor is called, a query, mutation or subscription whose estimated
 * vendor calls (a subscription's: those of one event) exceed `maxVendorCalls`, with one error
 * coded COST_LIMIT_EXCEEDED; sets `context.vendorCost`; and gives every query and mutation that
 * ran the calls it made, by vendor, in `extensions.vendorCalls`. Through Yoga's envelop, so on
 * every transport.
 */
export function useVendorCostLimit(maxVendorCalls: number): Plugin {
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const cost = await estimateFor(args);
      if (cost.total > maxVendorCalls) return setResultAndStopExecution({ errors: [costLimitExceeded(cost, maxVendorCalls)] });
      const tally = new OperationCallTally();
      (args.contextValue as VendorCostContext).vendorCalls = tally.calls;
      setExecuteFn((executionArgs) => withCallTally(tally, () => executeFn(executionArgs)));
      return {
        onExecuteDone({ result, setResult }) {
          // An incremental answer (@defer, @stream) is not served: its parts carry no count.
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, vendorCalls: { ...tally.calls } } });
        },
      };
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const cost = await estimateFor(args);
      if (cost.total > maxVendorCalls) setResultAndStopExecution({ errors: [costLimitExceeded(cost, maxVendorCalls)] });
    },
  };
}

async function estimateFor(args: ExecutionArgs): Promise<VendorCost> {
  const context = args.contextValue as VendorCostContext;
  const cost = await estimateVendorCalls({
    schema: args.schema,
    document: args.document,
    operationName: args.operationName,
    variableValues: args.variableValues,
    linkCounts: context.loaders && linkCountsOf(context.loaders),
  });
  context.vendorCost = cost;
  return cost;
}

/** Through the request's own link loaders: the resolvers then find the links already read. */
function linkCountsOf(loaders: Pick<Loaders, 'links'>): LinkCounts {
  return async (kind, emails) => {
    const links = await loaders.links[kind].loadMany(emails);
    return links.map((ids) => {
      if (ids instanceof Error) throw ids;
      return ids.length;
    });
  };
}
