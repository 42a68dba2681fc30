/**
 * Mutators of valid GraphQL requests: the variables mutated as the webhook bodies are, ids with
 * dot segments and surrogates, unknown and aliased fields, selections dropped or nested deep,
 * directives piled on a field, broken syntax and malformed request bodies. Each says which
 * names a refusal may use to say what is wrong (a variable, an argument, a field, or the limit broken).
 */
import { parse, print, visit, type DirectiveNode, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Expectation } from './expectation';
import { allPaths, formatPath, getAt, withAt } from './json-paths';
import type { Random } from './prng';
import type { OperationSeed } from './graphql-corpus';
import { deepJson, DOT_SEGMENTS, hugeString, insertInto, ODD_NUMBERS, otherType, UNICODE_PIECES } from './values';

export interface GraphQLCase {
  mutator: string;
  /** The raw POST body. */
  body: string;
  /** A refusal must mention one of these. */
  names: string[];
  expect: Expectation;
}

type Mutation = Omit<GraphQLCase, 'mutator'>;
type Mutator = (seed: OperationSeed, random: Random) => Mutation | undefined;

const RAW = '\u0001raw\u0001';
const request = (query: string, variables: unknown, raw?: string) => {
  const text = JSON.stringify({ query, variables });
  return raw === undefined ? text : text.replace(JSON.stringify(RAW), raw);
};
const keysOf = (path: Array<string | number>) => path.filter((key): key is string => typeof key === 'string');

/** Paths into the variables, with the names a refusal about them may use. */
function variablePath(seed: OperationSeed, random: Random, leavesOnly = false) {
  const paths = allPaths(seed.variables).filter((path) => path.length > 0 && (!leavesOnly || typeof getAt(seed.variables, path) !== 'object'));
  if (paths.length === 0) return undefined;
  const path = random.pick(paths);
  return { path, names: [...keysOf(path), formatPath(path)] };
}

const idVariables = (seed: OperationSeed) =>
  (seed.operation.variableDefinitions ?? []).filter((v) => print(v.type).replace('!', '') === 'ID').map((v) => v.variable.name.value);

/** The selection sets of the document, to add to or take from. */
function fieldsWithSelections(query: string): FieldNode[] {
  const fields: FieldNode[] = [];
  visit(parse(query), { Field: (node) => void (node.selectionSet && fields.push(node)) });
  return fields;
}

/** One directive's node, `@include(if: true)`, parsed from its text. */
function parseDirective(text: string): DirectiveNode {
  const field = parse(`{ x ${text} }`).definitions[0] as OperationDefinitionNode;
  return (field.selectionSet.selections[0] as FieldNode).directives![0]!;
}

function editField(query: string, target: FieldNode, edit: (set: SelectionSetNode) => SelectionSetNode | undefined): string {
  return print(visit(parse(query), { Field: (node) => (node.loc?.start === target.loc?.start ? { ...node, selectionSet: edit(node.selectionSet!) } : undefined) }));
}

