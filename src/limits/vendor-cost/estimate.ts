import {
  getNamedType,
  getNullableType,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { LinkKind } from '../../links/link-store';
import { VENDOR_KEYS, type VendorKey } from '../../sources/vendors';
import { ASSUMED } from './assumed-sizes';
import { collectFields, subSelections } from './collect-fields';
import { FIELD_COSTS } from './cost-tables';
import type { VendorCalls } from './field-cost';

/** The vendor calls an operation is estimated to make, before it makes any. */
export interface VendorCost {
  /** Calls at most, by vendor. */
  estimate: Record<VendorKey, number>;
  /** The calls of every vendor together. */
  total: number;
}

/** How many ids each tenant is linked to, read from the link store (the gateway's own Redis, no vendor). */
export type LinkCounts = (kind: LinkKind, emails: readonly string[]) => Promise<number[]>;

export interface EstimateRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  /** The variables as the client sent them; coerced here as execution coerces them. */
  variableValues?: Readonly<Record<string, unknown>> | null;
  /** Exact link counts for the tenants the arguments name; without it, the assumed count. */
  linkCounts?: LinkCounts;
}

/** The objects a selection is asked on, and what is known of them. */
interface Parents {
  count: number;
  /** How deep in the document they are: the root field's objects are at 1. */
  depth: number;
  /** The tenants' e-mails, where the arguments name them. */
  emails?: readonly string[];
  /** The loader reads these objects already hold. */
  held: ReadonlySet<string>;
  /** The reads every object below holds as well. */
  heldBelow: ReadonlySet<string>;
  /** Sizes of fields below, known from an argument above (`Type.field` → items per object). */
  sizes: Readonly<Record<string, number>>;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  linkCounts: LinkCounts | undefined;
  /** Reads made once per request, whatever asks for them. */
  requestReads: Set<string>;
}

/**
 * The most calls each vendor can receive for the operation: every field's cost (its table entry)
 * times the objects it is asked on, over every fragment and type condition that applies, with
 * `@skip`/`@include` and the arguments as execution reads them. The same field with the same
 * arguments under several aliases is one read, as the loaders make it one call; so is a loader
 * read that several fields of one object share. A document that does not validate against its
 * variables is estimated at 0: its execution calls nothing. A subscription's root field calls
 * nothing, so its estimate is that of one event: what each delivered event's selection calls.
 */
export async function estimateVendorCalls(request: EstimateRequest): Promise<VendorCost> {
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  const rootType = operation && request.schema.getRootType(operation.operation);
  if (!operation || !rootType) return costOf({});
  const coerced = getVariableValues(request.schema, operation.variableDefinitions ?? [], request.variableValues ?? {});
  if (coerced.errors) return costOf({});
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of request.document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;
  }
  const walk: Walk = { schema: request.schema, fragments, variables: coerced.coerced, linkCounts: request.linkCounts, requestReads: new Set() };
  const fields = collectFields(request.schema, fragments, coerced.coerced, rootType, [operation.selectionSet]);
  return costOf(await fieldsCost(walk, rootType, fields, { count: 1, depth: 0, held: new Set(), heldBelow: new Set(), sizes: {} }));
}

function costOf(calls: VendorCalls): VendorCost {
  const estimate = Object.fromEntries(VENDOR_KEYS.map((key) => [key, calls[key] ?? 0])) as Record<VendorKey, number>;
  return { estimate, total: VENDOR_KEYS.reduce((sum, key) => sum + estimate[key], 0) };
}

