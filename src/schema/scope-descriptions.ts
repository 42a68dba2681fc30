import { mapSchema, MapperKind } from '@graphql-tools/utils';
import {
  isInterfaceType,
  isNullableType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldConfig,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { SCOPES, type Scope } from '../auth/principal';

type FieldOwner = GraphQLObjectType | GraphQLInterfaceType;
type FieldLike = GraphQLField<unknown, unknown> | GraphQLFieldConfig<unknown, unknown>;

interface PothosScopeOptions {
  authScopes?: unknown;
  skipTypeScopes?: boolean;
}

/**
 * Every scope a field needs, read from the Pothos options the schema carries: its type's
 * (unless the field skips them) and its own. The one reading of the declarations, for the
 * printed descriptions and anything else that must say what the plugin enforces.
 */
export function requiredScopes(owner: FieldOwner, field: FieldLike, fieldName: string): Scope[] {
  const where = `${owner.name}.${fieldName}`;
  const own = pothosOptions(field);
  const scopes = own.skipTypeScopes ? [] : declaredScope(pothosOptions(owner).authScopes, owner.name);
  if (isObjectType(owner)) {
    for (const iface of owner.getInterfaces()) {
      if (pothosOptions(iface).authScopes !== undefined) throw new Error(`${iface.name}: scopes go on its fields or on the objects, not on an interface`);
    }
  }
  for (const scope of declaredScope(own.authScopes, where)) if (!scopes.includes(scope)) scopes.push(scope);
  return scopes;
}

/** The schema with "Requires the `pii` scope." in the description of each field that needs one. */
export function describeScopes(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((type) => type?.name));
  return mapSchema(schema, {
    [MapperKind.COMPOSITE_FIELD]: (field, fieldName, typeName, original) => {
      const owner = original.getType(typeName);
      if (!isObjectType(owner) && !isInterfaceType(owner)) return field;
      const scopes = requiredScopes(owner, field, fieldName);
      if (scopes.length === 0) return field;
      // A refused non-null field would null its parent as well, and so hide what the principal may see.
      if (!roots.has(typeName) && !isNullableType(field.type)) {
        throw new Error(`${typeName}.${fieldName}: a field that needs a scope must be nullable`);
      }
      const note = scopeNote(scopes);
      return { ...field, description: field.description ? `${field.description} ${note}` : note };
    },
  });
}

function scopeNote(scopes: Scope[]): string {
  const named = scopes.map((scope) => `\`${scope}\``);
  return scopes.length === 1 ? `Requires the ${named[0]} scope.` : `Requires the ${named.slice(0, -1).join(', ')} and ${named.at(-1)} scopes.`;
}

function pothosOptions(holder: { extensions?: object | null }): PothosScopeOptions {
  return (holder.extensions as { pothosOptions?: PothosScopeOptions } | null | undefined)?.pothosOptions ?? {};
}

/**
 * The scope of a static `authScopes` map. Descriptions and a future `@requiresScopes` can only
 * state what is known before a request, so a map names exactly one scope, set to true.
 */
function declaredScope(authScopes: unknown, where: string): Scope[] {
  if (authScopes === undefined) return [];
  const entries = typeof authScopes === 'object' && authScopes !== null ? Object.entries(authScopes) : [];
  const [entry] = entries;
  if (entries.length !== 1 || !entry || entry[1] !== true || !SCOPES.includes(entry[0] as Scope)) {
    throw new Error(`${where}: authScopes must name one scope of ${SCOPES.join(', ')}, set to true, e.g. { pii: true }`);
  }
  return [entry[0] as Scope];
}
