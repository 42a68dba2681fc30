import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { schema } from '../../src/schema';
import type { Random } from '../fuzz/prng';

/** Real ids of sandbox-north, for the root fields that take one. */
export interface KnownIds {
  emails: string[];
  accountId: string;
  repositId: string;
  canopyReferenceId: string;
}

export interface GeneratedDocument {
  query: string;
  variables: Record<string, unknown>;
}

const MAX_DEPTH = 5;

/**
 * Fields whose list size only the vendor knows, so their estimate rests on an assumed size
 * (src/limits/vendor-cost/assumed-sizes.ts): a bound of 2 × actual + 2 would test the
 * assumption against the sandbox's data, not the cost model. They are left out here.
 */
const ASSUMED_SIZE_FIELDS = new Set(['Product.currentAccounts', 'Customer.accounts', 'ReferencingRequest.tenant', 'RepositTenant.tenant', 'Statement.lineItems']);

/** Arguments the generator can fill below the root, by name; a field needing any other is left out. */
function argumentText(random: Random, name: string): string | undefined {
  if (name === 'first') return `first: ${random.int(0, 30)}`;
  if (name === 'latest') return `latest: ${random.int(0, 4)}`;
  return undefined;
}

/** Arguments every generated document gives: `statements` without `latest` is costed at the assumed 24 statements. */
function requiredText(random: Random, name: string): string | undefined {
  if (name === 'latest') return `latest: ${random.int(0, 4)}`;
  return undefined;
}

/**
 * Random valid queries over the schema, from a seed: a root field with real ids or e-mail lists
 * (repeated, re-cased), then a random selection of fields to a depth of 5, with aliases of the
 * same field, named and inline fragments, and `@skip`/`@include` on variables.
 */
export function generateDocument(random: Random, ids: KnownIds): GeneratedDocument {
  const fragments: string[] = [];
  const variables: Record<string, unknown> = {};
  const variableDefinitions: string[] = [];
  let names = 0;

  function condition(): string {
    if (!random.chance(0.2)) return '';
    const name = `c${names++}`;
    variableDefinitions.push(`$${name}: Boolean!`);
    variables[name] = random.chance(0.5);
    return random.chance(0.5) ? ` @skip(if: $${name})` : ` @include(if: $${name})`;
  }

  function fieldSelection(field: GraphQLField<unknown, unknown>, depth: number): string | undefined {
    const args: string[] = [];
    for (const arg of field.args) {
      const text = requiredText(random, arg.name) ?? (random.chance(0.7) ? argumentText(random, arg.name) : undefined);
      if (text) args.push(text);
      else if (isNonNullType(arg.type) && arg.defaultValue === undefined) return undefined;
    }
    const named = getNamedType(field.type);
    if (!isLeafType(named) && depth >= MAX_DEPTH) return undefined;
    const head = `${random.chance(0.15) ? `a${names++}: ` : ''}${field.name}${args.length ? `(${args.join(', ')})` : ''}${condition()}`;
    if (isLeafType(named)) return head;
    return `${head} { ${selection(named, depth + 1)} }`;
  }

  function objectSelection(type: GraphQLObjectType, depth: number): string {
    const chosen: string[] = ['__typename'];
    for (const field of Object.values(type.getFields())) {
      if (ASSUMED_SIZE_FIELDS.has(`${type.name}.${field.name}`) || !random.chance(0.45)) continue;
      const text = fieldSelection(field, depth);
      if (!text) continue;
      chosen.push(text);
      // The same field again under another alias: the loaders make it one read.
      if (random.chance(0.1) && text.includes('{')) chosen.push(`again${names++}: ${text.replace(/^a\d+: /, '')}`);
    }
    if (random.chance(0.2)) {
      const name = `F${names++}`;
      fragments.push(`fragment ${name} on ${type.name} { ${chosen.join(' ')} }`);
      return `...${name}`;
    }
    return chosen.join(' ');
  }

  function selection(type: GraphQLNamedType, depth: number): string {
    if (isObjectType(type)) return objectSelection(type, depth);
    if (!isAbstractType(type)) return '__typename';
    const parts = schema.getPossibleTypes(type).map((possible) => `... on ${possible.name} { ${objectSelection(possible, depth)} }`);
    return `__typename ${parts.join(' ')}`;
  }

  const query = schema.getQueryType()!;
  const roots: Array<() => string> = [
    () => `tenant(email: ${JSON.stringify(random.pick(ids.emails))}) { ${selection(query.getFields().tenant!.type as GraphQLObjectType, 1)} }`,
    () => {
      const emails = Array.from({ length: random.int(1, 6) }, () => {
        const email = random.pick(ids.emails);
        return random.chance(0.3) ? ` ${email.toUpperCase()}` : email;
      });
      return `tenants(emails: ${JSON.stringify(emails)}) { ${selection(getNamedType(query.getFields().tenants!.type), 1)} }`;
    },
    () => `account(id: ${JSON.stringify(ids.accountId)}) { ${selection(getNamedType(query.getFields().account!.type), 1)} }`,
    () => `accounts(first: ${random.int(0, 25)}) { ${selection(getNamedType(query.getFields().accounts!.type), 1)} }`,
    () => `reposit(id: ${JSON.stringify(ids.repositId)}) { ${selection(getNamedType(query.getFields().reposit!.type), 1)} }`,
    () =>
      `referencingRequest(canopyReferenceId: ${JSON.stringify(ids.canopyReferenceId)}) { ${selection(getNamedType(query.getFields().referencingRequest!.type), 1)} }`,
    () => `products { ${selection(getNamedType(query.getFields().products!.type), 1)} }`,
    () => `repositSupplier { ${selection(getNamedType(query.getFields().repositSupplier!.type), 1)} }`,
  ];
  const fields = Array.from({ length: random.int(1, 3) }, (_, i) => `r${i}: ${random.pick(roots)()}`);
  const definitions = variableDefinitions.length ? `(${variableDefinitions.join(', ')})` : '';
  return { query: [`query Generated${definitions} { ${fields.join(' ')} }`, ...fragments].join('\n'), variables };
}