/** The fields selected on one object type, grouped by what they read: a field and its arguments, whatever the alias. */
async function fieldsCost(walk: Walk, type: GraphQLObjectType, selected: ReadonlyMap<string, readonly FieldNode[]>, parents: Parents): Promise<VendorCalls> {
  const groups = new Map<string, { nodes: FieldNode[]; args: Record<string, unknown>; name: string }>();
  for (const nodes of selected.values()) {
    const node = nodes[0]!;
    const definition = type.getFields()[node.name.value];
    // Meta-fields (__typename, __schema) call nothing.
    if (!definition) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, node, walk.variables);
    } catch {
      // Execution refuses these arguments before the field's resolver runs.
      continue;
    }
    const key = `${node.name.value}${JSON.stringify(args)}`;
    const group = groups.get(key) ?? { nodes: [], args, name: node.name.value };
    group.nodes.push(...nodes);
    groups.set(key, group);
  }

  const total: VendorCalls = {};
  const readsHere = new Set<string>();
  for (const { nodes, args, name } of groups.values()) {
    const fieldKey = `${type.name}.${name}`;
    const cost = FIELD_COSTS.get(fieldKey);
    let own = cost?.calls?.(args) ?? {};
    if (cost?.read) {
      const read = Object.keys(args).length === 0 ? cost.read : `${cost.read}${JSON.stringify(args)}`;
      const seen = cost.perRequest || cost.batched ? walk.requestReads : readsHere;
      const once = cost.batched ? `${read}@${parents.depth}` : read;
      if (parents.held.has(read) || seen.has(once)) own = {};
      seen.add(once);
    }
    const definition = type.getFields()[name]!;
    const returned = getNamedType(definition.type);
    const leaf = isLeafType(returned);
    const children = leaf && !isPerItem(cost) ? undefined : await childParents(walk, fieldKey, cost, args, parents, isListType(getNullableType(definition.type)));
    add(total, own, cost?.perRequest || cost?.batched ? 1 : isPerItem(cost) ? (children?.count ?? 0) : parents.count);
    if (leaf || !children || children.count === 0) continue;
    add(total, await selectionCost(walk, returned, nodes, children), 1);
  }
  return total;
}

function isPerItem(cost: ReturnType<typeof FIELD_COSTS.get>): boolean {
  return cost?.perItem === true || cost?.links !== undefined;
}

/** The objects a field answers, from the objects it is asked on. */
async function childParents(
  walk: Walk,
  fieldKey: string,
  cost: ReturnType<typeof FIELD_COSTS.get>,
  args: Record<string, unknown>,
  parents: Parents,
  isList: boolean,
): Promise<Parents> {
  const sizes = { ...parents.sizes, ...cost?.sizes?.(args) };
  const heldBelow = new Set([...parents.heldBelow, ...(cost?.primesBelow ?? [])]);
  const held = new Set([...heldBelow, ...(cost?.primes ?? [])]);
  const emails = cost?.tenants?.(args);
  if (cost?.links) return { count: await linkedCount(walk, cost.links, parents), depth: parents.depth + 1, held, heldBelow, sizes };
  const perParent = parents.sizes[fieldKey] ?? itemsOf(cost?.items, args) ?? (isList ? ASSUMED.list : 1);
  return { count: parents.count * perParent, depth: parents.depth + 1, emails, held, heldBelow, sizes };
}

function itemsOf(items: number | ((args: Record<string, unknown>) => number) | undefined, args: Record<string, unknown>): number | undefined {
  return typeof items === 'function' ? items(args) : items;
}

/** A tenant's linked ids: counted where the e-mails are known, else assumed. */
async function linkedCount(walk: Walk, kind: LinkKind, parents: Parents): Promise<number> {
  if (!parents.emails || !walk.linkCounts) return parents.count * ASSUMED.tenantLinks;
  try {
    const counts = await walk.linkCounts(kind, parents.emails);
    return counts.reduce((sum, count) => sum + count, 0);
  } catch {
    // The link store is down: the lists fail too, but the estimate stays an upper bound.
    return parents.count * ASSUMED.tenantLinks;
  }
}

/** An object field's selection: for an interface or union, the costliest of its types at each vendor. */
async function selectionCost(walk: Walk, returned: ReturnType<typeof getNamedType>, nodes: readonly FieldNode[], parents: Parents): Promise<VendorCalls> {
  const types = isAbstractType(returned) ? walk.schema.getPossibleTypes(returned) : isObjectType(returned) ? [returned] : [];
  const most: VendorCalls = {};
  for (const type of types) {
    const selected = collectFields(walk.schema, walk.fragments, walk.variables, type, subSelections(nodes));
    const calls = await fieldsCost(walk, type, selected, parents);
    for (const key of VENDOR_KEYS) most[key] = Math.max(most[key] ?? 0, calls[key] ?? 0);
  }
  return most;
}

function add(total: VendorCalls, calls: VendorCalls, times: number): void {
  for (const [key, count] of Object.entries(calls) as Array<[VendorKey, number]>) {
    if (count > 0) total[key] = (total[key] ?? 0) + count * times;
  }
}
