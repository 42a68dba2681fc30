import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

describe('list arguments', () => {
  it('refuses nodes(ids:) with more than 100 ids before any vendor call, as tenants(emails:)', async () => {
    const { data } = await gateway.graphql('{ tenant(email: "amara.okafor@example.com") { reposits { id } } }');
    const id = data?.tenant.reposits[0].id as string;
    gateway.sandbox.calls.reset();

    const { errors } = await gateway.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(5_000).fill(id) });
    expect(errors?.[0]?.message).toBe('ids: at most 100 at once, got 5000');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids', rule: 'maxItems' });
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('answers 100 ids', async () => {
    const { data } = await gateway.graphql('{ tenant(email: "amara.okafor@example.com") { reposits { id } } }');
    const id = data?.tenant.reposits[0].id as string;
    const answer = await gateway.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(100).fill(id) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.nodes).toHaveLength(100);
  });
});
