/**
 * Reposit's JSON as its Partner API documentation shows it. Nothing outside
 * `src/sources/reposit/` (and the simulator that plays Reposit) reads these shapes: the client
 * hands out the normalised types of `types.ts`.
 */

/** `GET /v1/suppliers/me`. The one snake_case field, and a timestamp with no zone: `2018-11-10 11:12:11.999`. */
export interface WireSupplier {
  id: string;
  name: string;
  type: string;
  created_at: string;
}

/** The supplier as embedded in a Reposit: no creation time. */
export interface WireSupplierSummary {
  id: string;
  name: string;
  type: string;
}

export interface WireAgent {
  id: string;
  firstName: string;
  lastName: string;
}

export interface WireAddress {
  line1: string;
  line2?: string | null;
  town: string;
  /** ISO 3166-1 alpha-3, e.g. `GBR`. */
  country: string;
  postcode: string;
}

export interface WireTenant {
  email: string;
  createdAt: string;
  /** INVITED, REGISTERED, CONFIRMED, SIGNED or PAID. */
  status: string;
}

export interface WireReposit {
  id: string;
  /** Monthly rent in pounds. */
  ppm: number;
  headcount: number;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
  /** Documented as defaulting to false, yet sent as null when it was never set. */
  letOnly: boolean | null;
  createdAt: string;
  closedAt: string | null;
  deactivatedAt: string | null;
  address: WireAddress;
  agent: WireAgent;
  supplier: WireSupplierSummary;
  tenants: WireTenant[];
  landlordUrl: string;
  policiesUrl: string;
}

export interface WireLandlord {
  firstName: string;
  lastName: string;
  email: string;
  address: WireAddress;
}

export interface WirePolicyType {
  id: string;
  category: string;
}

export interface WirePolicyDocument {
  id: string;
  type: string;
  name: string;
  href: string;
  createdAt: string;
}

export interface WirePolicy {
  id: string;
  type: WirePolicyType;
  startDate: string;
  endDate: string;
  documents: WirePolicyDocument[];
}

/** `POST /v1/reposits`. */
export interface WireCreateRepositRequest {
  address: WireAddress;
  landlord: WireLandlord;
  agentId: string;
  /** Monthly rent in pounds. */
  ppm: number;
  headcount: number;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
  tenantEmails: string[];
  letOnly?: boolean;
}

/**
 * Reposit's error body. The Partner API documentation lists no error payload, so this is the
 * shape of the Node (NestJS-style) API behind it: `message` is a list of sentences, each led by
 * the field it is about, when a request body fails validation.
 */
export interface WireError {
  statusCode: number;
  error: string;
  message: string | string[];
}

export type WireTenantAction = 'reposit.tenant.confirmed' | 'reposit.tenant.signed' | 'reposit.tenant.paid';

interface WireWebhookBase {
  resource_type: 'reposit';
  timestamp: string;
  resource: { id: string; href: string };
}

export interface WireTenantWebhook extends WireWebhookBase {
  action: WireTenantAction;
  data: { tenant: WireTenant };
}

/** Sent when every tenant has paid; it carries no `data`: follow `resource.href`. */
export interface WireCompletedWebhook extends WireWebhookBase {
  action: 'reposit.completed';
}

export type WireWebhook = WireTenantWebhook | WireCompletedWebhook;
