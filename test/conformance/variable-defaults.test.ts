import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

const AMARA = 'amara.okafor@example.com';
const DEFAULTED = `query Q($e: String! = "${AMARA}") { tenant(email: $e) { email } }`;
/** The first GraphiQL tab, as a fresh page runs it: no variables. */
const DASHBOARD = readFileSync(new URL('../../operations/tenant-dashboard.graphql', import.meta.url), 'utf8');

async function post(body: Record<string, unknown>) {
  const response = await request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { ...gateway.authorization, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as { data?: any; errors?: unknown[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read loosely
}

async function get(params: Record<string, string>) {
  const response = await request(`${gateway.url}/graphql?${new URLSearchParams(params)}`, { headers: { ...gateway.authorization, accept: 'application/graphql-response+json' } });
  return { status: response.statusCode, body: (await response.body.json()) as { data?: any; errors?: unknown[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read loosely
}

// Coercing Variable Values: a variable that is not provided takes its default, whatever its nullability.
describe('a non-null variable with a default', () => {
  it.each([
    ['POST, no variables', () => post({ query: DEFAULTED })],
    ['POST, variables: {}', () => post({ query: DEFAULTED, variables: {} })],
    ['POST, variables: null', () => post({ query: DEFAULTED, variables: null })],
    ['GET, no variables', () => get({ query: DEFAULTED })],
    ['GET, variables={}', () => get({ query: DEFAULTED, variables: '{}' })],
  ])('takes its default: %s', async (_name, ask) => {
    const { status, body } = await ask();
    expect(body).toEqual({ data: { tenant: { email: AMARA } }, extensions: { vendorCalls: expect.any(Object) } });
    expect(status).toBe(200);
  });

  it('is overridden by a value given', async () => {
    const { body } = await post({ query: DEFAULTED, variables: { e: 'sofia.rossi@example.com' } });
    expect(body).toEqual({ data: { tenant: { email: 'sofia.rossi@example.com' } }, extensions: { vendorCalls: expect.any(Object) } });
  });

  it('refuses an explicit null, naming the variable', async () => {
    const { status, body } = await post({ query: DEFAULTED, variables: { e: null } });
    expect(status).toBe(400);
    expect(body.errors).toMatchObject([{ message: 'Variable "$e" of non-null type "String!" must not be null.' }]);
  });

  it.each([
    ['POST', () => post({ query: DASHBOARD })],
    ['GET', () => get({ query: DASHBOARD })],
  ])('lets the TenantDashboard tab run as a fresh page opens it, over %s', async (_name, ask) => {
    const { body } = await ask();
    expect(body.errors).toBeUndefined();
    expect(body.data.tenant.email).toBe(AMARA);
    expect(body.data.tenant.reposits.length).toBeGreaterThan(0);
  });
});
