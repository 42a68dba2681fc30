import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TenantDashboardDocument } from '../../operations/generated';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import type { Exchange } from '../../src/sandbox/server';
import { useGateway, type TestGateway } from '../helpers/gateway';

const AMARA = 'amara.okafor@example.com';
const exchanges: Exchange[] = [];
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway({
    sandbox: { onExchange: (exchange) => exchanges.push(exchange) },
    // Short, so a hanging vendor fails its fields quickly.
    vendorHttp: { headersTimeoutMs: 300, retry: { attempts: 1 } },
  });
});
afterEach(() => {
  gateway.sandbox.knobs.reset();
  gateway.sandbox.calls.reset();
  exchanges.length = 0;
});
afterAll(() => gateway.close());

/** Every REST call the sandbox answered, as `vendor METHOD /path?query`. */
function callsMade(): string[] {
  return exchanges.map((e) => {
    const query = e.request.query.toString();
    return `${e.vendor} ${e.request.method} ${e.request.path}${query ? `?${query}` : ''}`;
  });
}

describe('the tenant dashboard', () => {
  it('joins the tenant’s screening, deposit cover and credit account from the three vendors', async () => {
    const { data, errors } = await gateway.graphql(TenantDashboardDocument, { email: ' Amara.Okafor@Example.com' });
    expect(errors).toBeUndefined();
    const tenant = data!.tenant!;
    expect(tenant.email).toBe(AMARA);

    const request = gateway.sandbox.simulators.canopyReferencing.state.requests.get(seededCanopyReferenceId(AMARA))!;
    expect(tenant.referencingRequests?.map((r) => r.canopyReferenceId)).toEqual([request.canopyReferenceId]);

    const reposit = gateway.sandbox.simulators.reposit.state.repositsOf(AMARA)[0]!;
    expect(tenant.reposits?.[0]).toMatchObject({
      repositId: reposit.id,
      monthlyRent: { minorUnits: Math.round(reposit.ppm * 100), currency: 'GBP' },
      tenants: reposit.tenants.map((t) => ({ email: t.email, status: t.status })),
    });

    const accountId = gateway.sandbox.simulators.canopyServicing.state.accountIdByEmail.get(AMARA)!;
    const account = tenant.accounts?.[0];
    expect(account?.accountId).toBe(accountId);
    expect(account?.statements).toHaveLength(3);
    for (const statement of account!.statements) {
      expect(statement.lineItems?.length).toBeGreaterThan(0);
      expect(statement.lineItems?.every((item) => item.originatingAmount === null || item.originatingAmount.currency === 'USD')).toBe(true);
    }
  });

  it('makes each REST call once: 2 Canopy Referencing, 2 Reposit, 7 Canopy Servicing', async () => {
    await gateway.graphql(TenantDashboardDocument, { email: AMARA }); // warm: the Canopy token is exchanged once per process
    gateway.sandbox.calls.reset();
    exchanges.length = 0;

    const { errors } = await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    expect(errors).toBeUndefined();
    const calls = callsMade();
    expect(new Set(calls).size).toBe(calls.length);
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      // notes name the renter; the passport holds the statuses
      'canopy-referencing GET /referencing-requests/client/:clientId/rent-passport/:canopyReferenceId': 1,
      'canopy-referencing GET /referencing-requests/client/:clientId/rent-passport/:canopyReferenceId/notes': 1,
      'reposit GET /v1/reposits/:id': 1,
      'reposit GET /v1/reposits/:id/policies': 1,
      'canopy-servicing GET /accounts/:account_id': 1,
      'canopy-servicing GET /products/:product_id': 1,
      'canopy-servicing GET /accounts/:account_id/summaries': 1,
      'canopy-servicing GET /accounts/:account_id/statements_list': 1,
      // one statement as of each of the three cycle ends, for their line items
      'canopy-servicing GET /accounts/:account_id/statements': 3,
    });
  });

  it('keeps the other vendors’ data when one answers 500, and says which vendor failed', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 500 });
    const { data, errors } = await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    expect(data?.tenant?.reposits).toBeNull();
    expect(data?.tenant?.referencingRequests).toHaveLength(1);
    expect(data?.tenant?.accounts).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({ path: ['tenant', 'reposits'], extensions: expect.objectContaining({ code: 'VENDOR_UNAVAILABLE', vendor: 'reposit', status: 500 }) }),
    ]);
  });

  it('keeps the other vendors’ data when one never answers', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-servicing', status: 'hang' });
    const { data, errors } = await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    expect(data?.tenant?.accounts).toBeNull();
    expect(data?.tenant?.reposits).toHaveLength(1);
    expect(data?.tenant?.referencingRequests).toHaveLength(1);
    expect(errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'VENDOR_TIMEOUT', vendor: 'canopy-servicing' })]);
  });

  it('answers a tenant the gateway knows nothing of with empty lists and no vendor call', async () => {
    const { data } = await gateway.graphql(TenantDashboardDocument, { email: 'nobody@example.com' });
    expect(data?.tenant).toEqual({ email: 'nobody@example.com', referencingRequests: [], reposits: [], accounts: [] });
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('refuses an e-mail that is not one, naming the argument and the rule', async () => {
    const { errors } = await gateway.graphql(TenantDashboardDocument, { email: 'amara at example' });
    expect(errors?.[0]).toMatchObject({ message: expect.stringContaining('email: must be an e-mail address'), extensions: { code: 'BAD_USER_INPUT', field: 'email', rule: 'format' } });
    expect(gateway.sandbox.calls.count()).toBe(0);
  });
});

