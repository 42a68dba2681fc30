import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Counter } from 'prom-client';
import type { CallbackUrls } from '../context';
import { BodyTooLargeError, readLimited } from '../http/read-limited';
import type { LinkStore } from '../links/link-store';
import type { Logger } from '../logging/logger';
import type { ReportDocumentStore } from '../links/report-documents';
import { fieldNamedIn, PayloadError } from '../sources/normalise';
import type { VendorName } from '../sources/vendor-error';
import type { RecordedNotification, VendorWebhook } from '../sources/vendor-module';
import { VENDOR_KEYS, VENDORS, WEBHOOK_ROUTES, type VendorClients, type WebhookRoute } from '../sources/vendors';
import { eventTraceparent, traceWebhook, type WebhookIngest } from '../telemetry/webhook-span';
import { DEAD_LETTER_BODY_LIMIT, type DeadLetterStore } from './dead-letters';
import type { EventLog, NewEvent } from './event-log';
import { parseWebhookBody, Refusal } from './webhook-body';

export interface WebhookRoutesOptions {
  /** The agency a URL's secret path segment names; undefined for a wrong secret. */
  agencyFor(secret: string): string | undefined;
  events: EventLog;
  links: LinkStore;
  reportDocuments: ReportDocumentStore;
  deadLetters: DeadLetterStore;
  /** The agency's vendor clients, for a notification that needs to ask its vendor; undefined when the agency is gone. */
  clients(agencyId: string): Promise<VendorClients | undefined>;
  /** Largest body accepted. @default 65536 */
  maxBodyBytes?: number;
  /** Counts each notification by vendor (its VendorName) and outcome. */
  counter?: Counter<'agency' | 'vendor' | 'outcome'>;
  /** Gets one line per delivery: its vendor, agency, outcome, status and topic (never its body or the URL's secret). */
  logger: Logger;
}

/** A vendor with webhooks, as its route serves it. */
interface WebhookVendor {
  name: VendorName;
  route: WebhookRoute;
  /** Reads a body into the work that records it for an agency; throws only for the body itself. */
  read(body: unknown): (agencyId: string) => Promise<RecordedNotification>;
}

const ROUTE = /^\/webhooks\/([^/]+)\/([^/]+)$/;

/**
 * `POST /webhooks/<route>/:secret` for each vendor with webhooks (`canopy`, `reposit`): a notification is
 * checked, linked to its tenants, stored (deduplicated) and published before it is acknowledged,
 * all for the one agency the URL's secret names. A wrong secret is a 404. Whatever goes wrong in reading a body is the body's fault, since
 * delivering it again cannot help: a 4xx naming the field, and a dead letter. Only a store that
 * cannot take the notification now is a 503, so the vendor delivers again.
 */
