import { ConfigError, loadConfig, type AgencyConfig, type Config } from './config';
import { createSandboxDriver } from './sandbox/driver';
import { startSandbox, type RunningSandbox } from './sandbox/start';
import type { ResolvedAgency } from './sources/clients';
import type { VendorName } from './sources/vendor-error';

const VENDOR_KEYS: Record<VendorName, keyof Omit<AgencyConfig, 'id'>> = {
  'canopy-referencing': 'canopyReferencing',
  'canopy-servicing': 'canopyServicing',
  reposit: 'reposit',
};

/** The only place that opens things: config, the sandbox where a vendor has no credentials, and shutdown. */
async function main(): Promise<void> {
  const config = readConfig();
  const sandbox = needsSandbox(config.agency) ? await startSandbox() : undefined;
  const agency = withSandbox(config.agency, sandbox);
  logVendors(config.agency, agency);

  const driver = sandbox && config.sandbox.events
    ? createSandboxDriver({
        simulators: [sandbox.simulators.canopyReferencing, sandbox.simulators.reposit],
        log: (line) => console.warn(line),
      })
    : undefined;
  driver?.start();
  if (sandbox) {
    console.log(`sandbox: simulated renter and tenant activity ${driver ? 'on' : 'off (SANDBOX_EVENTS=0)'}`);
  }

  const stop = async (signal: string) => {
    console.log(`${signal}: stopping`);
    await driver?.stop();
    await sandbox?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`rentgraph: bad configuration. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

function needsSandbox(agency: AgencyConfig): boolean {
  return Object.values(VENDOR_KEYS).some((key) => agency[key] === null);
}

/** The agency with every vendor that has no credentials pointed at the sandbox. */
function withSandbox(agency: AgencyConfig, sandbox: RunningSandbox | undefined): ResolvedAgency {
  const simulated = sandbox?.agency(agency.id);
  const pick = <K extends Exclude<keyof AgencyConfig, 'id'>>(key: K): ResolvedAgency[K] => {
    const credentials = agency[key] ?? simulated?.[key];
    if (!credentials) throw new Error(`${key}: neither credentials nor a sandbox`);
    return credentials as ResolvedAgency[K];
  };
  return {
    id: agency.id,
    canopyReferencing: pick('canopyReferencing'),
    canopyServicing: pick('canopyServicing'),
    reposit: pick('reposit'),
  };
}

function logVendors(configured: AgencyConfig, effective: ResolvedAgency): void {
  for (const [vendor, key] of Object.entries(VENDOR_KEYS)) {
    const kind = configured[key] ? 'real' : 'simulated';
    console.log(`${vendor}: ${kind}, at ${effective[key].baseUrl}`);
  }
}

main().catch((error: unknown) => {
  console.error('rentgraph: failed to start', error);
  process.exit(1);
});
