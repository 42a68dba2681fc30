import type { AddressInfo } from 'node:net';
import type { Agency } from '../agencies/agency';
import type { AgencyServices } from '../agencies/agency-services';
import type { ResolvedAgency } from '../sources/clients';
import type { VendorName } from '../sources/vendor-error';
import { eachVendor, VENDOR_KEYS, VENDORS, type VendorKey, type WebhookRoute } from '../sources/vendors';
import { createAccountSimulators, SANDBOX_ACCOUNT_PROFILES, type SandboxAccountProfile, type SandboxSimulators } from './accounts';
import type { SandboxAccountId } from './credentials';
import type { DemoPerson } from './demo-people';
import { createSandboxServer, SANDBOX_PREFIXES, type ExchangeObserver } from './server';
import type { ActiveSimulator } from './vendor-simulator';

export interface StartSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** How many demo people to seed into every vendor of every account. @default 50 */
  people?: number;
  /** Sees every call and its answer (contract tests). */
  onExchange?: ExchangeObserver;
}

/** Where one account's vendors send their notifications, by webhook route; undefined turns one off. */
export type SandboxWebhookUrls = Record<WebhookRoute, string | undefined>;

/** One simulated agency, with its own account at each vendor. */
export interface SandboxAccount {
  id: SandboxAccountId;
  name: string;
  people: DemoPerson[];
  simulators: SandboxSimulators;
  /** This agency, its credentials those of its accounts at this sandbox. */
  agency: ResolvedAgency;
  setWebhookUrls(urls: SandboxWebhookUrls): void;
  /**
   * Plays this account for an agency that reaches some of its vendors at this sandbox: those send
   * their notifications to the agency's webhook URLs, and each does what an agency does once at
   * start-up with the real vendor (Canopy: register its webhooks).
   */
  connect(agency: Agency, services: AgencyServices): Promise<void>;
}

/** A vendor's sandbox side, as the start-up steps use it whatever the vendor. */
interface SandboxSide {
  active?: true;
  sendWebhooksTo?(simulator: unknown, url: string | undefined): void;
  atStart?(client: unknown, callbackUrl: string): Promise<void>;
}

// Each hook is called with its own vendor's simulator and client only.
const sandboxSideOf = (key: VendorKey) => VENDORS[key].sandbox as SandboxSide;

/** The vendors with webhooks, each with its route. */
const WEBHOOK_VENDORS = VENDOR_KEYS.flatMap((key) => {
  const vendor = VENDORS[key];
  return 'webhook' in vendor ? [{ key, route: vendor.webhook.route as WebhookRoute }] : [];
});

export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * Seeds the simulated agencies' accounts at the three vendors, serves them all on one port, and
 * says where each vendor is. `people`, `simulators` and `agency()` are `sandbox-north`'s.
 */
export async function startSandbox(options: StartSandboxOptions = {}) {
  const seeded = SANDBOX_ACCOUNT_PROFILES.map((profile) => ({ profile, ...createAccountSimulators(profile, options.people ?? 50) }));
  const { server, knobs, calls } = createSandboxServer(
    seeded.flatMap(({ simulators }) => Object.values(simulators)),
    options.onExchange,
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const baseUrls = Object.fromEntries(
    Object.entries(SANDBOX_PREFIXES).map(([vendor, prefix]) => [vendor, url + prefix]),
  ) as Record<VendorName, string>;

  function agencyOf(profile: SandboxAccountProfile): ResolvedAgency {
    const accounts = eachVendor<Omit<ResolvedAgency, 'id'>>((vendor) => ({ baseUrl: baseUrls[vendor.name], ...vendor.sandbox.credentials[profile.id] }) as never);
    return { id: profile.id, ...accounts };
  }

  const accounts: SandboxAccount[] = seeded.map(({ profile, people, simulators }) => {
    function setWebhookUrls(urls: SandboxWebhookUrls): void {
      for (const { key, route } of WEBHOOK_VENDORS) sandboxSideOf(key).sendWebhooksTo?.(simulators[key], urls[route]);
    }
    return {
      id: profile.id,
      name: profile.name,
      people,
      simulators,
      agency: agencyOf(profile),
      setWebhookUrls,
      async connect(agency, services) {
        const simulated = (key: VendorKey) => agency.vendors[key]?.baseUrl.startsWith(url) === true;
        const urls = Object.fromEntries(WEBHOOK_VENDORS.map(({ key, route }) => [route, simulated(key) ? services.callbackUrls[route] : undefined]));
        setWebhookUrls(urls as SandboxWebhookUrls);
        for (const { key, route } of WEBHOOK_VENDORS) {
          if (simulated(key)) await sandboxSideOf(key).atStart?.(services.clients[key], services.callbackUrls[route]);
        }
      },
    };
  });
  function account(id: SandboxAccountId): SandboxAccount {
    const found = accounts.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no sandbox account ${id}`);
    return found;
  }
  const north = account('sandbox-north');

  return {
    url,
    baseUrls,
    people: north.people,
    simulators: north.simulators,
    accounts,
    /** The account of one simulated agency. */
    account,
    /** Every account's simulators whose renters and tenants act on their own, for the driver. */
    activeSimulators(): ActiveSimulator[] {
      const active = VENDOR_KEYS.filter((key) => sandboxSideOf(key).active);
      return accounts.flatMap(({ simulators }) => active.map((key) => simulators[key] as ActiveSimulator));
    },
    knobs,
    calls,
    /** An agency named `id` holding `sandbox-north`'s credentials at this sandbox, for every vendor. */
    agency(id = 'default'): ResolvedAgency {
      return { ...north.agency, id };
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
