import { setTimeout as sleep } from 'node:timers/promises';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAuthConfig, type AuthConfig } from '../../src/auth/auth-config';
import { refusal } from './refusal';
import { createJwtVerifier } from '../../src/auth/jwt';
import { sign, signingKey, startJwksServer, type SigningKey } from './jwks-server';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const claims = { sub: 'user-1', agency: 'agency-a', scope: 'read write' };

let rsa: SigningKey;
let ec: SigningKey;
const servers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  [rsa, ec] = await Promise.all([signingKey('RS256', 'rsa-1'), signingKey('ES256', 'ec-1')]);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function jwksConfig(keys: SigningKey[], env: Record<string, string> = {}) {
  const server = await startJwksServer(keys);
  servers.push(server);
  return { server, config: parseAuthConfig({ AUTH_JWKS_URL: server.url.href, ...env }) };
}

const secretConfig = (env: Record<string, string> = {}): AuthConfig => parseAuthConfig({ AUTH_JWT_SECRET: SECRET, ...env });

function hs256(payload: Record<string, unknown>, secret = SECRET, expiresIn: string | number = '1h'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(secret));
}

describe('bearer tokens from AUTH_JWKS_URL', () => {
  it.each(['RS256', 'ES256'] as const)('verifies %s tokens and maps their claims to a principal', async (alg) => {
    const key = alg === 'RS256' ? rsa : ec;
    const { config } = await jwksConfig([rsa, ec]);
    const principal = await createJwtVerifier(config).verify(await sign(key, claims));
    expect(principal).toMatchObject({ subject: 'user-1', agencyId: 'agency-a', credential: { kind: 'jwt' } });
    expect([...principal.scopes]).toEqual(['read', 'write']);
    expect(principal.credential.kind === 'jwt' && principal.credential.expiresAt).toBeGreaterThan(Date.now());
  });

  it('refuses a token signed by a key the issuer did not publish under that kid', async () => {
    const impostor = await signingKey('RS256', 'rsa-1');
    const { config } = await jwksConfig([rsa]);
    const failure = await refusal(createJwtVerifier(config).verify(await sign(impostor, claims)));
    expect(failure).toMatchObject({ status: 401, closeCode: 4401 });
    expect(failure.wwwAuthenticate).toContain('error="invalid_token"');
  });

  it('refuses alg "none"', async () => {
    const { config } = await jwksConfig([rsa]);
    const unsigned = new UnsecuredJWT(claims).setExpirationTime('1h').encode();
    expect((await refusal(createJwtVerifier(config).verify(unsigned))).status).toBe(401);
  });

  it('refuses an HS256 token keyed with the published public key (algorithm confusion)', async () => {
    const { config } = await jwksConfig([rsa]);
    const publicPem = createPublicKey({ key: rsa.publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
    const forged = await hs256(claims, publicPem);
    const failure = await refusal(createJwtVerifier(config).verify(forged));
    expect(failure.message).toMatch(/algorithm/);
  });

  it('re-fetches the key set once for an unknown kid, and a burst of unknown kids does not fetch again', async () => {
    const { server, config } = await jwksConfig([rsa]);
    const verifier = createJwtVerifier(config, { jwks: { cooldownMs: 500 } });
    const rotated = await signingKey('ES256', 'ec-rotated');
    const strangers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => sign(await signingKey('ES256', `unknown-${i}`), claims)),
    );
    await verifier.verify(await sign(rsa, claims));
    expect(server.requests).toBe(1);

    server.keys.push(rotated);
    await sleep(600); // past the cooldown that follows the first fetch
    await verifier.verify(await sign(rotated, claims));
    expect(server.requests).toBe(2);

    // right after a fetch, within the cooldown: unknown kids are refused without asking the key server
    const failures = await Promise.all(strangers.map((token) => refusal(verifier.verify(token))));
    expect(failures.every((failure) => failure.status === 401)).toBe(true);
    expect(server.requests).toBe(2);
  });

  it('keeps verifying with cached keys while the key server is down, however long ago they were fetched', async () => {
    const { server, config } = await jwksConfig([rsa]);
    const verifier = createJwtVerifier(config);
    await verifier.verify(await sign(rsa, claims));
    await server.close();
    // two hours on: past jose's default cacheMaxAge (10 minutes) and the background refresh, which fails
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 2 * 3600_000);
      // new tokens, so the verified-token cache cannot answer
      expect((await verifier.verify(await sign(rsa, { ...claims, sub: 'user-2' }))).subject).toBe('user-2');
      expect((await verifier.verify(await sign(rsa, { ...claims, sub: 'user-3' }))).subject).toBe('user-3');
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 503, not 401, when the key set cannot be fetched for a key it never saw', async () => {
    const { server, config } = await jwksConfig([rsa]);
    await server.close();
    expect((await refusal(createJwtVerifier(config).verify(await sign(rsa, claims)))).status).toBe(503);
  });

  it('stops accepting a key the issuer removed, once the background refresh has read the key set', async () => {
    const { server, config } = await jwksConfig([rsa, ec]);
    const verifier = createJwtVerifier(config, { jwks: { refreshMs: 0 } });
    await verifier.verify(await sign(ec, claims));
    server.keys.splice(server.keys.indexOf(ec), 1);
    await vi.waitFor(async () => {
      await refusal(verifier.verify(await sign(ec, { ...claims, sub: `user-${Math.random()}` })));
    }, { timeout: 2000 });
    expect((await verifier.verify(await sign(rsa, claims))).agencyId).toBe('agency-a');
  });

  it('checks AUTH_ISSUER and AUTH_AUDIENCE, naming the claim', async () => {
    const { config } = await jwksConfig([rsa], { AUTH_ISSUER: 'https://idp.example.com/', AUTH_AUDIENCE: 'rentgraph' });
    const verifier = createJwtVerifier(config);
    const signed = (iss: string, aud: string) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setIssuer(iss).setAudience(aud).setExpirationTime('1h').sign(rsa.privateKey);
    expect((await verifier.verify(await signed('https://idp.example.com/', 'rentgraph'))).subject).toBe('user-1');
    expect((await refusal(verifier.verify(await signed('https://evil.example.com/', 'rentgraph')))).message).toContain('"iss"');
    expect((await refusal(verifier.verify(await signed('https://idp.example.com/', 'another-api')))).message).toContain('"aud"');
  });
});

