import type { AddressInfo } from 'node:net';
import type { ResolvedAgency } from '../sources/clients';
import type { VendorName } from '../sources/vendor-error';
import { createCanopyReferencingSimulator } from './canopy-referencing/simulator';
import { createCanopyServicingSimulator } from './canopy-servicing/simulator';
import { SANDBOX_CREDENTIALS } from './credentials';
import { demoPeople } from './demo-people';
import { createRepositSimulator } from './reposit/simulator';
import { createSandboxServer, SANDBOX_PREFIXES, type ExchangeObserver } from './server';

export interface StartSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** How many demo people to seed into every vendor. @default 50 */
  people?: number;
  /** Sees every call and its answer (contract tests). */
  onExchange?: ExchangeObserver;
}

export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Seeds the three simulated vendors, serves them on one port, and says where each one is. */
export async function startSandbox(options: StartSandboxOptions = {}) {
  const people = demoPeople(options.people ?? 50);
  const simulators = {
    canopyReferencing: createCanopyReferencingSimulator({ people }),
    canopyServicing: createCanopyServicingSimulator({ people }),
    reposit: createRepositSimulator({ people }),
  };
  const { server, knobs, calls } = createSandboxServer(Object.values(simulators), options.onExchange);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const baseUrls = Object.fromEntries(
    Object.entries(SANDBOX_PREFIXES).map(([vendor, prefix]) => [vendor, url + prefix]),
  ) as Record<VendorName, string>;

  return {
    url,
    baseUrls,
    people,
    simulators,
    knobs,
    calls,
    /** An agency whose credentials point at this sandbox, for every vendor. */
    agency(id = 'default'): ResolvedAgency {
      return {
        id,
        canopyReferencing: { baseUrl: baseUrls['canopy-referencing'], ...SANDBOX_CREDENTIALS.canopyReferencing },
        canopyServicing: { baseUrl: baseUrls['canopy-servicing'], ...SANDBOX_CREDENTIALS.canopyServicing },
        reposit: { baseUrl: baseUrls.reposit, ...SANDBOX_CREDENTIALS.reposit },
      };
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
