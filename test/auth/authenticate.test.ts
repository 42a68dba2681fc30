import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisApiKeyStore, type ApiKeyStore } from '../../src/auth/api-keys';
import { parseAuthConfig } from '../../src/auth/auth-config';
import { refusal } from './refusal';
import { createAuthenticator, type Authenticator } from '../../src/auth/authenticate';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const prefix = `test-${randomUUID()}`;
const connections = Array.from({ length: 4 }, () => new Redis('redis://127.0.0.1:6379'));
const agencies = new Set(['agency-a', 'agency-b']);

let keys: ApiKeyStore;
let otherInstanceKeys: ApiKeyStore;
let auth: Authenticator;

beforeAll(async () => {
  const first = createRedisApiKeyStore(connections[0]!, { prefix, subscriber: connections[1]! });
  const second = createRedisApiKeyStore(connections[2]!, { prefix, subscriber: connections[3]! });
  await Promise.all([first.subscribed, second.subscribed]);
  keys = first;
  otherInstanceKeys = second;
  auth = createAuthenticator({ config: parseAuthConfig({ AUTH_JWT_SECRET: SECRET }), apiKeys: keys, agencyExists: (id) => agencies.has(id) });
});
afterAll(async () => {
  await keys.dispose();
  await otherInstanceKeys.dispose();
  const written = await connections[0]!.keys(`${prefix}:*`);
  if (written.length > 0) await connections[0]!.del(...written);
  for (const connection of connections) connection.disconnect();
});

function token(claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ sub: 'user-1', agency: 'agency-a', scope: 'read', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
}

describe('authenticating HTTP and SSE requests by their headers', () => {
  it('asks for a credential when there is none: 401 with a Bearer challenge', async () => {
    const failure = await refusal(auth.fromHeaders(new Headers()));
    expect(failure).toMatchObject({ status: 401, closeCode: 4401, wwwAuthenticate: 'Bearer realm="rentgraph"' });
    expect(failure.message).toContain('Authorization: Bearer');
  });

  it('takes a bearer token, whatever the case of the scheme', async () => {
    const principal = await auth.fromHeaders(new Headers({ authorization: `bearer ${await token()}` }));
    expect(principal).toMatchObject({ subject: 'user-1', agencyId: 'agency-a' });
  });

  it('refuses another scheme, or a token with bad signature, with 401', async () => {
    expect((await refusal(auth.fromHeaders(new Headers({ authorization: `Basic ${btoa('a:b')}` })))).status).toBe(401);
    const forged = (await token()).slice(0, -4) + 'AAAA';
    const failure = await refusal(auth.fromHeaders(new Headers({ authorization: `Bearer ${forged}` })));
    expect(failure.wwwAuthenticate).toContain('error="invalid_token"');
    expect(failure.message + failure.wwwAuthenticate).not.toContain(forged.split('.')[2]);
  });

  it('refuses a token for an agency the gateway does not serve with 403', async () => {
    const failure = await refusal(auth.fromHeaders(new Headers({ authorization: `Bearer ${await token({ agency: 'agency-gone' })}` })));
    expect(failure).toMatchObject({ status: 403, closeCode: 4403, wwwAuthenticate: undefined });
  });

  it('refuses a token whose agency is not the one x-agency-id names', async () => {
    const headers = new Headers({ authorization: `Bearer ${await token()}`, 'x-agency-id': 'agency-b' });
    expect((await refusal(auth.fromHeaders(headers))).status).toBe(403);
  });

  it('refuses two credentials at once', async () => {
    const { key } = await keys.create({ name: 'both', agencyId: 'agency-a', scopes: ['read'] });
    const failure = await refusal(auth.fromHeaders(new Headers({ authorization: `Bearer ${await token()}`, 'x-api-key': key })));
    expect(failure.status).toBe(401);
    expect(failure.wwwAuthenticate).toContain('invalid_request');
  });

  it('takes an API key bound to one agency, with its scopes', async () => {
    const { id, key } = await keys.create({ name: 'crm', agencyId: 'agency-b', scopes: ['read', 'write'] });
    const principal = await auth.fromHeaders(new Headers({ 'x-api-key': key }));
    expect(principal).toMatchObject({ subject: `api-key:${id}`, agencyId: 'agency-b', credential: { kind: 'apiKey', keyId: id } });
    expect([...principal.scopes]).toEqual(['read', 'write']);
    expect((await refusal(auth.fromHeaders(new Headers({ 'x-api-key': key, 'x-agency-id': 'agency-a' })))).status).toBe(403);
  });

  it('refuses an unknown API key with 401, never quoting it', async () => {
    const unknown = `rgk_${'x'.repeat(43)}`;
    const failure = await refusal(auth.fromHeaders(new Headers({ 'x-api-key': unknown })));
    expect(failure).toMatchObject({ status: 401, wwwAuthenticate: 'ApiKey realm="rentgraph"' });
    expect(failure.message).not.toContain(unknown);
  });

  it('makes a key for all agencies name its agency with x-agency-id, and acts for that one only', async () => {
    const { key } = await keys.create({ name: 'all', agencyId: null, scopes: ['read'] });
    const bare = await refusal(auth.fromHeaders(new Headers({ 'x-api-key': key })));
    expect(bare.status).toBe(403);
    expect(bare.message).toContain('x-agency-id');
    expect((await auth.fromHeaders(new Headers({ 'x-api-key': key, 'x-agency-id': 'agency-b' }))).agencyId).toBe('agency-b');
    expect((await refusal(auth.fromHeaders(new Headers({ 'x-api-key': key, 'x-agency-id': 'agency-gone' })))).status).toBe(403);
    expect((await refusal(auth.fromHeaders(new Headers({ 'x-api-key': key, 'x-agency-id': '{agency-a}' })))).status).toBe(403);
  });
});

