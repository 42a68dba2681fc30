import { createHash } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { AGENCY_ID } from '../agencies/agency';
import type { AuthConfig } from './auth-config';
import { AuthFailure } from './auth-failure';
import { createJwksKeys, type JwksKeysOptions } from './jwks-keys';
import { SCOPES, type Principal, type Scope } from './principal';

export interface JwtVerifierOptions {
  /** How many verified tokens are remembered, each until it expires. @default 10000 */
  cacheSize?: number;
  jwks?: JwksKeysOptions;
}

export interface JwtVerifier {
  /** The token's principal, or an AuthFailure (401, or 503 when the key set cannot be read). */
  verify(token: string): Promise<Principal>;
}

/** Pinned per key source: `alg` picks the source, so a token cannot choose how it is checked. */
const JWKS_ALGORITHMS = ['RS256', 'ES256'];
const SECRET_ALGORITHMS = ['HS256'];

/**
 * Verifies bearer tokens with jose. Every token must carry `sub` and `exp`: a token that never
 * expires could never be taken back. A verified token is remembered by its SHA-256 until its
 * `exp`, so each is verified once per process; whether its agency still exists is the caller's
 * check, on every request.
 */
export function createJwtVerifier(config: AuthConfig, options: JwtVerifierOptions = {}): JwtVerifier {
  const jwks = config.jwksUrl ? createJwksKeys(config.jwksUrl, options.jwks) : undefined;
  const secret = config.jwtSecret === undefined ? undefined : new TextEncoder().encode(config.jwtSecret);
  const algorithms = [...(jwks ? JWKS_ALGORITHMS : []), ...(secret ? SECRET_ALGORITHMS : [])];
  if (algorithms.length === 0) throw new Error('createJwtVerifier needs AUTH_JWKS_URL or AUTH_JWT_SECRET');

  const keyFor: JWTVerifyGetKey = (header, token) => {
    if (SECRET_ALGORITHMS.includes(header.alg) && secret) return secret;
    if (JWKS_ALGORITHMS.includes(header.alg) && jwks) return jwks(header, token);
    throw new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
  };
  const verified = new LRUCache<string, Principal>({ max: options.cacheSize ?? 10_000 });

  return {
    async verify(token) {
      const digest = createHash('sha256').update(token).digest('base64url');
      const cached = verified.get(digest);
      if (cached) return cached;

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keyFor, {
          algorithms,
          issuer: config.issuer,
          audience: config.audience,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        throw failureOf(error);
      }
      const expiresAt = (payload.exp as number) * 1000;
      const principal = principalOf(payload, config, expiresAt);
      // lru-cache drops an entry once its ttl passes, so a cached token expires when the token does
      if (expiresAt > Date.now()) verified.set(digest, principal, { ttl: expiresAt - Date.now() });
      return principal;
    },
  };
}

function principalOf(payload: JWTPayload, config: AuthConfig, expiresAt: number): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '') throw AuthFailure.invalid('The token\'s "sub" claim must be a string.');
  const agencyId = payload[config.agencyClaim];
  if (typeof agencyId !== 'string' || !AGENCY_ID.test(agencyId)) {
    throw AuthFailure.invalid(`The token's "${config.agencyClaim}" claim must name an agency id ([a-z0-9-]+).`);
  }
  const principal: Principal = {
    subject: payload.sub,
    agencyId,
    scopes: scopesOf(payload[config.scopeClaim], config.scopeClaim),
    credential: { kind: 'jwt', expiresAt },
  };
  // one object serves every request with the same token
  return Object.freeze(principal);
}

/** Scopes the gateway does not know are ignored, never granted; no claim at all is no scope. */
function scopesOf(claim: unknown, name: string): ReadonlySet<Scope> {
  if (claim === undefined) return new Set();
  const values = typeof claim === 'string' ? claim.split(/\s+/) : claim;
  if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
    throw AuthFailure.invalid(`The token's "${name}" claim must be a space-separated string or an array of strings.`);
  }
  return new Set(SCOPES.filter((scope) => values.includes(scope)));
}

/** What went wrong, in words a client can act on; jose's own messages can quote claim values. */
function failureOf(error: unknown): AuthFailure {
  if (error instanceof errors.JWTExpired) return AuthFailure.invalid('The token has expired; get a new one.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return AuthFailure.invalid(`The token's "${error.claim}" claim is missing or not accepted here.`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return AuthFailure.invalid('The token is signed with an algorithm this gateway does not accept.');
  if (error instanceof errors.JWKSNoMatchingKey) return AuthFailure.invalid("The token's signing key is not in the issuer's key set.");
  if (error instanceof errors.JWSSignatureVerificationFailed) return AuthFailure.invalid("The token's signature does not verify.");
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError) || error.code === 'ERR_JOSE_GENERIC') {
    // the key set could not be fetched or read: the token may well be good
    return AuthFailure.unavailable();
  }
  return AuthFailure.invalid('The token is malformed.');
}
