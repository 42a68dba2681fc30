import { ConfigError } from '../config-error';

/** How callers prove who they are: the AUTH* variables of DESIGN.md ("Agencies and access"). */
export interface AuthConfig {
  /** AUTH=off: no authentication, one agency, every scope. */
  off: boolean;
  /** AUTH_JWKS_URL: the key set of RS256 and ES256 tokens. */
  jwksUrl: URL | undefined;
  /** AUTH_JWT_SECRET: the HS256 key. Write-only: never logged, never answered. */
  jwtSecret: string | undefined;
  /** AUTH_ISSUER: the `iss` every token must carry, when set. */
  issuer: string | undefined;
  /** AUTH_AUDIENCE: the `aud` every token must carry, when set. */
  audience: string | undefined;
  /** AUTH_AGENCY_CLAIM: the claim naming the token's agency. @default "agency" */
  agencyClaim: string;
  /** AUTH_SCOPE_CLAIM: the claim holding the scopes, a space-separated string or an array. @default "scope" */
  scopeClaim: string;
}

/** What start-up does about authentication, by {@link authMode}. */
export type AuthMode = 'configured' | 'off' | 'sandbox-dev-tokens';

type Env = Record<string, string | undefined>;

/** RFC 7518 §3.2: an HS256 key shorter than the hash output weakens it. */
const MIN_SECRET_LENGTH = 32;
const CLAIM_NAME = /^[\w.:/-]{1,100}$/;

/**
 * Both AUTH_JWKS_URL and AUTH_JWT_SECRET may be set, e.g. while moving from a shared secret to an
 * identity provider: a token is then checked by the one its `alg` header names, each source with
 * its own algorithms, so an HS256 token is never checked against a public key.
 */
export function parseAuthConfig(env: Env): AuthConfig {
  const mode = optional(env, 'AUTH')?.toLowerCase();
  if (mode !== undefined && mode !== 'off') throw new ConfigError('AUTH', '"off" or unset');
  const off = mode === 'off';

  const jwksUrl = jwksUrlFrom(env);
  const jwtSecret = optional(env, 'AUTH_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError('AUTH_JWT_SECRET', `at least ${MIN_SECRET_LENGTH} characters`);
  }
  const issuer = optional(env, 'AUTH_ISSUER');
  const audience = optional(env, 'AUTH_AUDIENCE');

  const keySource = jwksUrl ? 'AUTH_JWKS_URL' : jwtSecret !== undefined ? 'AUTH_JWT_SECRET' : undefined;
  if (off && keySource) throw new ConfigError('AUTH', `unset, because ${keySource} is set`);
  if (!keySource) {
    const orphan = ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_AGENCY_CLAIM', 'AUTH_SCOPE_CLAIM'].find((name) => optional(env, name));
    if (orphan) throw new ConfigError('AUTH_JWKS_URL or AUTH_JWT_SECRET', `a value, because ${orphan} is set`);
  }

  return {
    off,
    jwksUrl,
    jwtSecret,
    issuer,
    audience,
    agencyClaim: claimName(env, 'AUTH_AGENCY_CLAIM', 'agency'),
    scopeClaim: claimName(env, 'AUTH_SCOPE_CLAIM', 'scope'),
  };
}

/**
 * The fail-closed rule of start-up: real vendor accounts are never served without authentication
 * unless AUTH=off says so; the sandbox alone gets generated development tokens.
 */
export function authMode(auth: AuthConfig, vendors: { realVendors: boolean; sandbox: boolean }): AuthMode {
  if (auth.off) return 'off';
  if (auth.jwksUrl || auth.jwtSecret !== undefined) return 'configured';
  if (vendors.realVendors || !vendors.sandbox) {
    throw new ConfigError(
      'AUTH_JWKS_URL or AUTH_JWT_SECRET',
      'a value (or AUTH=off to serve a single agency without authentication), because real vendor credentials are configured',
    );
  }
  return 'sandbox-dev-tokens';
}

function jwksUrlFrom(env: Env): URL | undefined {
  const raw = optional(env, 'AUTH_JWKS_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('AUTH_JWKS_URL', 'an absolute URL (https:, or http: for localhost)');
  }
  // Keys fetched in clear text could be swapped on the way: only a local key server may use http.
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ConfigError('AUTH_JWKS_URL', 'an https: URL (http: only for localhost)');
  }
  return url;
}

function claimName(env: Env, name: string, fallback: string): string {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!CLAIM_NAME.test(raw)) throw new ConfigError(name, 'a claim name of up to 100 letters, digits, "_", "-", ".", ":" or "/"');
  return raw;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}