describe('bearer tokens from AUTH_JWT_SECRET', () => {
  it('verifies HS256 and refuses another secret', async () => {
    const verifier = createJwtVerifier(secretConfig());
    expect((await verifier.verify(await hs256(claims))).agencyId).toBe('agency-a');
    expect((await refusal(verifier.verify(await hs256(claims, 'another-secret-of-at-least-32-characters')))).message).toMatch(/signature/);
  });

  it('refuses an RS256 token when only a secret is configured', async () => {
    const failure = await refusal(createJwtVerifier(secretConfig()).verify(await sign(rsa, claims)));
    expect(failure.message).toMatch(/algorithm/);
  });

  it('with both sources, checks each token by its own', async () => {
    const { config } = await jwksConfig([rsa], { AUTH_JWT_SECRET: SECRET });
    const verifier = createJwtVerifier(config);
    expect((await verifier.verify(await hs256(claims))).subject).toBe('user-1');
    expect((await verifier.verify(await sign(rsa, claims))).subject).toBe('user-1');
  });

  it('refuses an expired token, saying so', async () => {
    const expired = await hs256(claims, SECRET, Math.floor(Date.now() / 1000) - 10);
    const failure = await refusal(createJwtVerifier(secretConfig()).verify(expired));
    expect(failure.message).toMatch(/expired/);
    expect(failure.wwwAuthenticate).toMatch(/^Bearer realm="rentgraph", error="invalid_token"/);
  });

  it('refuses a token without exp or without sub', async () => {
    const key = new TextEncoder().encode(SECRET);
    const noExp = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
    const { sub: _sub, ...anonymous } = claims;
    const verifier = createJwtVerifier(secretConfig());
    expect((await refusal(verifier.verify(noExp))).message).toContain('"exp"');
    expect((await refusal(verifier.verify(await hs256(anonymous)))).message).toContain('"sub"');
  });

  it('refuses a token without an agency, or with one that is not an agency id', async () => {
    const { agency: _agency, ...agencyless } = claims;
    const verifier = createJwtVerifier(secretConfig());
    expect((await refusal(verifier.verify(await hs256(agencyless)))).message).toContain('"agency"');
    expect((await refusal(verifier.verify(await hs256({ ...claims, agency: 'Agency A' })))).status).toBe(401);
  });

  it('reads scopes as a string or an array, and ignores scopes it does not know', async () => {
    const verifier = createJwtVerifier(secretConfig());
    expect([...(await verifier.verify(await hs256({ ...claims, scope: 'read  pii superuser' }))).scopes]).toEqual(['read', 'pii']);
    expect([...(await verifier.verify(await hs256({ ...claims, scope: ['admin', 'root', 'read'] }))).scopes]).toEqual(['read', 'admin']);
    expect((await verifier.verify(await hs256({ ...claims, scope: undefined }))).scopes.size).toBe(0);
    expect((await refusal(verifier.verify(await hs256({ ...claims, scope: 7 })))).message).toContain('"scope"');
  });

  it('reads the agency and scopes from AUTH_AGENCY_CLAIM and AUTH_SCOPE_CLAIM', async () => {
    const verifier = createJwtVerifier(secretConfig({ AUTH_AGENCY_CLAIM: 'https://rentgraph/agency', AUTH_SCOPE_CLAIM: 'permissions' }));
    const principal = await verifier.verify(await hs256({ sub: 'u', 'https://rentgraph/agency': 'agency-b', permissions: ['write'], agency: 'agency-a' }));
    expect(principal.agencyId).toBe('agency-b');
    expect([...principal.scopes]).toEqual(['write']);
  });

  it('verifies a token once: the second answer is the first, remembered', async () => {
    const verifier = createJwtVerifier(secretConfig());
    const token = await hs256(claims);
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    expect(await createJwtVerifier(secretConfig()).verify(token)).not.toBe(first);
  });

  it('remembers a verified token no longer than the token lasts', async () => {
    const verifier = createJwtVerifier(secretConfig());
    const exp = Math.floor(Date.now() / 1000) + 1;
    const shortLived = await hs256(claims, SECRET, exp);
    await verifier.verify(shortLived);
    await sleep(exp * 1000 - Date.now() + 50);
    expect((await refusal(verifier.verify(shortLived))).message).toMatch(/expired/);
  });

  it('never quotes the token in a refusal', async () => {
    const verifier = createJwtVerifier(secretConfig());
    const tokens = [
      await hs256(claims, 'another-secret-of-at-least-32-characters'),
      await hs256(claims, SECRET, Math.floor(Date.now() / 1000) - 10),
      await hs256({ ...claims, agency: undefined }),
      `malformed-${crypto.randomUUID()}`,
    ];
    for (const token of tokens) {
      const failure = await refusal(verifier.verify(token));
      for (const part of token.split('.')) {
        expect(failure.message).not.toContain(part);
        expect(failure.wwwAuthenticate).not.toContain(part);
      }
    }
  });
});
