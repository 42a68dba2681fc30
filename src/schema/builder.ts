import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import type { GatewayContext } from '../context';
import { VendorError } from '../sources/vendor-error';
import { checkNodeType, decodeNodeId } from './global-id';
import { checkListArgument } from './list-argument';
import { forbidden, principalScopes, type AuthScopes } from './scopes';
import { ValidationError } from './validation-error';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  AuthScopes: AuthScopes;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    SafeInt: { Input: number; Output: number };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Non-null unless a field says otherwise: a field that can fail on its own says `nullable: true`.
  defaultFieldNullability: false,
  // Scope checks wrap every other plugin, so a refused field runs nothing, and a refused
  // mutation is an error, not one of its typed results. Federation comes after every plugin that
  // wraps resolvers, as its README asks.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, SimpleObjectsPlugin, RelayPlugin, DirectivePlugin, FederationPlugin],
  scopeAuth: {
    authScopes: principalScopes,
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, _context, info, result) => forbidden(info, result),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    decodeGlobalID: decodeNodeId,
    nodeQueryOptions: {
      resolve: (_root, { id }, _context, info, resolveNode) => {
        checkNodeType('id', id, info);
        return resolveNode(id);
      },
    },
    nodesQueryOptions: {
      resolve: (_root, { ids }, _context, info, resolveNodes) => {
        checkListArgument('ids', ids);
        for (const id of ids) checkNodeType('ids', id, info);
        return resolveNodes(ids);
      },
    },
  },
  // Expected failures of a mutation are typed results; anything else is thrown and masked.
  errors: { defaultTypes: [ValidationError, VendorError] },
});
