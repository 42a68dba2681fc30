import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/sandbox/demo-people';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { runOperation, TRANSPORTS } from '../helpers/transports';

const EMAILS = demoPeople(50, 'north').map((person) => person.email);
const EXPENSIVE = {
  query: 'query ($emails: [String!]!) { tenants(emails: $emails) { referencingRequests { status } reposits { policies { policyId } } accounts { summary { effectiveAsOf } } } }',
  variables: { emails: EMAILS },
};

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

describe('the vendor-call limit on every transport', () => {
  for (const transport of TRANSPORTS) {
    it(`refuses an operation over MAX_VENDOR_CALLS over ${transport} before any vendor call`, async () => {
      gateway.sandbox.calls.reset();
      const seen = await runOperation(gateway.url, transport, EXPENSIVE, { credential: { kind: 'token', token: gateway.token } });
      expect(seen.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 250 });
      expect(seen.data ?? undefined).toBeUndefined();
      expect(gateway.sandbox.calls.count()).toBe(0);
    });

    it(`gives the calls made in extensions.vendorCalls over ${transport}`, async () => {
      const seen = await runOperation(
        gateway.url,
        transport,
        { query: '{ tenant(email: "amara.okafor@example.com") { reposits { id } } }' },
        { credential: { kind: 'token', token: gateway.token } },
      );
      expect(seen.errors).toBeUndefined();
      expect(seen.results.at(-1)?.extensions).toEqual({ vendorCalls: { canopyReferencing: 0, canopyServicing: 0, reposit: 1 } });
    });
  }

  for (const transport of ['SSE', 'graphql-ws'] as const) {
    it(`refuses at subscribe time, over ${transport}, a subscription whose one event costs more than MAX_VENDOR_CALLS`, async () => {
      // Each event's Reposit, its (assumed 4) tenants, their (assumed 3) accounts, 24 statements each, each statement's line items a call.
      const query = 'subscription { repositEvents { reposit { tenants { tenant { accounts { statements(latest: 24) { lineItems { lineItemId } } } } } } } }';
      const seen = await runOperation(gateway.url, transport, { query }, { credential: { kind: 'token', token: gateway.token }, waitMs: 2_000 });
      expect(seen.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 250 });
      expect(seen.ended).toBe(true);
    });
  }
});
