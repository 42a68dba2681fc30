import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { SHARING_TENANT, sharedRepositNesting, UNBOUNDED_VENDOR_CALLS } from './harmful-documents';

// The depth limit would refuse these documents first; raised here so the answer budget is what stops them.
let gateway: TestGateway;
beforeAll(async () => {
  // The cost limit would refuse these documents before they run: the answer's own budget is what is tested here.
  gateway = await useGateway({ limits: { maxDepth: 1_000, maxAnswerNodes: 20_000, maxVendorCalls: Number.POSITIVE_INFINITY }, env: UNBOUNDED_VENDOR_CALLS });
});
afterAll(() => gateway.close());

describe('answer budget', () => {
  it('is needed: two tenants of the shared reposit double the answer at each level', async () => {
    const { data } = await gateway.graphql(sharedRepositNesting(2));
    expect(data?.tenant.reposits.some((reposit: { tenants: unknown[] }) => reposit.tenants.length === 2)).toBe(true);
  });

  it('stops the shared-reposit nesting 22 levels deep with one clear error, and the process keeps serving', async () => {
    const { data, errors } = await gateway.graphql(sharedRepositNesting(22));
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'ANSWER_TOO_LARGE', limit: 20_000 });
    expect(errors?.[0]?.message).toMatch(/more than 20000 fields \(MAX_ANSWER_NODES\)/);

    const health = await request(`${gateway.url}/healthz`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    const next = await gateway.graphql(sharedRepositNesting(1));
    expect(next.errors).toBeUndefined();
    expect(next.data?.tenant.reposits.length).toBeGreaterThan(0);
  });

  it('answers within the budget as before', async () => {
    const { data, errors } = await gateway.graphql(sharedRepositNesting(6));
    expect(errors).toBeUndefined();
    expect(JSON.stringify(data).match(/"email"/g)!.length).toBeGreaterThanOrEqual(2 ** 6);
  });
});

describe('answer text budget', () => {
  // The dashboard's text is about 2,000 characters; its fields, about 200 (within the node budget).
  let small: TestGateway;
  beforeAll(async () => {
    small = await useGateway({ limits: { maxAnswerCharacters: 500, maxAliases: 40 } });
  });
  afterAll(() => small.close());

  const dashboard = readFileSync(new URL('../../operations/tenant-dashboard.graphql', import.meta.url), 'utf8');

  it('stops an answer holding more text than the limit with one clear error', async () => {
    const { data, errors } = await small.graphql(dashboard);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'ANSWER_TOO_LARGE', limit: 500 });
    expect(errors?.[0]?.message).toMatch(/more than 500 characters of text \(MAX_ANSWER_CHARACTERS\)/);
  });

  it('counts the text that resolvers answer later (ids from a loader) as well as at once', async () => {
    // 40 reposit ids, each a global id of about 30 characters: over 500 only when the promised ids count.
    const { errors } = await small.graphql(`{ tenant(email: "${SHARING_TENANT}") { ${Array.from({ length: 40 }, (_, i) => `r${i}: reposits { id }`).join(' ')} } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'ANSWER_TOO_LARGE', limit: 500 });
  });

  it('answers a small selection within the limit as before', async () => {
    const { data, errors } = await small.graphql(`{ tenant(email: "${SHARING_TENANT}") { email reposits { id } } }`);
    expect(errors).toBeUndefined();
    expect(data?.tenant.email).toBe(SHARING_TENANT);
  });
});
