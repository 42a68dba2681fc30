/**
 * The keys the sandbox vendors accept. They are public on purpose: the sandbox holds demo data
 * only, and a fresh clone must work with no configuration.
 */
export const SANDBOX_CREDENTIALS = {
  canopyReferencing: {
    clientId: 'sandbox-agency',
    secretKey: 'sandbox-secret-key-0123456789abcdef',
    apiKey: 'sandbox-api-key-ePYgsiGbWF5aAHBj0xT9Pa1k',
  },
  canopyServicing: { token: 'sandbox-servicing-token' },
  reposit: { apiKey: 'sandbox-reposit-api-key', referrerToken: 'rentgraph-sandbox' },
} as const;
