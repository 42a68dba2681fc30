import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';

/** Priced above what it calls: a product's accounts are estimated at an assumed size, the sandbox's are fewer. */
const PRODUCTS = readFileSync(new URL('../../operations/products.graphql', import.meta.url), 'utf8');

type Answer = { errors?: Array<{ extensions?: Record<string, unknown> }>; extensions?: { vendorCalls?: Record<string, number> } };
const total = (calls: Record<string, number> | undefined) => Object.values(calls ?? {}).reduce((sum, n) => sum + n, 0);

let estimate: number;
let made: number;
let gateway: TestGateway | undefined;

beforeAll(async () => {
  // What the query is priced at (the refusal of a gateway that allows 1 call names it) and what it calls.
  const measuring = await useGateway({ limits: { maxVendorCalls: 1 } });
  const unlimited = await useGateway();
  try {
    const refused = (await measuring.graphql(PRODUCTS, {})) as Answer;
    estimate = total(refused.errors?.[0]?.extensions?.vendorCalls as Record<string, number>);
    made = total(((await unlimited.graphql(PRODUCTS, {})) as Answer).extensions?.vendorCalls);
  } finally {
    await measuring.close();
    await unlimited.close();
  }
});
afterAll(() => gateway?.close());

it('gives back what an operation was priced at and did not call, so a budget of one estimate and one real cost holds two of them', async () => {
  expect(made).toBeGreaterThan(0);
  expect(estimate).toBeGreaterThan(made);
  gateway = await useGateway({ env: { VENDOR_CALLS_PER_PRINCIPAL: String(estimate + made) } });
  const token = await testToken({ subject: `refund-${Date.now()}` });
  expect(((await gateway.graphql(PRODUCTS, {}, { token })) as Answer).errors).toBeUndefined();
  // Without the give-back the first would still hold its whole estimate, and this one would not fit.
  expect(((await gateway.graphql(PRODUCTS, {}, { token })) as Answer).errors).toBeUndefined();
  const third = (await gateway.graphql(PRODUCTS, {}, { token })) as Answer;
  expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'vendor calls per principal' });
});