export function useWebhookRoutes(options: WebhookRoutesOptions): Plugin {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const vendors = webhookVendors(options);
  const logger = options.logger.child({ component: 'webhooks' });
  /** The delivery's line: its id is the first 16 hex digits of its hash, as a dead letter names it. */
  const outcome = (fields: { vendor: VendorName; agency?: string; outcome: string; status: number; topic?: string; delivery?: string; failure?: string }) =>
    logger[fields.status >= 500 ? 'error' : 'info']({ ...fields, delivery: fields.delivery?.slice(0, 16) }, 'webhook');

  /** Reads a body into the work that records it; throws only for the body itself. */
  function read(agencyId: string, vendor: WebhookVendor, body: unknown): () => Promise<NewEvent> {
    try {
      const record = vendor.read(body);
      return async () => {
        const recorded = await record(agencyId);
        return { receivedAt: new Date().toISOString(), ...recorded, payload: body, ...eventTraceparent() };
      };
    } catch (error) {
      if (error instanceof PayloadError) throw new Refusal(400, error.message);
      throw new Refusal(400, `body: could not be read as a ${vendor.route} notification`);
    }
  }

  async function deadLetter(agencyId: string, vendor: WebhookVendor, delivery: string, reason: string, raw: string): Promise<void> {
    const letter = { receivedAt: new Date().toISOString(), vendor: vendor.route, reason, body: raw.slice(0, DEAD_LETTER_BODY_LIMIT) };
    await options.deadLetters.add(agencyId, letter).catch((error: unknown) => {
      // The field only: a reason may quote a value from the body.
      logger.error(`webhooks: refused ${vendor.name} delivery ${delivery.slice(0, 16)} (${fieldNamedIn(reason) ?? 'body'}) and could not keep it as a dead letter: ${failureOf(error)}`);
    });
  }

  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = ROUTE.exec(url.pathname);
      if (!match) return;
      const [, route, given] = match as unknown as [string, string, string];
      const vendor = vendors.get(route);
      if (!vendor) return;
      const reply = (status: number, body: Record<string, unknown>) => endResponse(fetchAPI.Response.json(body, { status }));
      const agencyId = options.agencyFor(given);
      if (agencyId === undefined) {
        outcome({ vendor: vendor.name, outcome: 'unknown secret', status: 404 });
        return reply(404, { error: 'Not found' });
      }
      if (request.method !== 'POST') {
        outcome({ vendor: vendor.name, agency: agencyId, outcome: 'refused', status: 405 });
        return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'POST' } }));
      }
      const receive = async (ingest: WebhookIngest) => {
        // Each delivery's outcome, once: counted, logged and on its span.
        const settle = (result: 'stored' | 'duplicate' | 'refused' | 'unavailable', status: number, details: { topic?: string; delivery?: string; failure?: string }) => {
          options.counter?.inc({ agency: agencyId, vendor: vendor.name, outcome: result });
          outcome({ vendor: vendor.name, agency: agencyId, outcome: result, status, ...details });
          ingest.settle(result, status);
        };
        let raw = '';
        let record: () => Promise<NewEvent>;
        try {
          raw = (await readLimited(request, maxBodyBytes)).toString('utf8');
          record = read(agencyId, vendor, parseWebhookBody(request.headers.get('content-type'), raw));
        } catch (error) {
          const refusal = error instanceof Refusal ? error : error instanceof BodyTooLargeError ? new Refusal(413, error.message) : new Refusal(400, 'body: could not be read');
          await deadLetter(agencyId, vendor, deliveryOf(vendor, raw), refusal.message, raw);
          settle('refused', refusal.status, { delivery: deliveryOf(vendor, raw) });
          return reply(refusal.status, { error: refusal.message });
        }

        const delivery = deliveryOf(vendor, raw);
        try {
          const event = await record();
          const { id, duplicate } = await options.events.append(agencyId, delivery, event);
          settle(duplicate ? 'duplicate' : 'stored', 200, { topic: event.topic, delivery });
          return reply(200, { status: duplicate ? 'duplicate' : 'stored', id });
        } catch (error) {
          settle('unavailable', 503, { delivery, failure: failureOf(error) });
          return endResponse(
            fetchAPI.Response.json({ error: 'Could not store the notification; deliver it again' }, { status: 503, headers: { 'retry-after': '5' } }),
          );
        }
      };
      return traceWebhook(request.headers, { vendor: vendor.name, agency: agencyId }, receive);
    },
  };
}

/** An agency's webhook URLs, one per route; the secret path segment names the agency. */
export function callbackUrlsFor(publicUrl: string, secret: string): CallbackUrls {
  return Object.fromEntries(WEBHOOK_ROUTES.map((route) => [route, `${publicUrl}/webhooks/${route}/${secret}`])) as CallbackUrls;
}

/** Each webhook route's vendor, its notifications recorded with the agency's client there. */
function webhookVendors(options: WebhookRoutesOptions): Map<string, WebhookVendor> {
  const vendors = new Map<string, WebhookVendor>();
  for (const key of VENDOR_KEYS) {
    const vendor = VENDORS[key];
    if (!('webhook' in vendor)) continue;
    const webhook = vendor.webhook as VendorWebhook<WebhookRoute, VendorClients[typeof key], unknown>;
    vendors.set(webhook.route, {
      name: vendor.name,
      route: webhook.route,
      read(body) {
        const notification = webhook.read(body);
        return (agencyId) =>
          webhook.record(notification, {
            agencyId,
            links: options.links,
            reportDocuments: options.reportDocuments,
            client: async () => (await options.clients(agencyId))?.[key],
          });
      },
    });
  }
  return vendors;
}

/** One delivery's id: the deduplication key, also what a log line names it by (no body is logged). */
function deliveryOf(vendor: WebhookVendor, raw: string): string {
  return createHash('sha256').update(`${vendor.route}\n${raw}`).digest('hex');
}

/** What failed, for a log line: the error's name and message, never the object (ioredis errors carry the command's arguments). */
function failureOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'an unknown failure';
}
