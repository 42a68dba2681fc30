import { seededCanopyReferenceId } from '../../../src/sandbox/canopy-referencing/seed';
import { AMARA, canopyExamples, REPOSIT_TENANT_CONFIRMED, REPOSIT_TENANT_PAID, REPOSIT_TENANT_SIGNED } from '../../../test/helpers/webhooks';

export const MIX_AGENCIES = ['sandbox-north', 'sandbox-south'] as const;
export type MixAgency = (typeof MIX_AGENCIES)[number];

/** Amara's seeded referencing request at sandbox-north, which the sandbox's Canopy knows and links to her. */
const AMARA_REQUEST = seededCanopyReferenceId(AMARA);

/**
 * Tenant `t` is at agency `t % 2` with the e-mail and Reposit id of tenant `t ^ 1` at the other
 * agency: the same person and the same vendor id at both, so an event crossing agencies would
 * reach a subscriber that matches it in every other way, and be counted.
 */
export interface Tenant {
  agency: MixAgency;
  email: string;
  repositId: string;
}

export function tenants(run: string, count: number): Tenant[] {
  return Array.from({ length: count }, (_, t) => ({
    agency: MIX_AGENCIES[t % 2]!,
    email: `mix-${run}-${t >> 1}@example.com`,
    repositId: `ep_mix${run}${t >> 1}`,
  }));
}

/** What one subscription asks for, and so which events must reach it. */
export type Interest =
  | { field: 'tenantEvents'; email: string }
  | { field: 'repositEvents'; repositId: string | undefined }
  | { field: 'passportStatusChanged'; canopyReferenceId: string }
  | { field: 'referencingRequestStatusChanged' };

export interface PlannedSubscription {
  agency: MixAgency;
  interest: Interest;
  /** An event id to replay after, or none to go live only. */
  after: string | undefined;
}

/** One webhook: where it goes, its body, and what the gateway will store it as. */
export interface Notification {
  agency: MixAgency;
  route: 'reposit' | 'canopy';
  body: Record<string, unknown>;
  topic: 'repositChanged' | 'passportStatusChanged' | 'requestStatusChanged' | 'other';
  email: string;
  subjectId: string;
}

const REPOSIT_SHAPES = [REPOSIT_TENANT_CONFIRMED, REPOSIT_TENANT_SIGNED, REPOSIT_TENANT_PAID];
const CANOPY_SHAPES = [
  { body: canopyExamples.passportStatus, topic: 'passportStatusChanged' as const },
  { body: canopyExamples.requestStatus, topic: 'requestStatusChanged' as const },
  { body: canopyExamples.note, topic: 'other' as const },
];

/**
 * A webhook of the given kind: one of Reposit's three tenant events about a tenant (its e-mail
 * and Reposit id in the documented shape), or one of Canopy's documented examples about Amara at
 * sandbox-north; `sequence` picks the shape and makes the body unique (a timestamp or
 * clientReferenceId of its own), so the gateway deduplicates none.
 */
export function notification(kind: 'reposit' | 'canopy', sequence: number, tenant: Tenant, run: string): Notification {
  if (kind === 'canopy') {
    const shape = CANOPY_SHAPES[sequence % CANOPY_SHAPES.length]!;
    return {
      agency: 'sandbox-north',
      route: 'canopy',
      body: { ...shape.body, clientReferenceId: `mix-${run}-${sequence}` },
      topic: shape.topic,
      email: AMARA,
      subjectId: AMARA_REQUEST,
    };
  }
  const shape = REPOSIT_SHAPES[sequence % REPOSIT_SHAPES.length]!;
  const timestamp = new Date(Date.UTC(2026, 0, 1) + sequence).toISOString();
  return {
    agency: tenant.agency,
    route: 'reposit',
    body: {
      ...shape,
      timestamp,
      resource: { id: tenant.repositId, href: `https://reposit.co.uk/deposits/v1/reposits/${tenant.repositId}` },
      data: { tenant: { ...shape.data.tenant, email: tenant.email } },
    },
    topic: 'repositChanged',
    email: tenant.email,
    subjectId: tenant.repositId,
  };
}

