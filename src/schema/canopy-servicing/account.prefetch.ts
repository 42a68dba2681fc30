import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type FieldNode, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../../context';
import { asOfKey } from '../../sources/canopy-servicing/loaders';

/**
 * An account's summary and statement list need only its id, but their resolvers run only once
 * the account itself has been read: one round of vendor latency more than the data needs.
 * Where the query asks for them (without `asOf`, as of now), this starts both loads beside the
 * account's, so the resolvers find them in flight. The loads are the ones the resolvers make, so
 * no call is added for an account that exists.
 */
export function prefetchAccountParts(ctx: GatewayContext, accountIds: readonly string[], info: GraphQLResolveInfo): void {
  const wantsSummary = selectsWithoutAsOf(info, 'summary');
  const wantsStatements = selectsWithoutAsOf(info, 'statements');
  if (!wantsSummary && !wantsStatements) return;
  for (const id of accountIds) {
    // An account that does not exist fails these too; its resolver is never run, so nothing awaits them.
    if (wantsSummary) ctx.loaders.canopyServicing.accountSummary.load(asOfKey(id)).catch(() => undefined);
    if (wantsStatements) ctx.loaders.canopyServicing.statementList.load(asOfKey(id)).catch(() => undefined);
  }
}

/** Whether the field being resolved selects `name` on its result with no `asOf` argument. */
function selectsWithoutAsOf(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      // A part the query skips is not asked for: prefetching it would be a call for nothing.
      if (!isIncluded(selection, info.variableValues)) return false;
      if (selection.kind === 'Field') return selection.name.value === name && !selection.arguments?.some((arg) => arg.name.value === 'asOf');
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node: FieldNode) => visit(node.selectionSet));
}

function isIncluded(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  return getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
}
