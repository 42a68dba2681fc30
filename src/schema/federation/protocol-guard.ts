import { printSubgraphSchema } from '@apollo/subgraph';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Scope } from '../../auth/principal';
import type { GatewayContext } from '../../context';
import { checkListArgument } from '../list-argument';
import { checkRepresentations, type Representation } from './entity-keys';

/** What `_service` and `_entities` need, as every query field: they are query fields the scope plugin does not wrap. */
const PROTOCOL_SCOPE: Scope = 'read';

type Resolver = GraphQLFieldResolver<unknown, GatewayContext, Record<string, unknown>>;

/**
 * The subgraph schema with its protocol fields guarded as the rest of Query is: `_entities`
 * needs `read`, takes at most as many representations as `nodes(ids:)`, and refuses a bad one
 * before any vendor is called; `_service` needs `read` and answers the SDL of the schema returned
 * here (the plugin printed its SDL before the scope directives were added).
 */
export function withGuardedProtocol(schema: GraphQLSchema): GraphQLSchema {
  let sdl = '';
  const guarded = mapSchema(schema, {
    [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) => {
      if (fieldName === '_service') return { ...field, resolve: guard(fieldName, () => ({ sdl })) };
      if (fieldName !== '_entities' || !field.resolve) return field;
      const resolve = field.resolve as Resolver;
      return {
        ...field,
        resolve: guard(fieldName, (root, args, context, info) => {
          const representations = args.representations as Representation[];
          checkListArgument('representations', representations);
          checkRepresentations(representations);
          return resolve(root, args, context, info);
        }),
      };
    },
  });
  sdl = printSubgraphSchema(guarded);
  return guarded;
}

function guard(fieldName: string, resolve: Resolver): Resolver {
  return (root, args, context, info) => {
    if (!context.principal.scopes.has(PROTOCOL_SCOPE)) {
      throw createGraphQLError(`Query.${fieldName} requires the \`${PROTOCOL_SCOPE}\` scope`, {
        extensions: { code: 'FORBIDDEN', scope: PROTOCOL_SCOPE },
      });
    }
    return resolve(root, args, context, info);
  };
}
