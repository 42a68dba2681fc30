import type { SandboxAccountId } from '../credentials';

/** Where the sandbox serves Canopy Servicing. */
export const CANOPY_SERVICING_SANDBOX_PREFIX = '/canopy-servicing';

/** The bearer token each simulated agency's program holds; public on purpose (see SANDBOX_ACCOUNT_CREDENTIALS). */
export const CANOPY_SERVICING_SANDBOX_CREDENTIALS: Record<SandboxAccountId, { token: string }> = {
  'sandbox-north': { token: 'sandbox-servicing-token' },
  'sandbox-south': { token: 'sandbox-south-servicing-token' },
};
