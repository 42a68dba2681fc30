import type { AuthFailure, ForbiddenResult } from '@pothos/plugin-scope-auth';
import { AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import type { GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { SCOPES, type Scope } from '../auth/principal';
import type { GatewayContext } from '../context';

/** The scopes a field may require, as the scope-auth plugin types them: each held or not. */
export type AuthScopes = Record<Scope, boolean>;

/** What the caller's principal holds, worked out once per request by the plugin. */
export function principalScopes(context: GatewayContext): AuthScopes {
  const held = context.principal.scopes;
  return Object.fromEntries(SCOPES.map((scope) => [scope, held.has(scope)])) as AuthScopes;
}

/**
 * The refusal of a field whose scope the principal lacks: a GraphQLError with its code and the
 * scope, so that the server's error masking passes it on and a client can tell what to ask for.
 */
export function forbidden(info: GraphQLResolveInfo, result: ForbiddenResult): Error {
  const scope = lackedScope(result.failure);
  const field = `${info.parentType.name}.${info.fieldName}`;
  return createGraphQLError(scope ? `${field} requires the \`${scope}\` scope` : `${field} is not allowed`, {
    extensions: { code: 'FORBIDDEN', scope },
  });
}

/** The first scope the failure names: with one scope per map, the one that was lacking. */
function lackedScope(failure: AuthFailure): Scope | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope as Scope;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const inner of failure.failures) {
      const scope = lackedScope(inner);
      if (scope) return scope;
    }
  }
  return undefined;
}
