import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Counter } from 'prom-client';
import { BodyTooLargeError, readLimited } from '../http/read-limited';
import type { LinkStore } from '../links/link-store';
import type { ReportDocumentStore } from '../links/report-documents';
import { readCanopyNotification } from '../sources/canopy-referencing/notifications';
import { PayloadError } from '../sources/normalise';
import { parseRepositWebhook } from '../sources/reposit/webhook';
import { DEAD_LETTER_BODY_LIMIT, type DeadLetterStore } from './dead-letters';
import type { EventLog, NewEvent } from './event-log';
import { CANOPY_TOPICS, TOPICS } from './topics';

export interface WebhookRoutesOptions {
  /** The secret path segment; compared in constant time. */
  secret: string;
  agencyId: string;
  events: EventLog;
  links: LinkStore;
  reportDocuments: ReportDocumentStore;
  deadLetters: DeadLetterStore;
  /** The renter's e-mail of a referencing request the link store does not know (asks Canopy). */
  renterEmail(canopyReferenceId: string): Promise<string | undefined>;
  /** Largest body accepted. @default 65536 */
  maxBodyBytes?: number;
  /** Counts each notification by vendor and outcome. */
  counter?: Counter<'vendor' | 'outcome'>;
}

type Vendor = 'canopy' | 'reposit';
const ROUTE = /^\/webhooks\/(canopy|reposit)\/([^/]+)$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `POST /webhooks/canopy/:secret` and `POST /webhooks/reposit/:secret`: a notification is
 * checked, linked to its tenants, stored (deduplicated) and published before it is acknowledged.
 * A wrong secret is a 404; a body that is not a documented notification is a 400 with the
 * reason, and is kept as a dead letter; a store that cannot take it is a 503, so the vendor
 * delivers again.
 */
export function useWebhookRoutes(options: WebhookRoutesOptions): Plugin {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  // Comparing digests keeps the comparison constant-time whatever the length of the guess.
  const digest = (value: string) => createHmac('sha256', 'webhook-secret').update(value).digest();
  const secretDigest = digest(options.secret);

  async function accept(vendor: Vendor, body: unknown, raw: string): Promise<{ id: string; duplicate: boolean }> {
    const event = vendor === 'canopy' ? await canopyEvent(body) : await repositEvent(body);
    const dedupeKey = createHash('sha256').update(`${vendor}\n${raw}`).digest('hex');
    return options.events.append(options.agencyId, dedupeKey, event);
  }

  async function canopyEvent(body: unknown): Promise<NewEvent> {
    const notification = readCanopyNotification(body);
    const id = notification.canopyReferenceId;
    if (notification.kind === 'completedReport') await options.reportDocuments.save(options.agencyId, id, notification.document);
    let [emails = []] = await options.links.emailsFor(options.agencyId, 'referencingRequest', [id]);
    if (emails.length === 0) {
      const email = await options.renterEmail(id).catch(() => undefined);
      if (email) {
        await options.links.link(options.agencyId, email, 'referencingRequest', id);
        emails = [email];
      }
    }
    return { receivedAt: new Date().toISOString(), topic: CANOPY_TOPICS[notification.kind], tenantEmails: emails, subjectId: id, payload: body };
  }

  async function repositEvent(body: unknown): Promise<NewEvent> {
    const notification = parseRepositWebhook(body);
    const id = notification.repositId;
    if ('tenant' in notification) await options.links.link(options.agencyId, notification.tenant.email, 'reposit', id);
    const [emails = []] = await options.links.emailsFor(options.agencyId, 'reposit', [id]);
    return { receivedAt: new Date().toISOString(), topic: TOPICS.repositChanged, tenantEmails: emails, subjectId: id, payload: body };
  }

  async function deadLetter(vendor: Vendor, reason: string, raw: string): Promise<void> {
    const letter = { receivedAt: new Date().toISOString(), vendor, reason, body: raw.slice(0, DEAD_LETTER_BODY_LIMIT) };
    await options.deadLetters.add(options.agencyId, letter).catch((error: unknown) => {
      console.error('webhooks: could not keep a refused notification', letter, error);
    });
  }

  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = ROUTE.exec(url.pathname);
      if (!match) return;
      const [, vendor, given] = match as unknown as [string, Vendor, string];
      const reply = (status: number, body: Record<string, unknown>) => endResponse(fetchAPI.Response.json(body, { status }));
      if (!timingSafeEqual(digest(given), secretDigest)) return reply(404, { error: 'Not found' });
      if (request.method !== 'POST') return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'POST' } }));

      let raw = '';
      try {
        raw = (await readLimited(request, maxBodyBytes)).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          throw new Refusal(400, 'body: not valid JSON');
        }
        const { id, duplicate } = await accept(vendor, body, raw);
        options.counter?.inc({ vendor, outcome: duplicate ? 'duplicate' : 'stored' });
        return reply(200, { status: duplicate ? 'duplicate' : 'stored', id });
      } catch (error) {
        if (error instanceof Refusal || error instanceof BodyTooLargeError || error instanceof PayloadError) {
          const status = error instanceof Refusal ? error.status : error instanceof BodyTooLargeError ? 413 : 400;
          await deadLetter(vendor, error.message, raw);
          options.counter?.inc({ vendor, outcome: 'refused' });
          return reply(status, { error: error.message });
        }
        console.error(`webhooks: could not store a ${vendor} notification`, error);
        options.counter?.inc({ vendor, outcome: 'unavailable' });
        return endResponse(
          fetchAPI.Response.json({ error: 'Could not store the notification; deliver it again' }, { status: 503, headers: { 'retry-after': '5' } }),
        );
      }
    },
  };
}
