import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { TRANSPORTS, runOperation } from '../helpers/transports';

// Documents as text, as a server-side client with an API key may send them: what is refused here is the schema's exposure.
const PRODUCTION = { NODE_ENV: 'production', PERSISTED_DOCUMENTS: 'allow' };
const SCHEMA = { query: '{ __schema { queryType { name } } }' };
const TYPE = { query: '{ __type(name: "Tenant") { name } }' };
const TYPENAME = { query: '{ __typename agency { id } }' };
/** `tenant` misspelt: graphql's validation error suggests the field. */
const MISSPELT = { query: '{ tenan(email: "amara.okafor@example.com") { email } }' };

let production: TestGateway;
let development: TestGateway;
let enabled: TestGateway;

beforeAll(async () => {
  [production, development, enabled] = await Promise.all([
    useGateway({ env: PRODUCTION }),
    useGateway(),
    useGateway({ env: { ...PRODUCTION, GRAPHIQL: '1', INTROSPECTION: '1' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([production, development, enabled].map((gateway) => gateway?.close()));
});

async function graphiqlPage(gateway: TestGateway) {
  const answer = await request(`${gateway.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  return { status: answer.statusCode, body: await answer.body.text() };
}

const credential = (gateway: TestGateway) => ({ kind: 'token', token: gateway.token }) as const;

describe('NODE_ENV=production', () => {
  it('serves no GraphiQL page: 404, and says which variable turns it on', async () => {
    const page = await graphiqlPage(production);
    expect(page.status).toBe(404);
    expect(page.body).toContain('GRAPHIQL=1');
    expect(page.body).not.toContain('<html');
  });

  it.each(TRANSPORTS)('refuses introspection over %s with a validation error naming it', async (transport) => {
    for (const operation of [SCHEMA, TYPE]) {
      const seen = await runOperation(production.url, transport, operation, { credential: credential(production) });
      expect(seen.data ?? undefined).toBeUndefined();
      expect(seen.errors?.[0]?.message).toMatch(/introspection has been disabled/i);
    }
  });

  it.each(TRANSPORTS)('still answers __typename over %s', async (transport) => {
    const seen = await runOperation(production.url, transport, TYPENAME, { credential: credential(production) });
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({ __typename: 'Query', agency: { id: 'sandbox-north' } });
  });

  it.each(TRANSPORTS)('suggests no field names over %s', async (transport) => {
    const seen = await runOperation(production.url, transport, MISSPELT, { credential: credential(production) });
    expect(seen.errors?.[0]?.message).toMatch(/tenan/);
    expect(JSON.stringify(seen.results)).not.toMatch(/Did you mean/);
  });
});

describe('outside production (sandbox mode), the friendly defaults', () => {
  it('serves GraphiQL', async () => {
    const page = await graphiqlPage(development);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>rentgraph</title>');
  });

  it.each(TRANSPORTS)('answers introspection and suggests fields over %s', async (transport) => {
    const schema = await runOperation(development.url, transport, SCHEMA, { credential: credential(development) });
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const misspelt = await runOperation(development.url, transport, MISSPELT, { credential: credential(development) });
    expect(misspelt.errors?.[0]?.message).toMatch(/Did you mean "tenant"/);
  });
});

describe('production with GRAPHIQL=1 and INTROSPECTION=1', () => {
  it('serves GraphiQL', async () => {
    expect((await graphiqlPage(enabled)).status).toBe(200);
  });

  it.each(TRANSPORTS)('answers introspection, with field suggestions back, over %s', async (transport) => {
    const schema = await runOperation(enabled.url, transport, TYPE, { credential: credential(enabled) });
    expect(schema.data).toEqual({ __type: { name: 'Tenant' } });
    const misspelt = await runOperation(enabled.url, transport, MISSPELT, { credential: credential(enabled) });
    expect(misspelt.errors?.[0]?.message).toMatch(/Did you mean "tenant"/);
  });
});
