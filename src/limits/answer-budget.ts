import { mapSchema, MapperKind } from '@graphql-tools/utils';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { OperationScope } from './operation-scope';

/**
 * The schema with every resolver counting against its operation's answer budget. Nearly every
 * field of the schema has a resolver (Pothos gives exposed fields one), so the count is the
 * answer's nodes; the few plain properties are bounded by the document, which the token
 * limit bounds. Fields run outside an operation scope (subscription events) are not counted.
 */
export function withAnswerBudget(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => (field.resolve ? { ...field, resolve: counted(field.resolve) } : field),
  });
}

function counted(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    (context as { operation?: OperationScope }).operation?.spendNode();
    return resolve(source, args, context, info);
  };
}
