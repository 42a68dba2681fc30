import { UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOperation, TRANSPORTS, type Credential, type Seen, type Transport } from '../helpers/transports';
import { signingKey } from './jwks-server';
import { AUDIENCE, ISSUER, useMatrixGateway, type MatrixGateway } from './transport-fixture';

/** Amara Okafor rents at sandbox-north only, Chidi Eze at sandbox-south only: whose reposits come back names the agency that answered. */
const WHO_ANSWERS = {
  query: '{ north: tenant(email: "amara.okafor@example.com") { reposits { id } } south: tenant(email: "chidi.eze@example.com") { reposits { id } } }',
};
const OTHER_SECRET = 'another-secret-of-at-least-32-characters';

/** How a client presents itself: a credential, and maybe an agency beside it. */
interface Presented {
  credential: Credential;
  agency?: string;
}
/** Which agency answers, or the refusal's HTTP status. */
type Expected = 'sandbox-north' | 'sandbox-south' | 401 | 403;

/** What the cases draw on, made once the gateway is up. */
interface Setup {
  matrix: MatrixGateway;
  northKey: string;
  everyAgencyKey: string;
  revokedKey: string;
  removedAgencyToken: string;
}

const token = (value: string, agency?: string): Presented => ({ credential: { kind: 'token', token: value }, agency });
const apiKey = (value: string, agency?: string): Presented => ({ credential: { kind: 'apiKey', key: value }, agency });
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** The matrix: each case, what it presents and what every transport must answer. */
const CASES: Array<[string, Expected, (setup: Setup) => Presented | Promise<Presented>]> = [
  ['an HS256 token', 'sandbox-north', async ({ matrix }) => token(await matrix.hs256())],
  ['an RS256 token of the key set', 'sandbox-north', async ({ matrix }) => token(await matrix.signedBy(matrix.rsa))],
  ['an ES256 token of the key set', 'sandbox-north', async ({ matrix }) => token(await matrix.signedBy(matrix.ec))],
  ['a token for sandbox-south', 'sandbox-south', async ({ matrix }) => token(await matrix.hs256({ agency: 'sandbox-south' }))],
  ['an API key of sandbox-north', 'sandbox-north', ({ northKey }) => apiKey(northKey)],
  ['an API key for all agencies, naming sandbox-south', 'sandbox-south', ({ everyAgencyKey }) => apiKey(everyAgencyKey, 'sandbox-south')],
  ['a token naming its own agency', 'sandbox-north', async ({ matrix }) => token(await matrix.hs256(), 'sandbox-north')],
  ['no credential', 401, () => ({ credential: { kind: 'none' } })],
  ['an HS256 token signed with another secret', 401, async ({ matrix }) => token(await matrix.hs256({}, OTHER_SECRET))],
  ['an RS256 token of a key outside the key set', 401, async ({ matrix }) => token(await matrix.signedBy(await signingKey('RS256', matrix.rsa.kid)))],
  ['an unsigned token (alg none)', 401, () =>
    token(new UnsecuredJWT({ sub: 'x', iss: ISSUER, aud: AUDIENCE, agency: 'sandbox-north', scope: 'read', exp: inAnHour() }).encode())],
  ['an RS384 token of a key of the set', 401, async ({ matrix }) => token(await matrix.signedBy(matrix.rs384))],
  ['an HS256 token keyed with the key set’s public key', 401, async ({ matrix }) =>
    token(await matrix.hs256({}, new TextEncoder().encode(JSON.stringify(matrix.rsa.publicJwk))))],
  ['a token of another issuer', 401, async ({ matrix }) => token(await matrix.hs256({ iss: 'https://elsewhere.example.com/' }))],
  ['a token for another audience', 401, async ({ matrix }) => token(await matrix.hs256({ aud: 'another-api' }))],
  ['an expired token', 401, async ({ matrix }) => token(await matrix.hs256({ expiresIn: -60 }))],
  ['a revoked API key', 401, ({ revokedKey }) => apiKey(revokedKey)],
  ['an unknown API key', 401, () => apiKey(`rgk_${'A'.repeat(43)}`)],
  ['a token for an agency never served', 403, async ({ matrix }) => token(await matrix.hs256({ agency: 'agency-unknown' }))],
  ['a token for a removed agency', 403, ({ removedAgencyToken }) => token(removedAgencyToken)],
  ['a token for sandbox-north naming sandbox-south', 403, async ({ matrix }) => token(await matrix.hs256(), 'sandbox-south')],
  ['an API key of sandbox-north naming sandbox-south', 403, ({ northKey }) => apiKey(northKey, 'sandbox-south')],
  ['an API key for all agencies naming none', 403, ({ everyAgencyKey }) => apiKey(everyAgencyKey)],
  ['an API key for all agencies naming an agency never served', 403, ({ everyAgencyKey }) => apiKey(everyAgencyKey, 'agency-unknown')],
];

let matrix: MatrixGateway;
const presented = new Map<string, Presented>();

beforeAll(async () => {
  matrix = await useMatrixGateway();
  const revoked = await matrix.apiKey('sandbox-north');
  // used once, so that the refusal below is the revocation's and not a key never seen
  expect(answeringAgency(await ask('POST', apiKey(revoked.key)))).toBe('sandbox-north');
  await matrix.gateway.composed.apiKeys!.revoke(revoked.id, 'sandbox-north');
  await matrix.gateway.composed.registry.create({ id: 'matrix-gone', name: 'Removed' });
  const removedAgencyToken = await matrix.hs256({ agency: 'matrix-gone' });
  await matrix.gateway.composed.registry.delete('matrix-gone');

  const setup: Setup = {
    matrix,
    northKey: (await matrix.apiKey('sandbox-north')).key,
    everyAgencyKey: (await matrix.apiKey(null)).key,
    revokedKey: revoked.key,
    removedAgencyToken,
  };
  for (const [name, , present] of CASES) presented.set(name, await present(setup));
});
afterAll(() => matrix?.close());

