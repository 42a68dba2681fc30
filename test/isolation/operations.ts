import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Random } from '../fuzz/prng';
import type { Operation } from './transports';

/** What one agency's callers know of their own data, and what they could have learnt of the other's. */
export interface AgencyIds {
  referencingRequests: string[];
  reposits: string[];
  accounts: string[];
  /** E-mails of people only this agency has. */
  emails: string[];
  /** Priya Shah's, who rents at both agencies. */
  sharedEmail: string;
  /** Event ids from this agency's log, as its webhooks answered them. */
  cursors: string[];
  /** The tenants its vendors have sent notifications about. */
  eventEmails: string[];
}

/** A query or mutation (any transport), a short subscription (a streaming one), or a webhook. */
export type Step = { kind: 'graphql'; operation: Operation; streaming: boolean } | { kind: 'webhook' };

const query = (document: string, variables: Record<string, unknown> = {}): Step => ({
  kind: 'graphql',
  operation: { query: document, variables, results: 1, waitMs: 10_000 },
  streaming: false,
});
const subscription = (document: string, variables: Record<string, unknown>, results: number, waitMs: number): Step => ({
  kind: 'graphql',
  operation: { query: document, variables, results, waitMs },
  streaming: true,
});

const REPOSIT = 'query ($id: ID!) { reposit(id: $id) { id repositId status tenants { email } landlord { firstName lastName } supplier { name } } }';
const ACCOUNT = 'query ($id: ID!) { account(id: $id) { id accountId status summary { totalBalance { decimal } } } }';
const REQUEST = 'query ($id: ID!) { referencingRequest(canopyReferenceId: $id) { id canopyReferenceId status tenant { email } } }';
const NODE = `query ($id: ID!) { node(id: $id) { id __typename
  ... on Reposit { repositId tenants { email } } ... on Account { accountId } ... on ReferencingRequest { canopyReferenceId tenant { email } } } }`;
const TENANT = 'query ($email: String!) { tenant(email: $email) { email referencingRequests { canopyReferenceId } reposits { repositId } accounts { accountId } } }';
const WHO_WE_ARE = '{ repositSupplier { supplierId name agents { agentId firstName lastName } } canopyBranches { canopyBranchId name } }';
const CHARGE = `mutation ($input: CreateChargeInput!) { createCharge(input: $input) { __typename
  ... on MutationCreateChargeSuccess { data { lineItemId account { accountId } } }
  ... on ValidationError { message } ... on VendorError { message code vendor } } }`;
export const TENANT_EVENTS = `subscription ($email: String!, $after: String) { tenantEvents(email: $email, after: $after) { __typename
  ... on VendorEvent { id receivedAt }
  ... on RequestStatusEvent { canopyReferenceId status }
  ... on PassportStatusEvent { canopyReferenceId globalStatus }
  ... on PassportNoteEvent { canopyReferenceId note }
  ... on RepositEvent { repositId action tenant { email } } } }`;
export const REPOSIT_EVENTS = 'subscription ($id: ID) { repositEvents(repositId: $id) { id repositId action tenant { email } } }';
export const STATUS_EVENTS = 'subscription { referencingRequestStatusChanged { id canopyReferenceId status } }';

const GLOBAL_TYPES = { reposits: 'Reposit', accounts: 'Account', referencingRequests: 'ReferencingRequest' } as const;

/**
 * One random step of a caller of `own`, who also holds ids of `other`: mostly cheap lookups,
 * half of them of the other agency's ids (by vendor id and by global id), some mutations, some
 * webhooks of its own vendors, and short subscriptions replaying after the other agency's cursors.
 */
export function randomStep(random: Random, own: AgencyIds, other: AgencyIds): Step {
  const ids = random.chance(0.5) ? own : other;
  const roll = random.next();
  if (roll < 0.08) return query(WHO_WE_ARE);
  if (roll < 0.2) return query(REPOSIT, { id: random.pick(ids.reposits) });
  if (roll < 0.32) return query(ACCOUNT, { id: random.pick(ids.accounts) });
  if (roll < 0.44) return query(REQUEST, { id: random.pick(ids.referencingRequests) });
  if (roll < 0.6) {
    const kind = random.pick(Object.keys(GLOBAL_TYPES) as Array<keyof typeof GLOBAL_TYPES>);
    return query(NODE, { id: encodeGlobalID(GLOBAL_TYPES[kind], random.pick(other[kind])) });
  }
  if (roll < 0.68) return query(TENANT, { email: random.chance(0.5) ? own.sharedEmail : random.pick(other.emails) });
  if (roll < 0.78) {
    const input = { accountId: random.pick(ids.accounts), amountCents: random.int(1, 9_999), merchantData: { name: 'Removals Ltd', mccCode: 4214 } };
    return query(CHARGE, { input });
  }
  if (roll < 0.9) return { kind: 'webhook' };
  if (roll < 0.96 || other.cursors.length === 0) {
    const after = other.cursors.length > 0 ? random.pick(other.cursors) : undefined;
    const email = own.eventEmails.length > 0 && random.chance(0.8) ? random.pick(own.eventEmails) : own.sharedEmail;
    return subscription(TENANT_EVENTS, { email, after }, 2, 250);
  }
  return subscription(REPOSIT_EVENTS, { id: random.pick(other.reposits) }, 1, 150);
}
