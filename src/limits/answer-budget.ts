import { isPromise, mapSchema, MapperKind } from '@graphql-tools/utils';
import { getNamedType, isLeafType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { OperationScope } from './operation-scope';

type Resolver = GraphQLFieldResolver<unknown, unknown>;

/**
 * The schema with every resolver counting against its operation's answer budget. Nearly every
 * field of the schema has a resolver (Pothos gives exposed fields one), so the count is the
 * answer's nodes; the few plain properties are bounded by the document, which the token
 * limit bounds. A leaf's resolver also counts the characters of the text it resolves to.
 * Fields run outside an operation scope (subscription events) are not counted.
 */
export function withAnswerBudget(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      if (!field.resolve) return field;
      return { ...field, resolve: isLeafType(getNamedType(field.type)) ? countedLeaf(field.resolve) : counted(field.resolve) };
    },
  });
}

function counted(resolve: Resolver): Resolver {
  return (source, args, context, info) => {
    (context as { operation?: OperationScope }).operation?.spendNode();
    return resolve(source, args, context, info);
  };
}

function countedLeaf(resolve: Resolver): Resolver {
  return (source, args, context, info) => {
    const scope = (context as { operation?: OperationScope }).operation;
    if (!scope) return resolve(source, args, context, info);
    scope.spendNode();
    const value = resolve(source, args, context, info);
    if (typeof value === 'string') scope.spendCharacters(value.length);
    else if (isPromise(value)) return value.then((settled) => (scope.spendCharacters(textLength(settled)), settled));
    else if (Array.isArray(value)) scope.spendCharacters(textLength(value));
    return value;
  };
}

/** The characters of a leaf's strings: itself, or the items of a list of them. */
function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (!Array.isArray(value)) return 0;
  let length = 0;
  for (const item of value) if (typeof item === 'string') length += item.length;
  return length;
}
