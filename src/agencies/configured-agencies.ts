import type { AgencyConfig, Config } from '../config';
import type { RunningSandbox } from '../sandbox/start';
import type { ResolvedAgency } from '../sources/clients';
import { VENDOR_KEYS } from '../sources/vendors';
import type { Agency, AgencyVendors } from './agency';

/**
 * Sandbox mode: SANDBOX=1, or nothing configured at all (no agencies file, no vendor variable).
 * The gateway then serves the sandbox's own agencies, `sandbox-north` and `sandbox-south`.
 */
export function isSandboxMode(config: Config): boolean {
  if (config.sandbox.forced) return true;
  return config.fileAgencies === undefined && VENDOR_KEYS.every((key) => config.agency[key] === null);
}

/** Whether the sandbox must run: in sandbox mode, and for the vendors today's variables leave out. */
export function needsSandbox(config: Config): boolean {
  return isSandboxMode(config) || (config.fileAgencies === undefined && VENDOR_KEYS.some((key) => config.agency[key] === null));
}

/** The agencies of AGENCIES_FILE, of today's variables (`default`), or of sandbox mode, in that order. */
export function configuredAgencies(config: Config, sandbox: RunningSandbox | undefined): Agency[] {
  if (isSandboxMode(config)) {
    if (!sandbox) throw new Error('sandbox mode without a sandbox');
    return sandbox.accounts.map((account) => ({ id: account.id, name: account.name, source: 'sandbox', vendors: vendorsOf(account.agency) }));
  }
  if (config.fileAgencies) return config.fileAgencies;
  return [environmentAgency(config.agency, sandbox?.account('sandbox-north').agency)];
}

/** Agency `default` of today's single-agency variables; a vendor they leave out is played by the sandbox. */
function environmentAgency(agency: AgencyConfig, simulated: ResolvedAgency | undefined): Agency {
  const vendors: AgencyVendors = {};
  for (const key of VENDOR_KEYS) {
    const account = agency[key] ?? simulated?.[key];
    if (!account) throw new Error(`${key}: neither credentials nor a sandbox`);
    Object.assign(vendors, { [key]: account });
  }
  return { id: agency.id, name: 'Default agency', source: 'environment', vendors };
}

function vendorsOf({ id: _, ...vendors }: ResolvedAgency): AgencyVendors {
  return vendors;
}
