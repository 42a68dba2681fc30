import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SignJWT, type JWTPayload } from 'jose';
import { SCOPES, type Scope } from '../../src/auth/principal';
import { TEST_JWT_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { sign, signingKey, startJwksServer, type SigningKey } from './jwks-server';

export const ISSUER = 'https://id.example.com/';
export const AUDIENCE = 'rentgraph-matrix';

export interface MatrixClaims {
  agency?: string;
  scopes?: readonly Scope[];
  /** Seconds from now; negative for a token already expired. @default 3600 */
  expiresIn?: number;
  iss?: string;
  aud?: string;
}

/**
 * A gateway as an operator runs it with an identity provider: AUTH_JWKS_URL (a real key server on
 * port 0, RS256 and ES256) beside AUTH_JWT_SECRET (HS256), AUTH_ISSUER and AUTH_AUDIENCE set, and
 * Redis for API keys and run-time agencies. Close it after the test.
 */
export async function useMatrixGateway() {
  const rsa = await signingKey('RS256', 'matrix-rsa');
  const ec = await signingKey('ES256', 'matrix-ec');
  const rs384 = await signingKey('RS384', 'matrix-rs384');
  const jwks = await startJwksServer([rsa, ec, rs384]);
  const prefix = `test-${randomUUID()}`;
  const client = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  const gateway: TestGateway = await useGateway({
    redis: { client, subscriber, prefix },
    env: {
      AUTH_JWKS_URL: jwks.url.href,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      CREDENTIALS_KEY: randomBytes(32).toString('hex'),
      SANDBOX_EVENTS: '0',
      CORS_ORIGINS: 'https://crm.example.com',
    },
  });

  const claimsOf = (claims: MatrixClaims): JWTPayload => ({
    sub: 'matrix-user',
    iss: claims.iss ?? ISSUER,
    aud: claims.aud ?? AUDIENCE,
    agency: claims.agency ?? 'sandbox-north',
    scope: (claims.scopes ?? SCOPES).join(' '),
  });
  const expiry = (claims: MatrixClaims) => Math.floor(Date.now() / 1000) + (claims.expiresIn ?? 3600);

  return {
    gateway,
    rsa,
    ec,
    /** In the key set, but RS384: the gateway pins RS256 and ES256. */
    rs384,
    /** An HS256 token, signed with the gateway's secret unless `secret` says otherwise. */
    hs256(claims: MatrixClaims = {}, secret: string | Uint8Array = TEST_JWT_SECRET): Promise<string> {
      const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
      return new SignJWT(claimsOf(claims)).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiry(claims)).sign(key);
    },
    /** A token signed by a key of the key set (or one outside it). */
    signedBy(key: SigningKey, claims: MatrixClaims = {}): Promise<string> {
      return sign(key, claimsOf(claims), expiry(claims));
    },
    async apiKey(agencyId: string | null, scopes: readonly Scope[] = SCOPES): Promise<{ id: string; key: string }> {
      return gateway.composed.apiKeys!.create({ name: 'matrix', agencyId, scopes });
    },
    async close(): Promise<void> {
      await gateway.close();
      await jwks.close();
      const written = await client.keys(`${prefix}:*`);
      if (written.length > 0) await client.del(...written);
      client.disconnect();
      subscriber.disconnect();
    },
  };
}

export type MatrixGateway = Awaited<ReturnType<typeof useMatrixGateway>>;
