import type { SandboxAccountId } from '../credentials';

/** Where the sandbox serves Canopy Referencing. */
export const CANOPY_REFERENCING_SANDBOX_PREFIX = '/canopy-referencing';

export interface CanopyReferencingSandboxCredentials {
  clientId: string;
  secretKey: string;
  apiKey: string;
}

/** The keys each simulated agency's Canopy client holds; public on purpose (see SANDBOX_ACCOUNT_CREDENTIALS). */
export const CANOPY_REFERENCING_SANDBOX_CREDENTIALS: Record<SandboxAccountId, CanopyReferencingSandboxCredentials> = {
  'sandbox-north': {
    clientId: 'sandbox-agency',
    secretKey: 'sandbox-secret-key-0123456789abcdef',
    apiKey: 'sandbox-api-key-ePYgsiGbWF5aAHBj0xT9Pa1k',
  },
  'sandbox-south': {
    clientId: 'sandbox-south-agency',
    secretKey: 'sandbox-south-secret-key-fedcba9876543210',
    apiKey: 'sandbox-south-api-key-Q7mXc2LrVw9TbN4kHs8Jd0Pe',
  },
};
