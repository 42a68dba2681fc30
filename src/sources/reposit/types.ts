import type { OpenEnum } from '../open-enum';

/** A tenant's progress through a Reposit, in the order Reposit documents it. */
export const REPOSIT_TENANT_STATUS_VALUES = ['INVITED', 'REGISTERED', 'CONFIRMED', 'SIGNED', 'PAID'] as const;
export type RepositTenantStatus = OpenEnum<(typeof REPOSIT_TENANT_STATUS_VALUES)[number]>;

/**
 * Reposit's example only shows `AGENCY`; `LANDLORD` is the other account a supplier registers
 * as ("Register an agency or landlord account").
 */
export const REPOSIT_SUPPLIER_TYPE_VALUES = ['AGENCY', 'LANDLORD'] as const;
export type RepositSupplierType = OpenEnum<(typeof REPOSIT_SUPPLIER_TYPE_VALUES)[number]>;

/** "Will be 'DEPOSIT_WAIVER' in most cases": the only category documented. */
export const REPOSIT_POLICY_CATEGORY_VALUES = ['DEPOSIT_WAIVER'] as const;
export type RepositPolicyCategory = OpenEnum<(typeof REPOSIT_POLICY_CATEGORY_VALUES)[number]>;

/** "Generally 'Policy Summary' for issuance certificates": the only document type documented. */
export const REPOSIT_POLICY_DOCUMENT_TYPE_VALUES = ['Policy Summary'] as const;
export type RepositPolicyDocumentType = OpenEnum<(typeof REPOSIT_POLICY_DOCUMENT_TYPE_VALUES)[number]>;

/**
 * Where a Reposit stands. Reposit sends no status field: this is read from its dates and its
 * tenants (active once every tenant has paid, as the docs define 'Active').
 */
export const REPOSIT_STATUS_VALUES = ['PENDING', 'ACTIVE', 'CLOSED', 'DEACTIVATED'] as const;
export type RepositStatus = (typeof REPOSIT_STATUS_VALUES)[number];

export const REPOSIT_WEBHOOK_ACTION_VALUES = [
  'reposit.tenant.confirmed',
  'reposit.tenant.signed',
  'reposit.tenant.paid',
  'reposit.completed',
] as const;
export type RepositWebhookAction = (typeof REPOSIT_WEBHOOK_ACTION_VALUES)[number];

export interface RepositAddress {
  line1: string;
  line2?: string;
  town: string;
  /** ISO 3166-1 alpha-3, e.g. `GBR`. */
  country: string;
  postcode: string;
}

/** The letting agency (or landlord) that the API key belongs to. */
export interface RepositSupplier {
  id: string;
  name: string;
  type: RepositSupplierType;
  /** Absent on the copy embedded in a Reposit. */
  createdAt?: Date;
}

export interface RepositAgent {
  id: string;
  firstName: string;
  lastName: string;
}

export interface RepositTenant {
  email: string;
  createdAt: Date;
  status: RepositTenantStatus;
}

export interface Reposit {
  id: string;
  /** Monthly rent, in integer pence (Reposit's `ppm`, sent in pounds). */
  monthlyRentPence: number;
  headcount: number;
  /** The tenancy's first day, at 00:00 UTC. */
  startDate: Date;
  /** The tenancy's last day, at 00:00 UTC. */
  endDate: Date;
  /** Whether the landlord, not the agent, manages claims; Reposit's default (false) when unset. */
  letOnly: boolean;
  createdAt: Date;
  /** When the Reposit closed on expiry. */
  closedAt?: Date;
  /** When the Reposit was deactivated by hand. */
  deactivatedAt?: Date;
  status: RepositStatus;
  address: RepositAddress;
  agent: RepositAgent;
  supplier: RepositSupplier;
  tenants: RepositTenant[];
  /** Absolute URL of the landlord; pass it to `RepositClient.getLandlord`. */
  landlordUrl: string;
  /** Absolute URL of the insurance policies. */
  policiesUrl: string;
}

export interface RepositLandlord {
  firstName: string;
  lastName: string;
  /** Where Reposit sends the policy documents. */
  email: string;
  address: RepositAddress;
}

export interface RepositPolicyDocument {
  id: string;
  type: RepositPolicyDocumentType;
  name: string;
  /** Absolute URL of the document (a PDF certificate, usually). */
  href: string;
  createdAt: Date;
}

export interface RepositPolicy {
  id: string;
  /** The policy type's identifier, e.g. `CAN_V2_3000_24`. */
  typeId: string;
  category: RepositPolicyCategory;
  startDate: Date;
  endDate: Date;
  documents: RepositPolicyDocument[];
}

export interface CreateRepositInput {
  /** The let property. */
  address: RepositAddress;
  landlord: RepositLandlord;
  /** An agent of the supplier (see `RepositClient.listSupplierAgents`); it receives the notifications. */
  agentId: string;
  /** Monthly rent, in integer pence; sent to Reposit in pounds. */
  monthlyRentPence: number;
  /** The tenancy's first day; its UTC calendar date is sent. */
  startDate: Date;
  /** The tenancy's last day; its UTC calendar date is sent. */
  endDate: Date;
  /** Every tenant on the agreement; Reposit's `headcount` is their number. */
  tenantEmails: string[];
  /** @default false */
  letOnly?: boolean;
}

interface RepositWebhookEventBase {
  repositId: string;
  /** Absolute URL of the Reposit. */
  href: string;
  timestamp: Date;
}

export interface RepositTenantWebhookEvent extends RepositWebhookEventBase {
  action: Exclude<RepositWebhookAction, 'reposit.completed'>;
  tenant: RepositTenant;
}

export interface RepositCompletedWebhookEvent extends RepositWebhookEventBase {
  action: 'reposit.completed';
}

/** One of Reposit's four webhook notifications, read. */
export type RepositWebhookEvent = RepositTenantWebhookEvent | RepositCompletedWebhookEvent;
