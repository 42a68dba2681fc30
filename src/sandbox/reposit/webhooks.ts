import type { WireCompletedWebhook, WireTenant, WireTenantAction, WireTenantWebhook } from '../../sources/reposit/wire';
import type { WebhookDelivery } from '../vendor-simulator';
import type { RepositStore } from './state';

/**
 * The notification Reposit sends when a tenant confirms, signs or pays. Reposit's examples of
 * these three name the Reposit `ep_…` where its REST API and `reposit.completed` say `rep_…`.
 */
export function tenantWebhook(
  store: RepositStore,
  repositId: string,
  action: WireTenantAction,
  tenant: WireTenant,
  at: Date,
): WireTenantWebhook {
  return {
    resource_type: 'reposit',
    action,
    timestamp: at.toISOString(),
    resource: resourceOf(store, repositId.replace(/^rep_/, 'ep_')),
    data: { tenant: { email: tenant.email, createdAt: tenant.createdAt, status: tenant.status } },
  };
}

/** The notification Reposit sends when the last tenant has paid; it has no `data`. */
export function completedWebhook(store: RepositStore, repositId: string, at: Date): WireCompletedWebhook {
  return { resource_type: 'reposit', action: 'reposit.completed', timestamp: at.toISOString(), resource: resourceOf(store, repositId) };
}

/** To the account's one webhook endpoint; nothing when webhooks were never activated. */
export function deliveriesOf(store: RepositStore, bodies: Array<WireTenantWebhook | WireCompletedWebhook>): WebhookDelivery[] {
  const url = store.webhookUrl;
  if (url === undefined) return [];
  return bodies.map((body) => ({ url, body, description: `${body.action} ${body.resource.id}` }));
}

function resourceOf(store: RepositStore, repositId: string): { id: string; href: string } {
  return { id: repositId, href: `${store.baseUrl}/v1/reposits/${encodeURIComponent(repositId)}` };
}