/** Whether the gateway must deliver the notification to the subscription: same agency, and the interest matches. */
export function matches(subscription: PlannedSubscription, sent: Notification): boolean {
  if (subscription.agency !== sent.agency) return false;
  const interest = subscription.interest;
  switch (interest.field) {
    case 'tenantEvents':
      return interest.email === sent.email;
    case 'repositEvents':
      return sent.topic === 'repositChanged' && (interest.repositId === undefined || interest.repositId === sent.subjectId);
    case 'passportStatusChanged':
      return sent.topic === 'passportStatusChanged' && interest.canopyReferenceId === sent.subjectId;
    case 'referencingRequestStatusChanged':
      return sent.topic === 'requestStatusChanged';
  }
}

const SELECTION = '__typename ... on VendorEvent { id }';

/** The document and variables of a subscription; every field is aliased `e`, and selects only the event's id (no vendor call). */
export function operationOf(subscription: PlannedSubscription): { query: string; variables: Record<string, unknown> } {
  const { interest, after } = subscription;
  switch (interest.field) {
    case 'tenantEvents':
      return { query: `subscription($email: String!, $after: String) { e: tenantEvents(email: $email, after: $after) { ${SELECTION} } }`, variables: { email: interest.email, after } };
    case 'repositEvents':
      return { query: `subscription($id: ID, $after: String) { e: repositEvents(repositId: $id, after: $after) { ${SELECTION} } }`, variables: { id: interest.repositId, after } };
    case 'passportStatusChanged':
      return { query: `subscription($id: ID, $after: String) { e: passportStatusChanged(canopyReferenceId: $id, after: $after) { ${SELECTION} } }`, variables: { id: interest.canopyReferenceId, after } };
    case 'referencingRequestStatusChanged':
      return { query: `subscription($after: String) { e: referencingRequestStatusChanged(after: $after) { ${SELECTION} } }`, variables: { after } };
  }
}

/**
 * The subscriptions, grouped by socket: of every 10 sockets, 7 hold one subscription and 3 hold
 * three (a browser tab with a few widgets). By subscription: most watch a tenant's events, a
 * quarter one Reposit, a few every Reposit event of their agency, a few Amara's Canopy request;
 * one in 20 replays from a cursor of its agency's.
 */
export function plan(all: Tenant[], subscriptions: number, cursors: Record<MixAgency, string>): PlannedSubscription[][] {
  const sockets: PlannedSubscription[][] = [];
  let made = 0;
  for (let socket = 0; made < subscriptions; socket++) {
    const size = Math.min(socket % 10 < 7 ? 1 : 3, subscriptions - made);
    const tenant = all[socket % all.length]!;
    const group: PlannedSubscription[] = [];
    for (let k = 0; k < size; k++, made++) {
      group.push({ agency: tenant.agency, interest: interestOf(made, tenant), after: made % 20 === 7 ? cursors[tenant.agency] : undefined });
    }
    sockets.push(group);
  }
  return sockets;
}

/** A socket's subscriptions are all of its tenant's agency (one token per socket); Amara's Canopy ones only at sandbox-north, where her request is. */
function interestOf(n: number, tenant: Tenant): Interest {
  const north = tenant.agency === 'sandbox-north';
  if (north && n % 100 === 3) return { field: 'tenantEvents', email: AMARA };
  if (north && n % 100 === 54) return { field: 'passportStatusChanged', canopyReferenceId: AMARA_REQUEST };
  if (north && n % 500 === 12) return { field: 'referencingRequestStatusChanged' };
  if (n % 500 === 17) return { field: 'repositEvents', repositId: undefined };
  if (n % 4 === 1) return { field: 'repositEvents', repositId: tenant.repositId };
  return { field: 'tenantEvents', email: tenant.email };
}
