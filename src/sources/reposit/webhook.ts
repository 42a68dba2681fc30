import { isListed } from '../open-enum';
import { PayloadError, toDate } from '../normalise';
import { toTenant } from './normalise';
import { REPOSIT_WEBHOOK_ACTION_VALUES, type RepositWebhookEvent } from './types';
import type { WireTenant } from './wire';

/**
 * Reads one of Reposit's webhook bodies. Throws PayloadError saying what is wrong, so the
 * receiving route can answer 400 with a reason; an action Reposit does not document is refused
 * the same way, since nothing downstream could tell what it means.
 */
export function parseRepositWebhook(body: unknown): RepositWebhookEvent {
  const payload = record(body, 'body');
  if (payload.resource_type !== 'reposit') {
    throw new PayloadError(`resource_type: expected "reposit", got ${JSON.stringify(payload.resource_type)}`);
  }
  const action = text(payload.action, 'action');
  if (!isListed(REPOSIT_WEBHOOK_ACTION_VALUES, action)) {
    throw new PayloadError(`action: ${JSON.stringify(action)} is not one of ${REPOSIT_WEBHOOK_ACTION_VALUES.join(', ')}`);
  }
  const resource = record(payload.resource, 'resource');
  const base = {
    repositId: text(resource.id, 'resource.id'),
    href: text(resource.href, 'resource.href'),
    timestamp: toDate(payload.timestamp, 'timestamp'),
  };
  if (action === 'reposit.completed') return { ...base, action };

  const tenant = record(record(payload.data, 'data').tenant, 'data.tenant');
  text(tenant.email, 'data.tenant.email');
  text(tenant.status, 'data.tenant.status');
  return { ...base, action, tenant: toTenant(tenant as unknown as WireTenant, 'data.tenant') };
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PayloadError(`${field}: expected an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new PayloadError(`${field}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}