const mutators: Record<string, Mutator> = {
  valid: (seed) => ({ body: request(seed.query, seed.variables), names: [], expect: 'accept' }),
  dropVariable(seed, random) {
    const found = variablePath(seed, random);
    return found && { body: request(seed.query, withAt(seed.variables, found.path, undefined)), names: found.names, expect: 'either' };
  },
  retypeVariable(seed, random) {
    const found = variablePath(seed, random);
    return found && { body: request(seed.query, withAt(seed.variables, found.path, otherType(getAt(seed.variables, found.path), random))), names: found.names, expect: 'either' };
  },
  hugeVariable(seed, random) {
    const found = variablePath(seed, random, true);
    return found && { body: request(seed.query, withAt(seed.variables, found.path, hugeString(random))), names: found.names, expect: 'either' };
  },
  unicodeVariable(seed, random) {
    const found = variablePath(seed, random, true);
    const value = getAt(seed.variables, found?.path ?? []);
    if (!found || typeof value !== 'string') return undefined;
    return { body: request(seed.query, withAt(seed.variables, found.path, insertInto(value, random.pick(UNICODE_PIECES), random))), names: found.names, expect: 'either' };
  },
  deepVariable(seed, random) {
    const found = variablePath(seed, random);
    const raw = deepJson(random.int(1_000, 9_000), random.chance(0.5) ? 'array' : 'object');
    return found && { body: request(seed.query, withAt(seed.variables, found.path, RAW), raw), names: found.names, expect: 'refuse' };
  },
  oddNumberVariable(seed, random) {
    const found = variablePath(seed, random, true);
    return found && { body: request(seed.query, withAt(seed.variables, found.path, RAW), random.pick(ODD_NUMBERS)), names: found.names, expect: 'either' };
  },
  badId(seed, random) {
    const ids = idVariables(seed);
    if (ids.length === 0) return undefined;
    const name = random.pick(ids);
    const original = String(seed.variables[name] ?? 'x');
    const dot = random.chance(0.5);
    const value = dot ? random.pick(DOT_SEGMENTS) : insertInto(original, random.pick(['\ud800', '\udfff']), random);
    // The id named by its argument as well as its variable.
    const argument = seed.query.match(new RegExp(`(\\w+): \\$${name}\\b`))?.[1] ?? name;
    return { body: request(seed.query, { ...seed.variables, [name]: value }), names: [name, argument], expect: 'refuse' };
  },
  nodeId(_, random) {
    const typename = random.pick(['Reposit', 'Account', 'ReferencingRequest', 'Tenant', 'Nope']);
    const inner = random.pick([...DOT_SEGMENTS, '../x', 'a\ud800', '', '%zz']);
    const id = random.pick([Buffer.from(`${typename}:${inner}`).toString('base64'), `${typename}:${inner}`, '!!!notbase64', inner]);
    const expect = /^\.\.?$|[\ud800-\udfff]/.test(inner) ? 'refuse' : 'either';
    return { body: request('query Node($id: ID!) { node(id: $id) { id __typename } }', { id }), names: ['id'], expect };
  },
  unknownField(seed, random) {
    const fields = fieldsWithSelections(seed.query);
    const name = `noSuchField${random.int(0, 999)}`;
    const query = editField(seed.query, random.pick(fields), (set) => ({ ...set, selections: [...set.selections, { kind: 'Field' as never, name: { kind: 'Name' as never, value: name } }] }));
    return { body: request(query, seed.variables), names: [name], expect: 'refuse' };
  },
  aliases(seed, random) {
    const field = random.pick(fieldsWithSelections(seed.query));
    const leaf = field.selectionSet!.selections.find((s): s is FieldNode => s.kind === 'Field' && !s.selectionSet);
    if (!leaf) return undefined;
    const count = random.int(1, 100);
    const copies = Array.from({ length: count }, (_, i) => ({ ...leaf, alias: { kind: 'Name' as never, value: `a${i}` } }));
    const query = editField(seed.query, field, (set) => ({ ...set, selections: [...set.selections, ...copies] }));
    return { body: request(query, seed.variables), names: [leaf.name.value, 'alias', 'aliases'], expect: 'either' };
  },
  directives(seed, random) {
    const fields = fieldsWithSelections(seed.query);
    const count = random.int(1, 30);
    const directive = (i: number) => `@${i % 2 ? 'include' : 'skip'}(if: ${i % 2 ? 'true' : 'false'})`;
    const withDirectives = (field: FieldNode) => ({ ...field, directives: [...(field.directives ?? []), ...Array.from({ length: count }, (_, i) => parseDirective(directive(i)))] });
    const target = random.pick(fields);
    const query = print(visit(parse(seed.query), { Field: (node) => (node.loc?.start === target.loc?.start ? withDirectives(node) : undefined) }));
    return { body: request(query, seed.variables), names: [target.name.value, 'include', 'skip'], expect: 'either' };
  },
  dropSelection(seed, random) {
    const field = random.pick(fieldsWithSelections(seed.query));
    return { body: request(editField(seed.query, field, () => undefined), seed.variables), names: [field.name.value], expect: 'refuse' };
  },
  deepSelection(_, random) {
    // Tenant → reposits → tenants → tenant is a cycle; an e-mail with no reposits keeps it cheap.
    // 25 to 49 levels: beyond any sensible depth limit, yet a run stays short while none is set.
    const depth = random.int(8, 16);
    const query = `{ tenant(email: "nobody@example.com") { ${'reposits { tenants { tenant { '.repeat(depth)} email ${'} } } '.repeat(depth)} } }`;
    return { body: request(query, {}), names: ['depth'], expect: 'refuse' };
  },
  deepBraces(_, random) {
    const depth = random.int(1_000, 5_000);
    return { body: request(`{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`, {}), names: ['depth', 'a', 'token', 'tokens'], expect: 'refuse' };
  },
  truncatedDocument(seed, random) {
    return { body: request(seed.query.slice(0, random.int(0, seed.query.lastIndexOf('}'))), seed.variables), names: [], expect: 'refuse' };
  },
  strayCharacter(seed, random) {
    const query = insertInto(seed.query, random.pick(['{', '}', '(', ')', '$', ':', '!', '@', '"', '...', '=', '|', '\u0000', '\ud800']), random);
    return { body: request(query, seed.variables), names: [], expect: 'either' };
  },
  badVariablesParam(seed, random) {
    return { body: `{"query":${JSON.stringify(seed.query)},"variables":${random.pick(['"x"', '[]', '42', 'true', '[{}]'])}}`, names: ['variables'], expect: 'refuse' };
  },
  badRequestBody(seed, random) {
    const text = JSON.stringify({ query: seed.query, variables: seed.variables });
    const body = random.pick([text.slice(0, random.int(1, text.length - 1)), '', '{}', '[]', '{"query":42}', '{"query":null}', `{"query":${JSON.stringify(seed.query)},"operationName":42}`]);
    return { body, names: ['query', 'body', 'JSON', 'operationName', 'variables', 'Batching'], expect: 'refuse' };
  },
};

export const GRAPHQL_MUTATORS = Object.keys(mutators);

export function graphqlCase(seeds: OperationSeed[], random: Random): GraphQLCase {
  for (;;) {
    const mutator = random.pick(GRAPHQL_MUTATORS);
    const mutation = mutators[mutator]!(random.pick(seeds), random);
    if (mutation) return { mutator, ...mutation };
  }
}
