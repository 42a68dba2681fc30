import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/auth/principal';
import { runOperation, TRANSPORTS, type Credential, type Seen, type Transport } from '../helpers/transports';
import { AMARA } from '../helpers/webhooks';
import { useMatrixGateway, type MatrixGateway } from './transport-fixture';

const ADDRESSES = { query: `{ tenant(email: "${AMARA}") { email reposits { address { town } } } }` };
const DELETE_ACCOUNT = {
  query: 'mutation ($id: ID!) { deleteAccount(input: { accountId: $id }) { __typename } }',
};
const REPOSIT_EVENTS = { query: 'subscription { repositEvents { __typename } }' };

let matrix: MatrixGateway;
beforeAll(async () => {
  matrix = await useMatrixGateway();
});
afterAll(() => matrix?.close());
beforeEach(() => matrix.gateway.sandbox.calls.reset());

/** The same scopes held two ways: a token's claim, or an API key's record. */
const HOLDERS = ['token', 'API key'] as const;
async function holding(holder: (typeof HOLDERS)[number], scopes: Scope[]): Promise<Credential> {
  if (holder === 'token') return { kind: 'token', token: await matrix.hs256({ scopes }) };
  return { kind: 'apiKey', key: (await matrix.apiKey('sandbox-north', scopes)).key };
}

const refusalsOf = (errors: Seen['errors']) =>
  (errors ?? []).map((error) => ({ path: error.path?.join('.'), code: error.extensions?.code, scope: error.extensions?.scope }));

describe.each(TRANSPORTS)('over %s', (transport) => {
  it.each(HOLDERS)('a %s without pii gets the rest of the answer, and null with FORBIDDEN for the addresses', async (holder) => {
    const seen = await runOperation(matrix.gateway.url, transport, ADDRESSES, { credential: await holding(holder, ['read']) });
    expect(seen.data?.tenant.email).toBe(AMARA);
    expect(seen.data?.tenant.reposits.length).toBeGreaterThan(0);
    expect(seen.data?.tenant.reposits.every((reposit: { address: unknown }) => reposit.address === null)).toBe(true);
    expect(refusalsOf(seen.errors)).toContainEqual({ path: 'tenant.reposits.0.address', code: 'FORBIDDEN', scope: 'pii' });

    const withPii = await runOperation(matrix.gateway.url, transport, ADDRESSES, { credential: await holding(holder, ['read', 'pii']) });
    expect(withPii.errors).toBeUndefined();
    expect(withPii.data?.tenant.reposits[0].address.town).toEqual(expect.any(String));
  });
});

const accountOfAmara = () => matrix.gateway.sandbox.simulators.canopyServicing.state.accountIdByEmail.get(AMARA)!;

// GET carries no mutation: Yoga answers 405 before anything runs.
describe.each(TRANSPORTS.filter((transport) => transport !== 'GET'))('over %s', (transport) => {
  it.each(HOLDERS)('a %s without write is refused the mutation before any vendor call', async (holder) => {
    const seen = await runOperation(
      matrix.gateway.url,
      transport,
      { ...DELETE_ACCOUNT, variables: { id: accountOfAmara() } },
      { credential: await holding(holder, ['read', 'pii']) },
    );
    // deleteAccount is non-null, so its refusal nulls the whole answer
    expect(seen.data).toBeNull();
    expect(refusalsOf(seen.errors)).toEqual([{ path: 'deleteAccount', code: 'FORBIDDEN', scope: 'write' }]);
    expect(matrix.gateway.sandbox.calls.snapshot()).toEqual({});
  });
});

describe.each(['SSE', 'graphql-ws'] satisfies Transport[])('over %s', (transport) => {
  it.each(HOLDERS)('a %s without read is refused the subscription, which ends at once', async (holder) => {
    const seen = await runOperation(matrix.gateway.url, transport, REPOSIT_EVENTS, { credential: await holding(holder, ['pii']) });
    expect(seen.ended).toBe(true);
    expect(refusalsOf(seen.errors)).toEqual([{ path: 'repositEvents', code: 'FORBIDDEN', scope: 'read' }]);
    expect(matrix.gateway.sandbox.calls.snapshot()).toEqual({});
  });
});
