import { createHash, createHmac } from 'node:crypto';
import type { AgencyRegistry } from '../agencies/agency';

/** The agency `default` of today's variables keeps WEBHOOK_SECRET itself, so URLs already registered with the vendors still work. */
const SINGLE_AGENCY = 'default';

/**
 * The secret path segment of an agency's webhook URLs: derived from WEBHOOK_SECRET and the agency
 * id, so every instance computes the same one and nothing needs storing. One secret names one agency.
 */
export function webhookSecretFor(webhookSecret: string, agencyId: string): string {
  if (agencyId === SINGLE_AGENCY) return webhookSecret;
  return createHmac('sha256', webhookSecret).update(`webhook-url\n${agencyId}`).digest('base64url');
}

/** Which agency a webhook URL's secret names, kept current with the registry. */
export interface WebhookAgencies {
  agencyFor(secret: string): string | undefined;
}

export function createWebhookAgencies(registry: AgencyRegistry, webhookSecret: string): WebhookAgencies {
  // Looked up by the secret's digest: the time a lookup takes tells nothing of the secret itself.
  const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url');
  let bySecret = new Map<string, string>();
  const rebuild = () => {
    bySecret = new Map(registry.list().map((agency) => [digest(webhookSecretFor(webhookSecret, agency.id)), agency.id]));
  };
  rebuild();
  registry.onChange(rebuild);
  return { agencyFor: (secret) => bySecret.get(digest(secret)) };
}
