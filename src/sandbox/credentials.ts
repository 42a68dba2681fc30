import { eachVendor, type VENDORS, type VendorKey } from '../sources/vendors';

/** The sandbox's two simulated agencies: each holds its own account at every vendor. */
export type SandboxAccountId = 'sandbox-north' | 'sandbox-south';

/** One simulated agency's keys at every vendor, as each vendor's descriptor gives them. */
export type SandboxCredentials = { [K in VendorKey]: (typeof VENDORS)[K]['sandbox']['credentials'][SandboxAccountId] };

const credentialsOf = (id: SandboxAccountId) => eachVendor<SandboxCredentials>((vendor) => vendor.sandbox.credentials[id] as never);

/**
 * The keys the sandbox vendors accept, per account. They are public on purpose: the sandbox
 * holds demo data only, and a fresh clone must work with no configuration.
 */
export const SANDBOX_ACCOUNT_CREDENTIALS: Record<SandboxAccountId, SandboxCredentials> = {
  'sandbox-north': credentialsOf('sandbox-north'),
  'sandbox-south': credentialsOf('sandbox-south'),
};

/** `sandbox-north`'s keys: the account the README's demo people are with. */
export const SANDBOX_CREDENTIALS = SANDBOX_ACCOUNT_CREDENTIALS['sandbox-north'];
