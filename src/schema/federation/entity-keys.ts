import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { isEmail, normaliseEmail } from '../../links/email';
import { CANOPY_REFERENCING_ID, CANOPY_SERVICING_ID, REPOSIT_ID, type IdFormat } from '../../sources/id-formats';
import { canonicalRepositId } from '../../sources/reposit/reposit-id';

/** A representation as a router sends it in `_entities(representations:)`. */
export type Representation = Record<string, unknown>;

/**
 * How one entity's representations name it: the vendor's key they carry, read and checked with
 * the same rules as the root field of the type, before any vendor is called.
 */
export interface EntityKey {
  /** The key fields a representation may carry, one `@key` each. */
  fields: readonly string[];
  /** The vendor key of a representation; throws an error naming `where`'s field and the rule it breaks. */
  read(representation: Representation, where: string): string;
}

/** The Tenant: its e-mail, trimmed and lower-cased, as `tenant(email:)` reads it. */
const tenantKey: EntityKey = {
  fields: ['email'],
  read(representation, where) {
    const raw = representation.email;
    if (typeof raw !== 'string') throw badRepresentation(`${where}.email`, 'required', 'must be a string');
    const email = normaliseEmail(raw);
    if (!isEmail(email)) throw badRepresentation(`${where}.email`, 'format', `must be an e-mail address, got ${JSON.stringify(raw)}`);
    return email;
  },
};

/**
 * A node entity: its vendor id under `vendorField`, or its Relay global `id`, as `node(id:)`
 * reads it; either way an id of the vendor's format.
 */
function nodeKey(typename: string, vendorField: string, format: IdFormat, canonical: (id: string) => string = (id) => id): EntityKey {
  return {
    fields: [vendorField, 'id'],
    read(representation, where) {
      const vendorId = representation[vendorField];
      const globalId = representation.id;
      let id: string;
      let field: string;
      if (typeof vendorId === 'string') {
        [id, field] = [vendorId, `${where}.${vendorField}`];
      } else if (typeof globalId === 'string') {
        field = `${where}.id`;
        id = vendorIdOfGlobalId(typename, globalId, field);
      } else {
        throw badRepresentation(where, 'required', `must carry ${vendorField} or id, as a string`);
      }
      if (!format.pattern.test(id)) throw badRepresentation(field, 'format', `must be ${format.description}`);
      return canonical(id);
    },
  };
}

function vendorIdOfGlobalId(typename: string, globalId: string, field: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw badRepresentation(field, 'globalId', `must be the global id of a ${typename}, as its \`id\` field gives it`);
  }
  if (decoded.typename !== typename) throw badRepresentation(field, 'globalId', `must be the global id of a ${typename}, got one of a ${decoded.typename}`);
  return decoded.id;
}

/** Every entity of the subgraph, by typename. */
export const ENTITY_KEYS = {
  Tenant: tenantKey,
  ReferencingRequest: nodeKey('ReferencingRequest', 'canopyReferenceId', CANOPY_REFERENCING_ID),
  Reposit: nodeKey('Reposit', 'repositId', REPOSIT_ID, canonicalRepositId),
  Account: nodeKey('Account', 'accountId', CANOPY_SERVICING_ID),
} satisfies Record<string, EntityKey>;

export type EntityTypename = keyof typeof ENTITY_KEYS;

function isEntityTypename(typename: unknown): typename is EntityTypename {
  return typeof typename === 'string' && Object.hasOwn(ENTITY_KEYS, typename);
}

/**
 * Checks every representation of an `_entities` call before any is resolved: a known entity's
 * typename and a key of the right format. One bad representation refuses the whole call, as a
 * bad item of `tenants(emails:)` does.
 */
export function checkRepresentations(representations: readonly Representation[]): void {
  representations.forEach((representation, i) => {
    const where = `representations.${i}`;
    const typename = representation.__typename;
    if (!isEntityTypename(typename)) {
      throw badRepresentation(`${where}.__typename`, 'entity', `must be one of ${Object.keys(ENTITY_KEYS).join(', ')}, got ${JSON.stringify(typename)}`);
    }
    ENTITY_KEYS[typename].read(representation, where);
  });
}

/** The vendor key of a representation already checked by `checkRepresentations`. */
export function entityKeyOf(typename: EntityTypename, representation: object): string {
  return ENTITY_KEYS[typename].read(representation as Representation, 'representation');
}

function badRepresentation(field: string, rule: string, message: string): GraphQLError {
  return createGraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field, rule } });
}
