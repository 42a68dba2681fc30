import type { AddressInfo } from 'node:net';
import type { ResolvedAgency } from '../sources/clients';
import type { VendorName } from '../sources/vendor-error';
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

/** Where one account's vendors send their notifications; undefined turns one off. */
export interface SandboxWebhookUrls {
  /** The callback URL of the seeded Canopy referencing requests (their completed reports). */
  canopy: string | undefined;
  /** Reposit's one webhook endpoint. */
  reposit: string | undefined;
}

/** One simulated agency, with its own account at each vendor. */
export interface SandboxAccount {
  id: SandboxAccountId;
  name: string;
  people: DemoPerson[];
  simulators: SandboxSimulators;
  /** This agency, its credentials those of its accounts at this sandbox. */
  agency: ResolvedAgency;
  setWebhookUrls(urls: SandboxWebhookUrls): void;
}

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
    const { canopyReferencing, canopyServicing, reposit } = profile.credentials;
    return {
      id: profile.id,
      canopyReferencing: { baseUrl: baseUrls['canopy-referencing'], ...canopyReferencing },
      canopyServicing: { baseUrl: baseUrls['canopy-servicing'], ...canopyServicing },
      reposit: { baseUrl: baseUrls.reposit, ...reposit },
    };
  }

  const accounts: SandboxAccount[] = seeded.map(({ profile, people, simulators }) => ({
    id: profile.id,
    name: profile.name,
    people,
    simulators,
    agency: agencyOf(profile),
    setWebhookUrls({ canopy, reposit }) {
      simulators.canopyReferencing.setSeedCallbackUrl(canopy);
      simulators.reposit.setWebhookUrl(reposit);
    },
  }));
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
      return accounts.flatMap(({ simulators }) => [simulators.canopyReferencing, simulators.reposit]);
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
