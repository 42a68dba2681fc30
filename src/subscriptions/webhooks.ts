import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Counter } from 'prom-client';
import { BodyTooLargeError, readLimited } from '../http/read-limited';
import type { LinkStore } from '../links/link-store';
import type { ReportDocumentStore } from '../links/report-documents';
import { readCanopyNotification } from '../sources/canopy-referencing/notifications';
import type { CanopyNotification } from '../sources/canopy-referencing/types';
import { fieldNamedIn, PayloadError } from '../sources/normalise';
import type { RepositWebhookEvent } from '../sources/reposit/types';
import { parseRepositWebhook } from '../sources/reposit/webhook';
import { DEAD_LETTER_BODY_LIMIT, type DeadLetterStore } from './dead-letters';
import type { EventLog, NewEvent } from './event-log';
import { CANOPY_TOPICS, TOPICS } from './topics';
import { parseWebhookBody, Refusal } from './webhook-body';

export interface WebhookRoutesOptions {
  /** The agency a URL's secret path segment names; undefined for a wrong secret. */
  agencyFor(secret: string): string | undefined;
  events: EventLog;
  links: LinkStore;
  reportDocuments: ReportDocumentStore;
  deadLetters: DeadLetterStore;
  /** The renter's e-mail of a referencing request the link store does not know (asks the agency's Canopy account). */
  renterEmail(agencyId: string, canopyReferenceId: string): Promise<string | undefined>;
  /** Largest body accepted. @default 65536 */
  maxBodyBytes?: number;
  /** Counts each notification by vendor and outcome. */
  counter?: Counter<'agency' | 'vendor' | 'outcome'>;
}

type Vendor = 'canopy' | 'reposit';
const ROUTE = /^\/webhooks\/(canopy|reposit)\/([^/]+)$/;

/**
 * `POST /webhooks/canopy/:secret` and `POST /webhooks/reposit/:secret`: a notification is
 * checked, linked to its tenants, stored (deduplicated) and published before it is acknowledged,
 * all for the one agency the URL's secret names. A wrong secret is a 404. Whatever goes wrong in reading a body is the body's fault, since
 * delivering it again cannot help: a 4xx naming the field, and a dead letter. Only a store that
 * cannot take the notification now is a 503, so the vendor delivers again.
 */
export function useWebhookRoutes(options: WebhookRoutesOptions): Plugin {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;

  /** Reads a body into the work that records it; throws only for the body itself. */
  function read(agencyId: string, vendor: Vendor, body: unknown): () => Promise<NewEvent> {
    try {
      if (vendor === 'canopy') {
        const notification = readCanopyNotification(body);
        return () => recordCanopy(agencyId, notification, body);
      }
      const notification = parseRepositWebhook(body);
      return () => recordReposit(agencyId, notification, body);
    } catch (error) {
      if (error instanceof PayloadError) throw new Refusal(400, error.message);
      throw new Refusal(400, `body: could not be read as a ${vendor} notification`);
    }
  }

  async function recordCanopy(agencyId: string, notification: CanopyNotification, body: unknown): Promise<NewEvent> {
    const id = notification.canopyReferenceId;
    if (notification.kind === 'completedReport') await options.reportDocuments.save(agencyId, id, notification.document);
    let [emails = []] = await options.links.emailsFor(agencyId, 'referencingRequest', [id]);
    if (emails.length === 0) {
      const email = await options.renterEmail(agencyId, id).catch(() => undefined);
      if (email) {
        await options.links.link(agencyId, email, 'referencingRequest', id);
        emails = [email];
      }
    }
    return { receivedAt: new Date().toISOString(), topic: CANOPY_TOPICS[notification.kind], tenantEmails: emails, subjectId: id, payload: body };
  }

  async function recordReposit(agencyId: string, notification: RepositWebhookEvent, body: unknown): Promise<NewEvent> {
    const id = notification.repositId;
    if ('tenant' in notification) await options.links.link(agencyId, notification.tenant.email, 'reposit', id);
    const [emails = []] = await options.links.emailsFor(agencyId, 'reposit', [id]);
    return { receivedAt: new Date().toISOString(), topic: TOPICS.repositChanged, tenantEmails: emails, subjectId: id, payload: body };
  }

  async function deadLetter(agencyId: string, vendor: Vendor, delivery: string, reason: string, raw: string): Promise<void> {
    const letter = { receivedAt: new Date().toISOString(), vendor, reason, body: raw.slice(0, DEAD_LETTER_BODY_LIMIT) };
    await options.deadLetters.add(agencyId, letter).catch((error: unknown) => {
      // The field only: a reason may quote a value from the body.
      console.error(`webhooks: refused ${vendor} delivery ${delivery.slice(0, 16)} (${fieldNamedIn(reason) ?? 'body'}) and could not keep it as a dead letter: ${failureOf(error)}`);
    });
  }

  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = ROUTE.exec(url.pathname);
      if (!match) return;
      const [, vendor, given] = match as unknown as [string, Vendor, string];
      const reply = (status: number, body: Record<string, unknown>) => endResponse(fetchAPI.Response.json(body, { status }));
      const agencyId = options.agencyFor(given);
      if (agencyId === undefined) return reply(404, { error: 'Not found' });
      if (request.method !== 'POST') return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'POST' } }));

      let raw = '';
      let record: () => Promise<NewEvent>;
      try {
        raw = (await readLimited(request, maxBodyBytes)).toString('utf8');
        record = read(agencyId, vendor, parseWebhookBody(request.headers.get('content-type'), raw));
      } catch (error) {
        const refusal = error instanceof Refusal ? error : error instanceof BodyTooLargeError ? new Refusal(413, error.message) : new Refusal(400, 'body: could not be read');
        await deadLetter(agencyId, vendor, deliveryOf(vendor, raw), refusal.message, raw);
        options.counter?.inc({ agency: agencyId, vendor, outcome: 'refused' });
        return reply(refusal.status, { error: refusal.message });
      }

      const delivery = deliveryOf(vendor, raw);
      try {
        const { id, duplicate } = await options.events.append(agencyId, delivery, await record());
        options.counter?.inc({ agency: agencyId, vendor, outcome: duplicate ? 'duplicate' : 'stored' });
        return reply(200, { status: duplicate ? 'duplicate' : 'stored', id });
      } catch (error) {
        console.error(`webhooks: could not store ${vendor} delivery ${delivery.slice(0, 16)}: ${failureOf(error)}`);
        options.counter?.inc({ agency: agencyId, vendor, outcome: 'unavailable' });
        return endResponse(
          fetchAPI.Response.json({ error: 'Could not store the notification; deliver it again' }, { status: 503, headers: { 'retry-after': '5' } }),
        );
      }
    },
  };
}

/** One delivery's id: the deduplication key, also what a log line names it by (no body is logged). */
function deliveryOf(vendor: Vendor, raw: string): string {
  return createHash('sha256').update(`${vendor}\n${raw}`).digest('hex');
}

/** What failed, for a log line: the error's name and message, never the object (ioredis errors carry the command's arguments). */
function failureOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'an unknown failure';
}
