import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { isInterfaceType, isObjectType, Kind, parseConstValue, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import type { Scope } from '../../auth/principal';
import { requiredScopes } from '../scope-descriptions';
import { ENTITY_KEYS, type EntityTypename } from './entity-keys';

/** The federation directives this file applies, for the subgraph's `@link` import. */
export const SCOPE_DIRECTIVES = ['@requiresScopes'] as const;

/**
 * The scope an entity's own fields need when a router reaches them through `_entities`: that
 * root field needs `read`, as every query field does, so a router that enforces `@requiresScopes`
 * refuses what rentgraph would. Key fields carry none: the router already holds them.
 */
const ENTITY_FIELD_SCOPE: Scope = 'read';

/**
 * The subgraph schema with `@requiresScopes` on every field that needs a scope, read from the
 * same Pothos declarations that scope-auth enforces (`requiredScopes`), so a router's checks
 * agree with rentgraph's own, which still run. All scopes of a field are needed at once: one
 * inner list.
 */
export function withScopeDirectives(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.COMPOSITE_FIELD]: (field, fieldName, typeName, original) => {
      const owner = original.getType(typeName);
      if (!isObjectType(owner) && !isInterfaceType(owner)) return field;
      // The subgraph protocol's own fields are for the router; rentgraph guards them itself.
      if (fieldName.startsWith('_')) return field;
      const scopes = requiredScopes(owner, field, fieldName);
      if (isEntityField(typeName, fieldName) && !scopes.includes(ENTITY_FIELD_SCOPE)) scopes.unshift(ENTITY_FIELD_SCOPE);
      if (scopes.length === 0) return field;
      // The subgraph printer reads directives from the AST, which the directives plugin mocks for every field.
      if (!field.astNode) throw new Error(`${typeName}.${fieldName}: no AST node to carry @requiresScopes`);
      const directives = [...(field.astNode.directives ?? []), requiresScopes(scopes)];
      return { ...field, astNode: { ...field.astNode, directives } };
    },
  });
}

function isEntityField(typeName: string, fieldName: string): boolean {
  if (!Object.hasOwn(ENTITY_KEYS, typeName)) return false;
  return !ENTITY_KEYS[typeName as EntityTypename].fields.includes(fieldName);
}

/** `@requiresScopes(scopes: [["read", "pii"]])`: a string list's JSON is also its GraphQL literal. */
function requiresScopes(scopes: Scope[]): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'requiresScopes' },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'scopes' }, value: parseConstValue(JSON.stringify([scopes])) }],
  };
}
