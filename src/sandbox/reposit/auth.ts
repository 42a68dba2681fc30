import type { IncomingHttpHeaders } from 'node:http';
import { json, type SandboxReply, type SandboxRequest } from '../vendor-simulator';
import { repositError } from './errors';
import type { RepositStore } from './state';

/**
 * Reposit's check on every call: `Authorization: Bearer <api key>`, 401 when it is missing or
 * not the agency's key. An authorised call also tells the store where it is served and which
 * referrer (CRM) made it; Reposit only records the referrer token, it never refuses one.
 */
function authorise(store: RepositStore, request: SandboxRequest): SandboxReply | undefined {
  const apiKey = bearerApiKey(request.headers);
  if (apiKey === undefined) return json(401, repositError(401, 'Missing API key: send Authorization: Bearer <api key>'));
  if (apiKey !== store.apiKey) return json(401, repositError(401, 'Invalid API key'));

  store.baseUrl = request.baseUrl;
  const referrer = request.headers['reposit-referrer-token'];
  store.lastReferrerToken = typeof referrer === 'string' ? referrer : undefined;
  return undefined;
}

/** The API key of `Authorization: Bearer <api key>`, if the call sends one. */
export function bearerApiKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

type Handler = (request: SandboxRequest) => SandboxReply;

/** A route handler that runs only for calls bearing the agency's API key. */
export function authorised(store: RepositStore, handler: Handler): Handler {
  return (request) => authorise(store, request) ?? handler(request);
}
