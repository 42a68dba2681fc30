import type { SandboxAccountId } from '../credentials';

/** Where the sandbox serves Reposit. */
export const REPOSIT_SANDBOX_PREFIX = '/reposit/deposits';

/** Identifies the CRM to Reposit, whichever agency it calls for: one token for every account. */
const REPOSIT_REFERRER_TOKEN = 'rentgraph-sandbox';

/** The key each simulated agency holds at Reposit; public on purpose (see SANDBOX_ACCOUNT_CREDENTIALS). */
export const REPOSIT_SANDBOX_CREDENTIALS: Record<SandboxAccountId, { apiKey: string; referrerToken: string }> = {
  'sandbox-north': { apiKey: 'sandbox-reposit-api-key', referrerToken: REPOSIT_REFERRER_TOKEN },
  'sandbox-south': { apiKey: 'sandbox-south-reposit-api-key', referrerToken: REPOSIT_REFERRER_TOKEN },
};
