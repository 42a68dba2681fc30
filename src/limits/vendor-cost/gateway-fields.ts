import { normaliseEmail } from '../../links/email';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { MAX_LIST_ARGUMENT_ITEMS } from '../../schema/list-argument';
import type { VendorKey } from '../../sources/vendors';
import type { CostTable, FieldArgs, VendorCalls } from './field-cost';

/** What `node(id:)` calls to find an object of each type. */
const NODE_CALLS: Record<string, { vendor: VendorKey; calls: number }> = {
  Account: { vendor: 'canopyServicing', calls: 1 },
  Product: { vendor: 'canopyServicing', calls: 1 },
  Statement: { vendor: 'canopyServicing', calls: 1 },
  LineItem: { vendor: 'canopyServicing', calls: 1 },
  ReferencingRequest: { vendor: 'canopyReferencing', calls: 1 },
  CanopyBranch: { vendor: 'canopyReferencing', calls: 1 },
  Reposit: { vendor: 'reposit', calls: 1 },
  RepositSupplier: { vendor: 'reposit', calls: 1 },
  // The supplier, then its agents.
  RepositAgent: { vendor: 'reposit', calls: 2 },
  Policy: { vendor: 'reposit', calls: 1 },
  PolicyDocument: { vendor: 'reposit', calls: 1 },
};

/** An id that names no type the estimator knows (it will fail) is costed as one call to each vendor. */
const UNKNOWN_NODE: VendorCalls = { canopyReferencing: 1, canopyServicing: 1, reposit: 1 };

/** A list argument the field refuses (over MAX_LIST_ARGUMENT_ITEMS) is refused before any call: it costs nothing. */
function accepted<T>(items: readonly T[]): readonly T[] {
  return items.length > MAX_LIST_ARGUMENT_ITEMS ? [] : items;
}

function nodeCalls(ids: readonly unknown[]): VendorCalls {
  const calls: VendorCalls = {};
  for (const id of ids) {
    const known = NODE_CALLS[typenameOf(id)];
    const each = known ? { [known.vendor]: known.calls } : UNKNOWN_NODE;
    for (const [vendor, count] of Object.entries(each) as Array<[VendorKey, number]>) calls[vendor] = (calls[vendor] ?? 0) + count;
  }
  return calls;
}

function typenameOf(id: unknown): string {
  try {
    return decodeGlobalID(String(id)).typename;
  } catch {
    return '';
  }
}

/** The tenants the e-mails name, each once: the loaders read a tenant's links once per request. */
function distinctTenants(emails: readonly unknown[]): string[] {
  return [...new Set(accepted(emails).map((email) => normaliseEmail(String(email))))];
}

const LINK_TARGETS: Record<string, VendorKey> = { referencingRequestId: 'canopyReferencing', repositId: 'reposit', accountId: 'canopyServicing' };

/** linkTenant reads the object it links, at the vendor the input names. */
function linkedObjectCalls(args: FieldArgs): VendorCalls {
  const input = (args.input ?? {}) as Record<string, unknown>;
  const calls: VendorCalls = {};
  for (const [field, vendor] of Object.entries(LINK_TARGETS)) if (input[field] != null) calls[vendor] = 1;
  return calls;
}

const NO_CALL = { summary: 'no vendor call' } as const;
const PER_EVENT = { summary: 'no vendor call to subscribe; each event costs what its selection’s fields cost' } as const;

/** The gateway's own fields: they call no vendor themselves, but fan out to fields that do. */
export const gatewayCosts: CostTable = {
  vendor: undefined,
  fields: {
    'Query.tenant': { tenants: (args) => distinctTenants([args.email]), summary: 'no vendor call itself; its lists cost 1 call per linked object' },
    'Query.tenants': {
      tenants: (args) => distinctTenants(args.emails as unknown[]),
      items: (args) => distinctTenants(args.emails as unknown[]).length,
      summary: 'no vendor call itself; each distinct e-mail costs what `tenant` costs',
    },
    'Query.node': { calls: (args) => nodeCalls([args.id]), summary: '1 call to the vendor of the id’s type (2 for a Reposit agent)' },
    'Query.nodes': {
      calls: (args) => nodeCalls(accepted(args.ids as unknown[])),
      items: (args) => accepted(args.ids as unknown[]).length,
      summary: '1 call per id to the vendor of its type (2 for a Reposit agent)',
    },
    'Query.agency': NO_CALL,
    'Query.apiKeys': NO_CALL,
    'ReferencingRequest.tenant': {},
    'RepositTenant.tenant': {},
    'Mutation.linkTenant': { calls: linkedObjectCalls, summary: '1 call to the vendor of the linked object' },
    'Mutation.unlinkTenant': NO_CALL,
    'Mutation.createAgency': NO_CALL,
    'Mutation.deleteAgency': NO_CALL,
    'Mutation.setAgencyVendorCredentials': NO_CALL,
    'Mutation.createApiKey': NO_CALL,
    'Mutation.revokeApiKey': NO_CALL,
    'Mutation.rotateCanopySecretKey': { calls: () => ({ canopyReferencing: 1 }), summary: '1 Canopy Referencing call (the new key is tried)' },
    'Subscription.tenantEvents': PER_EVENT,
    'Subscription.passportStatusChanged': PER_EVENT,
    'Subscription.referencingRequestStatusChanged': PER_EVENT,
    'Subscription.passportNoteChanged': PER_EVENT,
    'Subscription.referencingCompleted': PER_EVENT,
    'Subscription.repositEvents': PER_EVENT,
  },
};
