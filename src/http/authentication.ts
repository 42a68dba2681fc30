import { shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';

/** How an authenticator refuses a caller: the HTTP status and the graphql-ws close code that go with it. */
export interface AuthRefusal {
  /** 503: authentication itself is unavailable for a moment (the key set or the key store). */
  status: 401 | 403 | 503;
  closeCode: 4401 | 4403 | 4500;
  /** Says what to do, never what the credential was. */
  message: string;
  /** Sent with a 401 (RFC 6750). */
  wwwAuthenticate?: string;
}

/** The one decision about a caller, whatever the transport. */
export interface CallerAuthentication {
  /** HTTP and SSE: `Authorization`, or `x-api-key` with `x-agency-id`. Throws a refusal. */
  fromHeaders(headers: Pick<Headers, 'get'>): Promise<Principal>;
  /** graphql-ws: the connection_init payload. Throws a refusal. */
  fromConnectionParams(params: Readonly<Record<string, unknown>> | undefined): Promise<Principal>;
  /** Whether a principal's credential still holds (unexpired, not revoked), for live subscriptions. */
  stillHolds(principal: Principal): boolean | Promise<boolean>;
  /** The refusal an error thrown above stands for; undefined for any other failure. */
  refusalOf(error: unknown): AuthRefusal | undefined;
}

/**
 * Authenticates every request to the GraphQL endpoint before Yoga parses it, and answers a
 * refusal itself: 401 with `WWW-Authenticate`, or 403. Only the GraphiQL page is served to
 * anyone, since it executes nothing; its requests carry the credential in their headers.
 */
export function useAuthentication(authentication: CallerAuthentication, principals: WeakMap<Request, Principal>, endpoint: string): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!reachesGraphQL(request, url, endpoint) || request.method === 'OPTIONS' || shouldRenderGraphiQL(request)) return;
      try {
        principals.set(request, await authentication.fromHeaders(request.headers));
      } catch (error) {
        const refusal = authentication.refusalOf(error);
        if (!refusal) throw error;
        endResponse(refusalResponse(refusal, fetchAPI.Response));
      }
    },
  };
}

/**
 * Whether Yoga serves a request as GraphQL, by Yoga's own rule (`useUnhandledRoute`): the path is
 * the endpoint, with or without a trailing slash, or the whole URL ends with it, whatever comes
 * before. Anything looser than an exact path check, then, must be authenticated too.
 */
function reachesGraphQL(request: Request, url: URL, endpoint: string): boolean {
  return [endpoint, `${endpoint}/`].some((path) => url.pathname === path || request.url.endsWith(path));
}

/** A refusal as a GraphQL over HTTP answer: the error a client reads, with the status and challenge. */
export function refusalResponse(refusal: AuthRefusal, ResponseClass: typeof Response): Response {
  const code = refusal.status === 401 ? 'UNAUTHENTICATED' : refusal.status === 403 ? 'FORBIDDEN' : 'UNAVAILABLE';
  const headers: Record<string, string> = {};
  if (refusal.wwwAuthenticate) headers['www-authenticate'] = refusal.wwwAuthenticate;
  if (refusal.status === 503) headers['retry-after'] = '5';
  return ResponseClass.json({ errors: [{ message: refusal.message, extensions: { code } }] }, { status: refusal.status, headers });
}
