import type { VendorWebhook } from '../vendor-module';
import type { RepositClient } from './client';
import { REPOSIT_TOPICS } from './topics';
import type { RepositWebhookEvent } from './types';
import { parseRepositWebhook } from './webhook';

/** Reposit's events: one naming a tenant links that tenant to the Reposit. */
export const repositWebhook: VendorWebhook<'reposit', RepositClient, RepositWebhookEvent> = {
  route: 'reposit',
  read: parseRepositWebhook,
  async record(notification, { agencyId, links }) {
    const id = notification.repositId;
    if ('tenant' in notification) await links.link(agencyId, notification.tenant.email, 'reposit', id);
    const [emails = []] = await links.emailsFor(agencyId, 'reposit', [id]);
    return { topic: REPOSIT_TOPICS.repositChanged, tenantEmails: emails, subjectId: id };
  },
};
