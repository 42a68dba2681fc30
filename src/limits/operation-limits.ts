import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { withCallSignal } from '../sources/call-scope';
import { documentLimitPlugins, type DocumentLimits } from './document-limits';
import { OperationScope, type OperationScopeLimits } from './operation-scope';
import { useVariableDepthLimit } from './variable-depth';
import { useVendorCostLimit } from './vendor-cost/vendor-cost-plugin';

/** Everything one GraphQL request may cost the process. Set from the environment in config.ts. */
export interface OperationLimits extends DocumentLimits, OperationScopeLimits {
  /** Most vendor calls an operation's estimate may reach (a subscription's: one event's); more is refused before any call. */
  maxVendorCalls: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  /** MAX_DEPTH. The tenant dashboard is 6 deep; a reposit's tenants' accounts' statements' line items' amounts, 8. */
  maxDepth: 10,
  /** MAX_TOKENS. The tenant dashboard has 133, the longest document of operations/ 149, GraphiQL's introspection query about 300. */
  maxTokens: 1_000,
  /**
   * MAX_ALIASES. No document of operations/ has one, nor GraphiQL's introspection query: 15 (graphql-armor's
   * own default) leaves a screen room to show a few records side by side, one aliased root field each.
   */
  maxAliases: 15,
  /**
   * MAX_DIRECTIVES. No document of operations/ has one, nor GraphiQL's introspection query: 20 leaves a
   * screen room for an `@include` or `@skip` on each of its sections.
   */
  maxDirectives: 20,
  /** MAX_ANSWER_NODES. The dashboard resolves about 200 fields; 100 tenants' dashboards, about 20,000. */
  maxAnswerNodes: 50_000,
  /** MAX_ANSWER_CHARACTERS. The dashboard's text is about 2,000 characters, 50 tenants' dashboards' about 100,000: this stops answers of long strings, which the node count lets through. */
  maxAnswerCharacters: 10_000_000,
  /** OPERATION_DEADLINE_MS. One vendor call may take 10 s until its headers; an operation, its retries included, 10 s in all. */
  deadlineMs: 10_000,
  /** Follows INTROSPECTION (config.ts): suggestions are shown where introspection is on. */
  blockFieldSuggestions: false,
  /** MAX_VENDOR_CALLS. The tenant dashboard is estimated at about 10 calls; 20 tenants' dashboards at about 200. */
  maxVendorCalls: 250,
};

/**
 * The limits of every operation, on every transport (HTTP, SSE, graphql-ws and the direct
 * listener all go through Yoga's envelop): the document's size and depth and the variables'
 * nesting before execution, the operation's estimated vendor calls before any is made, then a
 * scope per query or mutation with a deadline, an answer budget and the client's going away.
 * Place after any plugin that replaces the execute function (a compiled executor), so the scope wraps it.
 */
export function useOperationLimits(limits: OperationLimits): Plugin[] {
  return [...documentLimitPlugins(limits), useVariableDepthLimit(), useVendorCostLimit(limits.maxVendorCalls), useOperationScope(limits)];
}

/** Where a listener other than Yoga's own puts the signal of its client going away. */
export interface ClientSignalContext {
  /** Yoga's fetch request: its signal aborts when the client goes away. */
  request?: { signal?: AbortSignal };
  /** The same, from the direct listener, which has no fetch request. */
  clientSignal?: AbortSignal;
}

function useOperationScope(limits: OperationScopeLimits): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      // A subscription lives as long as its client listens: no deadline, and its events' answers are each small.
      if (getOperationAST(args.document, args.operationName)?.operation === 'subscription') return;
      const context = args.contextValue as ClientSignalContext & { operation?: OperationScope };
      const scope = new OperationScope(limits, context.request?.signal ?? context.clientSignal);
      context.operation = scope;
      setExecuteFn((executionArgs) => withCallSignal(scope.signal, () => executeFn(executionArgs)));
      return {
        onExecuteDone({ setResult }) {
          scope.end();
          if (scope.overBudget) setResult({ data: null, errors: [scope.overBudget] });
        },
      };
    },
  };
}
