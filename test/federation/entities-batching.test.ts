import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxAccount } from '../../src/sandbox/start';
import { useGateway, type TestGateway } from '../helpers/gateway';

const CANOPY_TOKEN = 'canopy-referencing POST /referencing-requests/client/:clientId/token';

let gateway: TestGateway;
let north: SandboxAccount;

beforeAll(async () => {
  gateway = await useGateway({ env: { FEDERATION: '1' } });
  north = gateway.sandbox.accounts.find((account) => account.id === 'sandbox-north')!;
});
afterEach(() => gateway.sandbox.calls.reset());
afterAll(() => gateway.close());

/** The REST calls made, by endpoint, less Canopy's token exchange (once per process, not per request). */
function callsByEndpoint(): Record<string, number> {
  const { [CANOPY_TOKEN]: _token, ...calls } = gateway.sandbox.calls.snapshot();
  return calls;
}

describe('a 100-representation _entities call', () => {
  it('makes one vendor call per distinct object: 100 Tenants of 50 people make 190 calls, none twice', async () => {
    // Each person twice, the second time as a router might forward an e-mail typed differently.
    const people = north.people.slice(0, 50);
    const representations = people.flatMap(({ email }) => [
      { __typename: 'Tenant', email },
      { __typename: 'Tenant', email: ` ${email.toUpperCase()}` },
    ]);
    expect(representations).toHaveLength(100);
    const { data, errors } = await gateway.graphql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { email referencingRequests { status } reposits { repositId } accounts { accountId } } } }',
      { r: representations },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toHaveLength(100);

    // What the sandbox holds for these 50 people: a referencing request and an account each, 40 Reposits among them.
    const reposits = new Set(people.flatMap(({ email }) => north.simulators.reposit.state.repositsOf(email).map((reposit) => reposit.id)));
    expect(reposits.size).toBe(40);
    expect(callsByEndpoint()).toEqual({
      'canopy-referencing GET /referencing-requests/client/:clientId/rent-passport/:canopyReferenceId': 50,
      'canopy-referencing GET /referencing-requests/client/:clientId/rent-passport/:canopyReferenceId/notes': 50,
      'canopy-servicing GET /accounts/:account_id': 50,
      'reposit GET /v1/reposits/:id': 40,
    });
  });

  it('shares the loader between a vendor id and its global id: 100 Reposit representations of 40 Reposits make 40 calls', async () => {
    const ids = [...north.simulators.reposit.state.reposits.keys()];
    expect(ids).toHaveLength(40);
    const byVendorId = ids.map((repositId) => ({ __typename: 'Reposit', repositId }));
    const byGlobalId = ids.map((id) => ({ __typename: 'Reposit', id: encodeGlobalID('Reposit', id) }));
    const representations = [...byVendorId, ...byGlobalId, ...byVendorId.slice(0, 20)];
    expect(representations).toHaveLength(100);
    const { data, errors } = await gateway.graphql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Reposit { repositId status } } }',
      { r: representations },
    );
    expect(errors).toBeUndefined();
    expect((data!._entities as Array<{ repositId: string }>).map((reposit) => reposit.repositId)).toEqual([...ids, ...ids, ...ids.slice(0, 20)]);
    expect(callsByEndpoint()).toEqual({ 'reposit GET /v1/reposits/:id': 40 });
  });
});