describe('tenants', () => {
  it('batches a list screen: each vendor resource is read once however many tenants ask for it', async () => {
    const emails = gateway.sandbox.people.slice(0, 10).map((p) => p.email);
    const { data, errors } = await gateway.graphql(
      `query ($emails: [String!]!) { tenants(emails: $emails) { email reposits { repositId tenants { email tenant { email } } } } }`,
      { emails },
    );
    expect(errors).toBeUndefined();
    expect(data?.tenants.map((t: { email: string }) => t.email)).toEqual(emails);
    // co-tenants share a reposit: the distinct reposits, read once each
    const distinct = new Set(data?.tenants.flatMap((t: { reposits: Array<{ repositId: string }> }) => t.reposits.map((r) => r.repositId)));
    expect(gateway.sandbox.calls.snapshot()).toEqual({ 'reposit GET /v1/reposits/:id': distinct.size });
  });

  it('refuses more than 100 tenants at once', async () => {
    const emails = Array.from({ length: 101 }, (_, i) => `t${i}@example.com`);
    const { errors } = await gateway.graphql(`query ($emails: [String!]!) { tenants(emails: $emails) { email } }`, { emails });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'emails', rule: 'maxItems' });
  });
});

describe('linkTenant', () => {
  const LINK = `mutation ($input: LinkTenantInput!) {
    linkTenant(input: $input) {
      __typename
      ... on MutationLinkTenantSuccess { data { tenant { email reposits { repositId } } } }
      ... on ValidationError { problems { field rule message } }
    }
  }`;

  it('links an existing reposit to a tenant e-mail, so the tenant lists it', async () => {
    const reposit = gateway.sandbox.simulators.reposit.state.repositsOf(AMARA)[0]!;
    const { data } = await gateway.graphql(LINK, { input: { email: 'New.Tenant@example.com', repositId: reposit.id } });
    expect(data?.linkTenant).toEqual({
      __typename: 'MutationLinkTenantSuccess',
      data: { tenant: { email: 'new.tenant@example.com', reposits: [{ repositId: reposit.id }] } },
    });
  });

  it('refuses an id the vendor does not have, naming the field', async () => {
    const { data } = await gateway.graphql(LINK, { input: { email: AMARA, repositId: 'rep_doesnotexist' } });
    expect(data?.linkTenant).toMatchObject({ __typename: 'ValidationError', problems: [{ field: 'repositId', rule: 'exists' }] });
    expect((await gateway.links.idsFor(gateway.agencyId, [AMARA], 'reposit'))[0]).not.toContain('rep_doesnotexist');
  });

  it('refuses a bad e-mail and a missing or double target before any vendor call', async () => {
    const none = await gateway.graphql(LINK, { input: { email: 'nope' } });
    const two = await gateway.graphql(LINK, { input: { email: AMARA, repositId: 'a', accountId: 'b' } });
    expect(none.data?.linkTenant.problems.map((p: { field: string; rule: string }) => `${p.field}:${p.rule}`)).toEqual([
      'email:format',
      'referencingRequestId:exactlyOne',
    ]);
    expect(two.data?.linkTenant.problems.map((p: { rule: string }) => p.rule)).toEqual(['exactlyOne']);
    expect(gateway.sandbox.calls.count()).toBe(0);
  });
});
