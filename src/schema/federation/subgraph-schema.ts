import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder';
// Every type of the schema, entities included, is defined once the schema module has loaded.
import '../index';
import { describeScopes } from '../scope-descriptions';
import { withGuardedProtocol } from './protocol-guard';
import { SCOPE_DIRECTIVES, withScopeDirectives } from './scope-directives';

/** The Federation version the subgraph links to: 2.5 brought `@requiresScopes`. */
const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.6';

let built: GraphQLSchema | undefined;

/**
 * The schema as a Federation v2 subgraph (FEDERATION=1): the same types and resolvers, with
 * `_service` and `_entities`, `@key` on the entities, and `@requiresScopes` where a field needs
 * a scope. Built on first use, so a gateway without federation never pays for it.
 */
export function subgraphSchema(): GraphQLSchema {
  built ??= withGuardedProtocol(
    withScopeDirectives(
      describeScopes(
        builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK, federationDirectives: ['@key', ...SCOPE_DIRECTIVES], sortSchema: false }),
      ),
    ),
  );
  return built;
}
