import { decodeGlobalID } from '@pothos/plugin-relay';
import { isObjectType, type GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { IdFormat } from '../sources/id-formats';

/**
 * The vendor id a root lookup was given: the vendor's own id (`rep_x`), or the Relay global id of
 * the same type, which is accepted too so a client can pass back whichever it holds.
 */
export function vendorIdOf(typename: string, id: string): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // Not a global id: the vendor's own.
  }
  return id;
}

/**
 * The vendor id an argument holds, refused before any vendor is called unless it has the
 * vendor's format: `.`, `..`, `/` or an odd string would otherwise become part of a path.
 */
export function vendorIdArgument(argument: string, typename: string, value: string | number, format: IdFormat): string {
  const id = vendorIdOf(typename, String(value));
  if (!format.pattern.test(id)) throw badArgument(argument, 'format', `must be ${format.description}, or the ${typename}'s global id`);
  return id;
}

/** A refused argument, named in the message and in `extensions.argument`; a client error, never masked. */
export function badArgument(argument: string, rule: string, message: string): GraphQLError {
  return createGraphQLError(`Argument "${argument}" ${message}.`, { extensions: { code: 'BAD_USER_INPUT', argument, rule } });
}

/**
 * The relay plugin's decoding of `node(id:)` and `nodes(ids:)`: Pothos's own, refusing what is
 * not a global id with an error that names the argument (theirs only quotes the value).
 */
export function decodeNodeId(globalId: string): { typename: string; id: string } {
  try {
    return decodeGlobalID(globalId);
  } catch {
    throw badArgument('id', 'globalId', 'must be a global id, as a node’s `id` field gives it');
  }
}

/** A node type's `id.parse`: the id inside a global id, refused unless it has the vendor's format. */
export function nodeIdParser(typename: string, format: IdFormat): (id: string) => string {
  return (id) => {
    if (!format.pattern.test(id)) throw badArgument('id', 'format', `must be the global id of a ${typename}, whose id is ${format.description}`);
    return id;
  };
}

/**
 * Refuses a decoded `node(id:)` / `nodes(ids:)` id whose type is no node of the schema, naming
 * the argument: the relay plugin would answer "Nope has not been implemented".
 */
export function checkNodeType(argument: string, { typename }: { typename: string }, info: GraphQLResolveInfo): void {
  const type = info.schema.getType(typename);
  if (!isObjectType(type) || !type.getInterfaces().some((implemented) => implemented.name === 'Node')) {
    throw badArgument(argument, 'globalId', 'must be the global id of a node, as a node’s `id` field gives it');
  }
}
