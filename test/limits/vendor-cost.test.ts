import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/sandbox/demo-people';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { operationSeeds } from '../fuzz/graphql-corpus';
import { expectWithinBound, measure } from './vendor-cost-bound';

let gateway: TestGateway;
beforeAll(async () => {
  // The example is longer than MAX_TOKENS allows: raised here, so the cost limit is what refuses it.
  gateway = await useGateway({ limits: { maxTokens: 10_000, maxAliases: 1_000 } });
  // The shared Canopy access token, fetched once, before anything is counted.
  await gateway.graphql('{ canopyBranches { id } }');
});
afterAll(() => gateway.close());

/** sandbox-north's demo people, each linked to a request, a Reposit or an account: 100 e-mails, 50 people. */
const PEOPLE = demoPeople(50, 'north').map((person) => person.email);
const EMAILS = [...PEOPLE, ...PEOPLE.map((email) => email.toUpperCase())];

const DASHBOARD_SCREEN = `referencingRequests { status rentPassport { globalStatus } } reposits { status policies { policyId } } accounts { status summary { totalBalance { decimal } } }`;

describe('vendor calls', () => {
  it('refuses 100 aliases of tenants(emails: [100 e-mails]) before any vendor call, naming the estimate and the limit', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `t${i}: tenants(emails: $emails${i % 2}) { ${DASHBOARD_SCREEN} }`).join('\n');
    const query = `query ($emails0: [String!]!, $emails1: [String!]!) { ${aliases} }`;
    gateway.sandbox.calls.reset();
    const answer = await gateway.graphql(query, { emails0: EMAILS, emails1: [...EMAILS].reverse() });
    expect(gateway.sandbox.calls.count()).toBe(0);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    const [error] = answer.errors!;
    expect(error!.message).toMatch(/MAX_VENDOR_CALLS \(250\)/);
    expect(error!.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 250 });
    const estimate = error!.extensions!.vendorCalls as Record<'canopyReferencing' | 'canopyServicing' | 'reposit', number>;
    expect(Object.keys(estimate).sort()).toEqual(['canopyReferencing', 'canopyServicing', 'reposit']);
    const total = estimate.canopyReferencing + estimate.canopyServicing + estimate.reposit;
    expect(total).toBeGreaterThan(250);
    expect(error!.message).toContain(`could make ${total} vendor calls`);
  });

  it('answers 400 to a refused operation over HTTP', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...gateway.authorization },
      body: JSON.stringify({ query: `query ($emails: [String!]!) { tenants(emails: $emails) { ${DASHBOARD_SCREEN} } }`, variables: { emails: EMAILS } }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('counts each tenant of a list once, however often its e-mail is repeated or cased', async () => {
    const emails = Array.from({ length: 100 }, (_, i) => (i % 2 ? ' Amara.Okafor@example.com' : 'amara.okafor@example.com'));
    const measured = await measure(gateway, `query ($emails: [String!]!) { tenants(emails: $emails) { ${DASHBOARD_SCREEN} } }`, { emails });
    expect(measured.errors).toBeUndefined();
    expectWithinBound('100 copies of one tenant', measured);
  });

  it('gives every answer that ran the calls it made, by vendor, also when nothing was called', async () => {
    const answer = await gateway.graphql('{ agency { id } }');
    expect((answer as { extensions?: unknown }).extensions).toEqual({ vendorCalls: { canopyReferencing: 0, canopyServicing: 0, reposit: 0 } });
  });

  for (const seed of operationSeeds()) {
    it(`keeps ${seed.name} within actual ≤ estimate ≤ 2 × actual + 2 at each vendor`, async () => {
      const measured = await measure(gateway, seed.query, seed.variables);
      expectWithinBound(seed.name, measured);
    });
  }
});
