import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

/** How long a bench token lasts: longer than any full run, so no subscription ends on expiry mid-measure. */
const LIFETIME_SECONDS = 4 * 60 * 60;

/** A gateway under test authenticates with AUTH_JWT_SECRET; its clients send a token signed with it. */
export interface BenchAuth {
  /** The variables to start the gateway with. */
  env: { AUTH_JWT_SECRET: string };
  /** `authorization: Bearer <token>`: the request headers, and graphql-ws's connection_init payload as well. */
  headers: { authorization: string };
}

/**
 * An HS256 secret (fresh unless given) and a token of the given agency and scopes, signed with
 * it as an identity provider would: `sub`, `exp`, `agency` and `scope` (the default claim names).
 * Each token is a new one, by its `jti`.
 */
export async function benchAuth(agency: string, scopes: readonly string[], secret = randomBytes(32).toString('base64url')): Promise<BenchAuth> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ agency, scope: scopes.join(' ') })
    .setJti(randomBytes(9).toString('base64url'))
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setIssuedAt(now)
    .setExpirationTime(now + LIFETIME_SECONDS)
    .sign(new TextEncoder().encode(secret));
  return { env: { AUTH_JWT_SECRET: secret }, headers: { authorization: `Bearer ${token}` } };
}
