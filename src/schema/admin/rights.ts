import type { GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { GatewayContext } from '../../context';

/**
 * Creating and deleting agencies, and keys for all agencies, belong to the CRM that runs the
 * gateway: a principal whose API key serves all agencies. An agency's own admins manage only
 * their agency. Refused as an error, not a typed result, as a missing scope is.
 */
export function requireOperator(ctx: GatewayContext, info: GraphQLResolveInfo, what: string): void {
  if (ctx.principal.allAgencies) return;
  throw createGraphQLError(`${info.parentType.name}.${info.fieldName}: ${what} needs an API key for all agencies with the \`admin\` scope (a CRM operator's); an agency's admin manages only its own agency`, {
    extensions: { code: 'FORBIDDEN' },
  });
}

/** An input naming an agency must name the caller's own: the guard against acting on the wrong one. */
export function requireOwnAgency(ctx: GatewayContext, info: GraphQLResolveInfo, field: string, agencyId: string): void {
  if (agencyId === ctx.agency.id) return;
  throw createGraphQLError(`${info.parentType.name}.${info.fieldName}: ${field} must be the agency the credential acts for ("${ctx.agency.id}"); a CRM operator names another with x-agency-id`, {
    extensions: { code: 'FORBIDDEN' },
  });
}
