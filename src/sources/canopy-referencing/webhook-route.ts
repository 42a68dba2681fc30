import type { VendorWebhook } from '../vendor-module';
import type { CanopyReferencingClient } from './client';
import { readCanopyNotification } from './notifications';
import { CANOPY_REFERENCING_TOPIC_OF_KIND } from './topics';
import type { CanopyNotification } from './types';

/**
 * Canopy's callbacks: a completed report's document is kept, and a referencing request the link
 * store does not know is linked to its renter, whom the agency's Canopy account names.
 */
export const canopyReferencingWebhook: VendorWebhook<'canopy', CanopyReferencingClient, CanopyNotification> = {
  route: 'canopy',
  read: readCanopyNotification,
  async record(notification, { agencyId, links, reportDocuments, client }) {
    const id = notification.canopyReferenceId;
    if (notification.kind === 'completedReport') await reportDocuments.save(agencyId, id, notification.document);
    let [emails = []] = await links.emailsFor(agencyId, 'referencingRequest', [id]);
    if (emails.length === 0) {
      const email = await renterEmail(client, id).catch(() => undefined);
      if (email) {
        await links.link(agencyId, email, 'referencingRequest', id);
        emails = [email];
      }
    }
    return { topic: CANOPY_REFERENCING_TOPIC_OF_KIND[notification.kind], tenantEmails: emails, subjectId: id };
  },
};

/** The notes answer is the one that names the renter. */
async function renterEmail(client: () => Promise<CanopyReferencingClient | undefined>, canopyReferenceId: string): Promise<string | undefined> {
  const canopy = await client();
  return canopy && (await canopy.getPassportNotes(canopyReferenceId)).renter.email;
}
