/** The sandbox's two simulated agencies: each holds its own account at every vendor. */
export type SandboxAccountId = 'sandbox-north' | 'sandbox-south';

export interface SandboxCredentials {
  canopyReferencing: { clientId: string; secretKey: string; apiKey: string };
  canopyServicing: { token: string };
  reposit: { apiKey: string; referrerToken: string };
}

/** Identifies the CRM to Reposit, whichever agency it calls for: one token for every account. */
const REPOSIT_REFERRER_TOKEN = 'rentgraph-sandbox';

/**
 * The keys the sandbox vendors accept, per account. They are public on purpose: the sandbox
 * holds demo data only, and a fresh clone must work with no configuration.
 */
export const SANDBOX_ACCOUNT_CREDENTIALS: Record<SandboxAccountId, SandboxCredentials> = {
  'sandbox-north': {
    canopyReferencing: {
      clientId: 'sandbox-agency',
      secretKey: 'sandbox-secret-key-0123456789abcdef',
      apiKey: 'sandbox-api-key-ePYgsiGbWF5aAHBj0xT9Pa1k',
    },
    canopyServicing: { token: 'sandbox-servicing-token' },
    reposit: { apiKey: 'sandbox-reposit-api-key', referrerToken: REPOSIT_REFERRER_TOKEN },
  },
  'sandbox-south': {
    canopyReferencing: {
      clientId: 'sandbox-south-agency',
      secretKey: 'sandbox-south-secret-key-fedcba9876543210',
      apiKey: 'sandbox-south-api-key-Q7mXc2LrVw9TbN4kHs8Jd0Pe',
    },
    canopyServicing: { token: 'sandbox-south-servicing-token' },
    reposit: { apiKey: 'sandbox-south-reposit-api-key', referrerToken: REPOSIT_REFERRER_TOKEN },
  },
};

/** `sandbox-north`'s keys: the account the README's demo people are with. */
export const SANDBOX_CREDENTIALS = SANDBOX_ACCOUNT_CREDENTIALS['sandbox-north'];
