import { encodeGlobalID } from '@pothos/plugin-relay';
import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Scope } from '../../src/auth/principal';
import { testToken, useGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';
import { AMARA, amaraRequest, canopyExamples, postWebhook } from '../helpers/webhooks';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());

type Answer = GraphQLResponse<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read loosely in tests

/** Asks over real HTTP as `sandbox-north`, with a token holding `scopes` only. */
async function run(scopes: Scope[], document: string, variables?: Record<string, unknown>): Promise<Answer> {
  return gateway.graphql(document, variables, { token: await testToken({ scopes }) });
}

/** The first result of a subscription over graphql-ws, as `sandbox-north` with `scopes` only. */
async function firstOverWebSocket(scopes: Scope[], query: string, variables: Record<string, unknown>): Promise<Answer> {
  const client = createClient({
    url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${await testToken({ scopes })}` },
  });
  try {
    return await new Promise<Answer>((resolve, reject) => {
      client.subscribe<Record<string, unknown>>({ query, variables }, {
        next: (result) => resolve(result as Answer),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(new Error(`graphql-ws refused: ${String(error)}`))),
        complete: () => reject(new Error('completed without a result')),
      });
    });
  } finally {
    await client.dispose();
  }
}

/** Each error as the client reads it: where, which code, which scope. */
const refusals = (answer: Answer) =>
  (answer.errors ?? []).map((error) => ({ path: error.path?.join('.'), code: error.extensions?.code, scope: error.extensions?.scope }));

const repositOf = (email: string) => gateway.sandbox.simulators.reposit.state.repositsOf(email)[0]!.id;
const accountOf = (email: string) => gateway.sandbox.simulators.canopyServicing.state.accountIdByEmail.get(email)!;

describe('pii', () => {
  it('answers a read-only principal the names and e-mails, and null with FORBIDDEN for addresses', async () => {
    const answer = await run(
      ['read'],
      `query ($id: ID!) { reposit(id: $id) { repositId monthlyRent { decimal } address { town }
        tenants { email } landlord { firstName lastName email address { town } } } }`,
      { id: repositOf(AMARA) },
    );

    expect(answer.data?.reposit).toMatchObject({
      repositId: repositOf(AMARA),
      monthlyRent: { decimal: expect.any(String) },
      address: null,
      tenants: expect.arrayContaining([{ email: AMARA }]),
      landlord: { firstName: expect.any(String), lastName: expect.any(String), email: expect.any(String), address: null },
    });
    expect(refusals(answer)).toEqual(
      expect.arrayContaining([
        { path: 'reposit.address', code: 'FORBIDDEN', scope: 'pii' },
        { path: 'reposit.landlord.address', code: 'FORBIDDEN', scope: 'pii' },
      ]),
    );
    expect(answer.errors).toHaveLength(2);
  });

  it('answers the same fields to a principal that holds pii', async () => {
    const answer = await run(['read', 'pii'], `query ($id: ID!) { reposit(id: $id) { address { town } landlord { address { town } } } }`, {
      id: repositOf(AMARA),
    });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.reposit).toMatchObject({ address: { town: expect.any(String) }, landlord: { address: { town: expect.any(String) } } });
  });

  it('keeps a renter’s passport personal data and report links from a principal without pii', async () => {
    const answer = await run(
      ['read'],
      `query ($id: ID!) { referencingRequest(canopyReferenceId: $id) { canopyReferenceId intermediateReportPdfUrl
        notes { renter { firstName lastName email } }
        rentPassport { globalStatus creditScore personalData { identity } } } }`,
      { id: amaraRequest },
    );

    expect(answer.data?.referencingRequest).toMatchObject({
      canopyReferenceId: amaraRequest,
      intermediateReportPdfUrl: null,
      notes: { renter: { firstName: 'Amara', lastName: 'Okafor', email: AMARA } },
      rentPassport: { globalStatus: expect.any(String), creditScore: null, personalData: null },
    });
    expect(refusals(answer).map(({ path, scope }) => `${path} ${scope}`).sort()).toEqual([
      'referencingRequest.intermediateReportPdfUrl pii',
      'referencingRequest.rentPassport.creditScore pii',
      'referencingRequest.rentPassport.personalData pii',
    ]);
  });

  it('has a customer made by a principal without pii answered with names and e-mail only, its date of birth, phone and address null', async () => {
    const answer = await run(
      ['read', 'write'],
      `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { __typename
        ... on MutationCreateCustomerSuccess { data { firstName lastName email dateOfBirth phoneNumber addressLineOne zip ssn } } } }`,
      {
        input: {
          firstName: 'Nadia',
          lastName: 'Haddad',
          email: 'nadia.haddad@example.com',
          dateOfBirth: '1990-04-02',
          phoneNumber: '+14105550123',
          addressLineOne: '4 Peachtree Lane',
          city: 'Atlanta',
          state: 'GA',
          zip: '30301',
          ssn: '123-45-6789',
          assignToAccounts: [{ accountId: accountOf(gateway.sandbox.people[2]!.email), role: 'PRIMARY' }],
        },
      },
    );

    expect(answer.data?.createCustomer).toEqual({
      __typename: 'MutationCreateCustomerSuccess',
      data: { firstName: 'Nadia', lastName: 'Haddad', email: 'nadia.haddad@example.com', dateOfBirth: null, phoneNumber: null, addressLineOne: null, zip: null, ssn: null },
    });
    expect(refusals(answer).map(({ path, code, scope }) => `${path} ${code} ${scope}`).sort()).toEqual(
      ['addressLineOne', 'dateOfBirth', 'phoneNumber', 'ssn', 'zip'].map((field) => `createCustomer.data.${field} FORBIDDEN pii`),
    );
    expect(JSON.stringify(answer)).not.toMatch(/1990-04-02|4105550123|Peachtree|123-45-6789/);
  });
});

describe('root scopes', () => {
  it('refuses a query field to a principal without read, before any vendor call', async () => {
    const answer = await run(['write', 'pii', 'admin'], `query ($email: String!) { tenant(email: $email) { email reposits { repositId } } }`, { email: AMARA });

    expect(answer.data).toEqual({ tenant: null });
    expect(refusals(answer)).toEqual([{ path: 'tenant', code: 'FORBIDDEN', scope: 'read' }]);
    expect(answer.errors?.[0]?.message).toBe('Query.tenant requires the `read` scope');
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('refuses node lookups to a principal without read', async () => {
    const answer = await run(['pii'], `query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`, { id: encodeGlobalID('Reposit', repositOf(AMARA)) });

    // `nodes` is a non-null list, so its refusal nulls the whole answer.
    expect(answer.data).toBeNull();
    expect(refusals(answer).map(({ path, scope }) => `${path} ${scope}`).sort()).toEqual(['node read', 'nodes read']);
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('refuses a mutation to a principal without write, as an error, before any vendor call', async () => {
    const answer = await run(['read', 'pii', 'admin'], `mutation ($id: ID!) { createPayment(input: { accountId: $id, amountCents: 500 }) { __typename } }`, {
      id: accountOf(AMARA),
    });

    expect(answer.data).toBeNull();
    expect(refusals(answer)).toEqual([{ path: 'createPayment', code: 'FORBIDDEN', scope: 'write' }]);
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('refuses webhook registration to a principal with write but not admin, and lets admin alone register', async () => {
    const REGISTER = `mutation { registerCanopyWebhook(input: { type: REQUEST_STATUS_UPDATES }) { __typename } }`;
    const webhooks = gateway.sandbox.simulators.canopyReferencing.state.webhooks;
    webhooks.delete('REQUEST_STATUS_UPDATES');

    const refused = await run(['read', 'write', 'pii'], REGISTER);
    expect(refused.data).toBeNull();
    expect(refusals(refused)).toEqual([{ path: 'registerCanopyWebhook', code: 'FORBIDDEN', scope: 'admin' }]);
    expect(gateway.sandbox.calls.count()).toBe(0);
    expect(webhooks.has('REQUEST_STATUS_UPDATES')).toBe(false);

    const registered = await run(['admin'], REGISTER);
    expect(registered).toMatchObject({ data: { registerCanopyWebhook: { __typename: 'MutationRegisterCanopyWebhookSuccess' } } });
    expect(registered.errors).toBeUndefined();
    expect(webhooks.has('REQUEST_STATUS_UPDATES')).toBe(true);
  });

  it('refuses a subscription to a principal without read when it subscribes', async () => {
    const result = await firstOverWebSocket(['write', 'pii'], `subscription ($email: String!) { tenantEvents(email: $email) { __typename } }`, { email: AMARA });

    expect(refusals(result)).toEqual([{ path: 'tenantEvents', code: 'FORBIDDEN', scope: 'read' }]);
  });
});

describe('end to end', () => {
  it('passes FORBIDDEN through the server’s error masking with its message, code and scope', async () => {
    const answer = await run(['read'], `query ($id: ID!) { reposit(id: $id) { repositId address { town } } }`, { id: repositOf(AMARA) });

    expect(answer.data?.reposit).toEqual({ repositId: repositOf(AMARA), address: null });
    expect(answer.errors).toEqual([
      { message: 'Reposit.address requires the `pii` scope', path: ['reposit', 'address'], locations: expect.any(Array), extensions: { code: 'FORBIDDEN', scope: 'pii' } },
    ]);
  });

  it('refuses introspection without a credential with 401', async () => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    const body = (await response.body.json()) as Answer;

    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(body.data).toBeUndefined();
    expect(body.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(JSON.stringify(body)).not.toContain('__schema');
  });
});

describe('shared subscription answers', () => {
  it('works an event out apart for subscribers whose scopes differ', async () => {
    const after = (await gateway.events.newestId(gateway.agencyId)) ?? '0-0';
    expect((await postWebhook(gateway.url, 'canopy', canopyExamples.requestStatus)).status).toBe(200);
    const query = `subscription ($email: String!, $after: String) {
      tenantEvents(email: $email, after: $after) { ... on RequestStatusEvent { referencingRequest { intermediateReportPdfUrl } } } }`;

    const [withPii, without] = await Promise.all([
      firstOverWebSocket(['read', 'pii'], query, { email: AMARA, after }),
      firstOverWebSocket(['read'], query, { email: AMARA, after }),
    ]);

    expect(withPii.data?.tenantEvents.referencingRequest.intermediateReportPdfUrl).toMatch(/^http/);
    expect(without.data?.tenantEvents.referencingRequest).toEqual({ intermediateReportPdfUrl: null });
    expect(refusals(without)).toEqual([{ path: 'tenantEvents.referencingRequest.intermediateReportPdfUrl', code: 'FORBIDDEN', scope: 'pii' }]);
  });
});
