import { isEmail } from '../../links/email';
import { isListed } from '../open-enum';
import { PayloadError, shown, toDate, toRecord, toText } from '../normalise';
import { toTenant } from './normalise';
import { toRepositId } from './reposit-id';
import { REPOSIT_WEBHOOK_ACTION_VALUES, type RepositWebhookEvent } from './types';
import type { WireTenant } from './wire';

/**
 * Reads one of Reposit's webhook bodies. Throws PayloadError saying what is wrong, so the
 * receiving route can answer 400 with a reason; an action Reposit does not document is refused
 * the same way, since nothing downstream could tell what it means. The Reposit's id is read in
 * its REST form (`rep_…`) whichever form the event sent.
 */
export function parseRepositWebhook(body: unknown): RepositWebhookEvent {
  const payload = toRecord(body, 'body');
  if (payload.resource_type !== 'reposit') {
    throw new PayloadError(`resource_type: expected "reposit", got ${shown(payload.resource_type)}`);
  }
  const action = toText(payload.action, 'action');
  if (!isListed(REPOSIT_WEBHOOK_ACTION_VALUES, action)) {
    throw new PayloadError(`action: ${shown(action)} is not one of ${REPOSIT_WEBHOOK_ACTION_VALUES.join(', ')}`);
  }
  const resource = toRecord(payload.resource, 'resource');
  const base = {
    repositId: toRepositId(toText(resource.id, 'resource.id'), 'resource.id'),
    href: toText(resource.href, 'resource.href'),
    timestamp: toDate(payload.timestamp, 'timestamp'),
  };
  if (action === 'reposit.completed') return { ...base, action };

  const tenant = toRecord(toRecord(payload.data, 'data').tenant, 'data.tenant');
  // The e-mail links the tenant to the Reposit, so it must be one.
  if (!isEmail(toText(tenant.email, 'data.tenant.email'))) throw new PayloadError('data.tenant.email: must be an e-mail address');
  toText(tenant.status, 'data.tenant.status');
  return { ...base, action, tenant: toTenant(tenant as unknown as WireTenant, 'data.tenant') };
}
