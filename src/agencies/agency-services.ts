import { LRUCache } from 'lru-cache';
import type { Agency as RequestAgency, CallbackUrls } from '../context';
import { createVendorClients, type VendorClients, type VendorHttpTuning, type VendorPools } from '../sources/clients';
import type { VendorCall } from '../sources/http';
import type { CrmIdentity } from '../sources/vendor-module';
import { webhookSecretFor } from '../subscriptions/webhook-secrets';
import { callbackUrlsFor } from '../subscriptions/webhooks';
import type { Agency, AgencyRegistry } from './agency';

/** What one agency's requests work with: its vendor clients and its own webhook URLs. */
export interface AgencyServices {
  agency: RequestAgency;
  clients: VendorClients;
  /** The agency's webhook URLs, registered with its vendors (they carry its secret). */
  callbackUrls: CallbackUrls;
}

export interface AgencyServicesOptions {
  registry: AgencyRegistry;
  pools: VendorPools;
  crm: CrmIdentity;
  publicUrl: string;
  webhookSecret: string;
  /** Told of every vendor call, with the agency that made it. */
  onCall?: (agencyId: string, call: VendorCall) => void;
  /** Timeouts and retries of the vendor clients. */
  vendorHttp?: Omit<VendorHttpTuning, 'onCall'>;
  /** The agency as its clients should see it: e.g. with a rotated Canopy key in place of the configured one. */
  prepare?: (agency: Agency) => Promise<Agency>;
  /** Agencies whose clients are kept at once. @default 1000 */
  max?: number;
  /** A client set unused this long is dropped (its Canopy token with it). @default 30 minutes */
  idleMs?: number;
  /** An agency whose Canopy credentials were refused is rebuilt at most once in this long. @default 30 seconds */
  refusedRebuildIntervalMs?: number;
  /** Told of each such rebuild, by agency id. */
  log?: (line: string) => void;
}

export interface AgencyServicesCache {
  /** The agency's services, built on first use; undefined for an agency that does not exist (or no longer). */
  get(agencyId: string): Promise<AgencyServices | undefined>;
  /** Builds the agency's services anew on next use, e.g. after its Canopy key was rotated. */
  drop(agencyId: string): void;
}

/**
 * Each agency's vendor clients, built on first use and kept in a bounded cache (least recently
 * used, and dropped when idle). A change to an agency drops its entry at once: requests already
 * holding the old clients finish with the old credentials, and the next request builds a new set,
 * so no call ever sees a half-updated one. An agency whose Canopy token exchange is refused is
 * rebuilt too, so that a rotation whose notice this instance missed costs one refused request.
 */
export function createAgencyServices(options: AgencyServicesOptions): AgencyServicesCache {
  // Promises, so that concurrent first requests of an agency build its clients once.
  const cache = new LRUCache<string, Promise<AgencyServices | undefined>>({
    max: options.max ?? 1_000,
    ttl: options.idleMs ?? 30 * 60_000,
    // Idle expiry: every use restarts the clock.
    updateAgeOnGet: true,
  });
  options.registry.onChange((agencyId) => cache.delete(agencyId));
  // Agencies rebuilt lately because Canopy refused their credentials: a key that is wrong
  // everywhere must not have every request rebuild the agency.
  const rebuiltOnRefusal = new LRUCache<string, true>({ max: options.max ?? 1_000, ttl: options.refusedRebuildIntervalMs ?? 30_000 });

  /**
   * Canopy refused the token exchange of this set's client. A rotation on another instance whose
   * notice was missed leaves this one signing with the replaced key: building the set anew loads
   * the rotated key (see `prepare`). A refusal by a set already replaced changes nothing.
   */
  const credentialsRefused = (agencyId: string, refused: Promise<AgencyServices | undefined>): void => {
    if (cache.peek(agencyId) !== refused || rebuiltOnRefusal.has(agencyId)) return;
    rebuiltOnRefusal.set(agencyId, true);
    cache.delete(agencyId);
    options.log?.(`agencies: Canopy Referencing refused agency ${agencyId}'s credentials; its clients are built anew on next use, with the newest key known`);
  };

  const build = async (agencyId: string, onCredentialsRefused: () => void): Promise<AgencyServices | undefined> => {
    const registered = options.registry.get(agencyId);
    if (!registered) return undefined;
    const agency = options.prepare ? await options.prepare(registered) : registered;
    const onCall = options.onCall;
    const secret = webhookSecretFor(options.webhookSecret, agency.id);
    const clients = createVendorClients(agency, options.pools, options.crm, {
      ...options.vendorHttp,
      onCall: onCall && ((call) => onCall(agency.id, call)),
    });
    clients.canopyReferencing.whenCredentialsRefused(onCredentialsRefused);
    return {
      agency: { id: agency.id, name: agency.name },
      clients,
      callbackUrls: callbackUrlsFor(options.publicUrl, secret),
    };
  };

  return {
    get(agencyId) {
      const cached = cache.get(agencyId);
      if (cached) return cached;
      const services: Promise<AgencyServices | undefined> = build(agencyId, () => credentialsRefused(agencyId, services));
      cache.set(agencyId, services);
      // A failed or empty build is not kept: the next request tries again.
      services.then(
        (built) => built || cache.delete(agencyId),
        () => cache.delete(agencyId),
      );
      return services;
    },
    drop: (agencyId) => void cache.delete(agencyId),
  };
}
