import { createLinkLoaders } from './links/link-loaders';
import type { LinkStore } from './links/link-store';
import type { ReportDocuments, ReportDocumentStore } from './links/report-documents';
import DataLoader from 'dataloader';
import type { ReportLinks } from './http/report-links';
import type { VendorClients } from './sources/clients';
import { VENDOR_KEYS, VENDORS, type VendorKey, type VendorLoaders, type WebhookRoute } from './sources/vendors';
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

/**
 * A request's loaders, each vendor's (and the gateway's own) made when a resolver first asks for
 * them: most operations read one or two vendors, and a subscription holds its context for hours.
 */
export function createLoaders(clients: VendorClients, links: LinkStore, reports: ReportDocumentStore, agency: Agency): Loaders {
  return new LazyLoaders(clients, links, reports, agency) as unknown as Loaders;
}

/** The loaders as getters on the prototype, defined once, so a request's set costs one small object until used. */
class LazyLoaders {
  // Named apart from every loader's key: the getters are on the prototype, under those keys.
  readonly made: Partial<Loaders> = {};
  constructor(
    readonly vendorClients: VendorClients,
    readonly linkStore: LinkStore,
    readonly reportStore: ReportDocumentStore,
    readonly forAgency: Agency,
  ) {}
}

type MakeLoader = (loaders: LazyLoaders) => unknown;
const MAKE_LOADER: Record<keyof Loaders, MakeLoader> = {
  links: (l) => createLinkLoaders(l.linkStore, l.forAgency.id),
  reportDocuments: (l) => new DataLoader((ids: readonly string[]) => l.reportStore.load(l.forAgency.id, ids)),
  ...(Object.fromEntries(VENDOR_KEYS.map((key) => [key, (l: LazyLoaders) => VENDORS[key].createLoaders(l.vendorClients[key] as never)])) as Record<VendorKey, MakeLoader>),
};

for (const key of Object.keys(MAKE_LOADER) as Array<keyof Loaders>) {
  Object.defineProperty(LazyLoaders.prototype, key, {
    enumerable: true,
    get(this: LazyLoaders) {
      return (this.made[key] ??= MAKE_LOADER[key](this) as never);
    },
  });
}