function answeringAgency({ data }: Seen): string | undefined {
  const north = data?.north?.reposits?.length > 0;
  const south = data?.south?.reposits?.length > 0;
  return north === south ? undefined : north ? 'sandbox-north' : 'sandbox-south';
}

/** What must never be repeated: a token's signature, an API key. */
function secretOf({ credential }: Presented): string | undefined {
  if (credential.kind === 'token') return credential.token.split('.')[2] || undefined;
  return credential.kind === 'apiKey' ? credential.key : undefined;
}

function ask(transport: Transport, { credential, agency }: Presented, urlParams?: Record<string, string>): Promise<Seen> {
  // graphql-ws refuses within a second of connection_init
  return runOperation(matrix.gateway.url, transport, WHO_ANSWERS, { credential, agency, urlParams, waitMs: transport === 'graphql-ws' ? 1_000 : 5_000 });
}

/** What a refused client sees: over HTTP the status, its challenge and a GraphQL-shaped error; over graphql-ws the close code. */
function expectRefused(seen: Seen, transport: Transport, status: 401 | 403): void {
  if (transport === 'graphql-ws') {
    expect(seen).toMatchObject({ closeCode: status === 401 ? 4401 : 4403, ended: true, results: [] });
    return;
  }
  expect(seen.status).toBe(status);
  expect(seen.headers['content-type']).toMatch(/^application\/json/);
  expect(seen.errors?.[0]?.extensions?.code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  expect(seen.data).toBeUndefined();
  if (status === 401) expect(seen.headers['www-authenticate']).toMatch(/^(Bearer|ApiKey) realm="rentgraph"/);
  else expect(seen.headers['www-authenticate']).toBeUndefined();
}

describe.each(TRANSPORTS)('over %s', (transport) => {
  it.each(CASES)('%s: %s', async (name, expected) => {
    const client = presented.get(name)!;
    const seen = await ask(transport, client);
    if (typeof expected === 'number') {
      expectRefused(seen, transport, expected);
      const secret = secretOf(client);
      if (secret) expect(JSON.stringify(seen)).not.toContain(secret);
    } else {
      expect(seen.errors).toBeUndefined();
      expect(answeringAgency(seen)).toBe(expected);
      if (transport !== 'graphql-ws') expect(seen.status).toBe(200);
    }
  });

  it('logs no credential it refuses', async () => {
    const from = matrix.gateway.logLines.length;
    for (const [name, expected] of CASES) if (typeof expected === 'number') await ask(transport, presented.get(name)!);
    const lines = matrix.gateway.logLines.slice(from);
    // Refusals are logged (over HTTP, a line each), so the scan has lines to read.
    if (transport !== 'graphql-ws') expect(lines.length).toBeGreaterThan(0);
    for (const [name] of CASES) {
      const secret = secretOf(presented.get(name)!);
      if (secret) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });

  it.each([
    ['authorization', (value: string) => `Bearer ${value}`],
    ['token', (value: string) => value],
    ['access_token', (value: string) => value],
  ] as const)('never reads a token from ?%s=', async (param, format) => {
    const { credential } = presented.get('an HS256 token')! as { credential: { kind: 'token'; token: string } };
    expectRefused(await ask(transport, { credential: { kind: 'none' } }, { [param]: format(credential.token) }), transport, 401);
  });

  it.each(['apiKey', 'x-api-key'])('never reads an API key from ?%s=', async (param) => {
    const { credential } = presented.get('an API key of sandbox-north')! as { credential: { kind: 'apiKey'; key: string } };
    expectRefused(await ask(transport, { credential: { kind: 'none' } }, { [param]: credential.key }), transport, 401);
  });
});

describe.each(TRANSPORTS.filter((transport) => transport !== 'graphql-ws'))('a browser refused over %s', (transport) => {
  it('still gets the CORS headers, so the front end can read the 401', async () => {
    const seen = await runOperation(matrix.gateway.url, transport, WHO_ANSWERS, { headers: { origin: 'https://crm.example.com' } });
    expectRefused(seen, transport, 401);
    expect(seen.headers['access-control-allow-origin']).toBe('https://crm.example.com');
  });
});

// Yoga serves GraphQL wherever the URL ends with the endpoint, with or without a slash.
describe.each(TRANSPORTS.filter((transport) => transport !== 'graphql-ws'))('the endpoint spelt otherwise, over %s', (transport) => {
  it.each(['/graphql/', '//graphql', '/x/graphql'])('%s answers nothing of the schema to an anonymous caller', async (path) => {
    const misspelt = { query: '{ tenan(email: "amara.okafor@example.com") { email } }' };
    const anonymous = await runOperation(matrix.gateway.url, transport, misspelt, { path });
    expect([401, 404]).toContain(anonymous.status);
    expect(JSON.stringify(anonymous.results)).not.toContain('Did you mean');

    const signedIn = await runOperation(matrix.gateway.url, transport, WHO_ANSWERS, { path, credential: presented.get('an HS256 token')!.credential });
    if (signedIn.status !== 404) expect(answeringAgency(signedIn)).toBe('sandbox-north');
  });
});
