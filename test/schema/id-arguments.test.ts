import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

// Ids are refused at the argument, before any vendor is called, naming the argument and the rule.

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());
afterEach(() => gateway.sandbox.calls.reset());

const LOOKUPS = [
  { field: 'reposit', argument: 'id', query: 'query ($id: ID!) { reposit(id: $id) { repositId } }' },
  { field: 'account', argument: 'id', query: 'query ($id: ID!) { account(id: $id) { accountId } }' },
  { field: 'product', argument: 'id', query: 'query ($id: ID!) { product(id: $id) { productId } }' },
  { field: 'productSummary', argument: 'id', query: 'query ($id: ID!) { productSummary(id: $id) { __typename } }' },
  {
    field: 'referencingRequest',
    argument: 'canopyReferenceId',
    query: 'query ($id: ID!) { referencingRequest(canopyReferenceId: $id) { canopyReferenceId } }',
  },
];

const ODD_IDS = ['.', '..', '', 'a/../b', '%2e%2e', '\ud800', 'x'.repeat(5_000)];

async function expectRefused(query: string, id: string, argument: string) {
  const { data, errors } = await gateway.graphql(query, { id });
  expect(errors).toHaveLength(1);
  expect(errors![0]!.message).toContain(`"${argument}"`);
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  expect(Object.values(data ?? {})).toEqual([null]);
  expect(gateway.sandbox.calls.snapshot()).toEqual({});
}

describe.each(LOOKUPS)('$field($argument:)', ({ query, argument }) => {
  it.each(ODD_IDS.map((id) => [JSON.stringify(id).slice(0, 20), id]))('refuses %s before any vendor call', async (_name, id) => {
    await expectRefused(query, id!, argument);
  });
});

describe('node(id:)', () => {
  const query = 'query ($id: ID!) { node(id: $id) { id } }';

  it('refuses what is not a global id, naming the argument', async () => {
    await expectRefused(query, 'not a global id', 'id');
  });

  it.each(['Account', 'Product', 'ReferencingRequest', 'CanopyBranch', 'Reposit'])('refuses a %s global id around a dot segment', async (typename) => {
    await expectRefused(query, encodeGlobalID(typename, '..'), 'id');
  });

  it.each(['Nope', 'Query', 'Money'])('refuses the global id of %s, which is no node type, naming the argument', async (typename) => {
    await expectRefused(query, encodeGlobalID(typename, '%zz'), 'id');
  });
});

describe('nodes(ids:)', () => {
  const query = 'query ($id: ID!) { nodes(ids: [$id]) { id } }';

  it('refuses the global id of a type that is no node type, naming ids', async () => {
    const { errors } = await gateway.graphql(query, { id: encodeGlobalID('Nope', 'x') });
    expect(errors?.[0]?.message).toContain('"ids"');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    expect(gateway.sandbox.calls.snapshot()).toEqual({});
  });
});

describe('ids that have the vendor format', () => {
  it('are still looked up, raw or as global ids', async () => {
    const accountId = [...gateway.sandbox.simulators.canopyServicing.state.accounts.keys()][0]!;
    const raw = await gateway.graphql('query ($id: ID!) { account(id: $id) { accountId } }', { id: accountId });
    const global = await gateway.graphql('query ($id: ID!) { node(id: $id) { ... on Account { accountId } } }', {
      id: encodeGlobalID('Account', accountId),
    });
    expect(raw).toEqual({ data: { account: { accountId } }, extensions: { vendorCalls: expect.any(Object) } });
    expect(global).toEqual({ data: { node: { accountId } }, extensions: { vendorCalls: expect.any(Object) } });
  });

  it('that the vendor does not know answer null', async () => {
    const { data, errors } = await gateway.graphql('{ reposit(id: "rep_doesNotExist") { repositId } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ reposit: null });
  });
});
