import { createLinkLoaders } from './links/link-loaders';
import type { LinkStore } from './links/link-store';
import type { ReportDocuments, ReportDocumentStore } from './links/report-documents';
import DataLoader from 'dataloader';
import type { ReportLinks } from './http/report-links';
import type { VendorClients } from './sources/clients';
import { eachVendor, type VendorLoaders, type WebhookRoute } from './sources/vendors';
import type { EventLog } from './subscriptions/event-log';
import type { OperationFrames } from './subscriptions/operation-frames';
import type { OperationScope } from './limits/operation-scope';
import type { Principal } from './auth/principal';
import type { Agency as RegisteredAgency } from './agencies/agency';
import type { AgencyServicesCache } from './agencies/agency-services';
import type { CanopyKeyRotations } from './agencies/canopy-key-rotations';
import type { LiveAgencyRegistry } from './agencies/registry';
import type { ApiKeyStore } from './auth/api-keys';

/** The agency a request acts for, its principal's: what a request may know of it, never its credentials. */
export type Agency = Pick<RegisteredAgency, 'id' | 'name'>;

/** The gateway's own loaders, and each vendor's under its key. */
export interface Loaders extends VendorLoaders {
  links: ReturnType<typeof createLinkLoaders>;
  reportDocuments: DataLoader<string, ReportDocuments | undefined>;
}

export interface GatewayContext {
  /** Who is calling; every operation acts for its one agency (`agency.id === principal.agencyId`). */
  principal: Principal;
  agency: Agency;
  clients: VendorClients;
  /** Fresh per request (and per subscription event), so no answer outlives the request it served. */
  loaders: Loaders;
  links: LinkStore;
  reportDocuments: ReportDocumentStore;
  /** Makes the gateway's own signed URLs of vendor documents. */
  reportLinks: ReportLinks;
  /** The gateway's own webhook URLs, registered with the vendors (they carry the secret). */
  callbackUrls: CallbackUrls;
  /** The agency's stored vendor events, for subscriptions. */
  events: EventLog;
  /** What the admin fields act on; each field checks the caller's rights itself. */
  admin: AgencyAdmin;
  /** The running query's or mutation's deadline, answer budget and signal; set when it starts executing. */
  operation?: OperationScope;
  /** Over graphql-ws: the operation's messages, which a subscription's events are written to directly. */
  frames?: OperationFrames;
}

/** The gateway's own state the admin fields change: agencies, API keys, Canopy keys. */
export interface AgencyAdmin {
  registry: LiveAgencyRegistry;
  /** Every agency's services, for the webhook URLs of an agency other than the caller's (a CRM operator's). */
  agencies: AgencyServicesCache;
  /** Undefined without Redis: API keys are then neither made nor accepted. */
  apiKeys: ApiKeyStore | undefined;
  canopyKeyRotations: Pick<CanopyKeyRotations, 'rotate'>;
}

/** By webhook route (`canopy`, `reposit`). */
export type CallbackUrls = Record<WebhookRoute, string>;

export function createLoaders(clients: VendorClients, links: LinkStore, reports: ReportDocumentStore, agency: Agency): Loaders {
  return {
    links: createLinkLoaders(links, agency.id),
    reportDocuments: new DataLoader((ids) => reports.load(agency.id, ids)),
    ...eachVendor<VendorLoaders>((vendor, key) => vendor.createLoaders(clients[key] as never) as VendorLoaders[typeof key]),
  };
}