describe('authenticating graphql-ws connections by their connection_init payload', () => {
  it('takes { authorization: "Bearer …" }', async () => {
    expect((await auth.fromConnectionParams({ authorization: `Bearer ${await token()}` })).agencyId).toBe('agency-a');
  });

  it('takes { apiKey, agency }', async () => {
    const { key } = await keys.create({ name: 'ws', agencyId: null, scopes: ['read'] });
    expect((await auth.fromConnectionParams({ apiKey: key, agency: 'agency-b' })).agencyId).toBe('agency-b');
    expect((await refusal(auth.fromConnectionParams({ apiKey: key }))).closeCode).toBe(4403);
  });

  it('closes with 4401 for no payload, or a field that is not a string', async () => {
    expect((await refusal(auth.fromConnectionParams(undefined))).closeCode).toBe(4401);
    const failure = await refusal(auth.fromConnectionParams({ authorization: ['Bearer x'] }));
    expect(failure.closeCode).toBe(4401);
    expect(failure.message).toContain('"authorization"');
  });
});

describe('whether a principal still holds, for live subscriptions', () => {
  it('ends with the token: false once its expiry passes', async () => {
    const principal = await auth.fromHeaders(new Headers({ authorization: `Bearer ${await token()}` }));
    expect(await auth.stillHolds(principal)).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3600_000 + 1000);
      expect(await auth.stillHolds(principal)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends within a second when another instance revokes the key', async () => {
    const { id, key } = await keys.create({ name: 'revoked live', agencyId: 'agency-a', scopes: ['read'] });
    const principal = await auth.fromConnectionParams({ apiKey: key });
    expect(await auth.stillHolds(principal)).toBe(true);
    expect(await otherInstanceKeys.revoke(id, 'agency-a')).toBe(true);
    await vi.waitFor(async () => expect(await auth.stillHolds(principal)).toBe(false), { timeout: 1000, interval: 20 });
    expect((await refusal(auth.fromHeaders(new Headers({ 'x-api-key': key })))).status).toBe(401);
  });

  it('ends when the agency is removed', async () => {
    agencies.add('agency-short-lived');
    const principal = await auth.fromHeaders(new Headers({ authorization: `Bearer ${await token({ agency: 'agency-short-lived' })}` }));
    expect(await auth.stillHolds(principal)).toBe(true);
    agencies.delete('agency-short-lived');
    expect(await auth.stillHolds(principal)).toBe(false);
  });
});

describe('AUTH=off', () => {
  const off = createAuthenticator({ config: parseAuthConfig({ AUTH: 'off' }), agencyExists: () => true });

  it('gives every caller the agency default with every scope', async () => {
    const principal = await off.fromHeaders(new Headers());
    expect(principal).toMatchObject({ agencyId: 'default', credential: { kind: 'none' } });
    expect([...principal.scopes]).toEqual(['read', 'write', 'pii', 'admin']);
    expect((await off.fromConnectionParams({})).agencyId).toBe('default');
  });

  it('is the only configuration whose principal without a credential holds', async () => {
    expect(await auth.stillHolds(await off.fromHeaders(new Headers()))).toBe(false);
    expect(await off.stillHolds(await off.fromHeaders(new Headers()))).toBe(true);
  });
});
