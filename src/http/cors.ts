import type { CORSOptions } from '@whatwg-node/server';

/** Which browser origins other than the gateway's own may call it: CORS_ORIGINS and CORS_CREDENTIALS, parsed in config.ts. */
export interface CorsConfig {
  /** Exact origins (`scheme://host[:port]`), the gateway's own (PUBLIC_URL) among them; `'*'`: any origin. */
  origins: readonly string[] | '*';
  /** Any `http:` or `https:` origin on a loopback host too (a front end's development server). */
  loopback: boolean;
  /**
   * CORS_CREDENTIALS: answers `Access-Control-Allow-Credentials: true`, for front ends that send
   * `credentials: 'include'`. The gateway itself reads no cookie: a bearer token or an API key in a
   * header needs no credentials mode.
   */
  credentials: boolean;
}

/** What a browser may send: the credentials' headers, the trace context, and what GraphQL clients add to force a preflight. */
export const ALLOWED_HEADERS = [
  'accept',
  'authorization',
  'content-type',
  'x-api-key',
  'x-agency-id',
  'traceparent',
  'tracestate',
  // graphql-sse's reservation mode
  'x-graphql-event-stream-token',
  // headers that mark a request as preflighted (csrf.ts)
  'graphql-require-preflight',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-graphql-yoga-csrf',
  // Apollo Client's client awareness
  'apollographql-client-name',
  'apollographql-client-version',
];

/** Answer headers a front end needs to read that the browser would otherwise hide: when to retry, and why a credential was refused. */
const EXPOSED_HEADERS = ['retry-after', 'www-authenticate'];
const METHODS = ['GET', 'POST', 'OPTIONS'];
/** Seconds a browser may reuse a preflight; Chromium caps it at 7200. */
const PREFLIGHT_MAX_AGE = 600;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface CorsPolicy {
  /** Whether a request or WebSocket upgrade carrying this `Origin` comes from an allowed page. */
  allows(origin: string): boolean;
  /**
   * whatwg-node's CORS options for one request, as Yoga's `cors` option and the direct listener
   * take them: `false` (no CORS header at all) for a request from an origin not allowed.
   */
  optionsFor(request: { headers: Pick<Headers, 'get'> }): CORSOptions;
}

/** The CORS rules of the gateway, one object for Yoga, the direct listener and the WebSocket upgrade. */
export function createCorsPolicy(config: CorsConfig): CorsPolicy {
  const allows = (origin: string) => config.origins === '*' || config.origins.includes(origin) || (config.loopback && isLoopbackOrigin(origin));
  const allowed: CORSOptions = {
    // `*` makes whatwg-node echo the request's origin with `Vary: Origin`; only allowed origins get here.
    origin: ['*'],
    methods: METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: config.credentials,
    maxAge: PREFLIGHT_MAX_AGE,
  };
  return {
    allows,
    optionsFor(request) {
      const origin = request.headers.get('origin');
      return origin !== null && allows(origin) ? allowed : false;
    },
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) && url.origin === origin;
  } catch {
    return false;
  }
}
