import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxSimulators } from '../../src/sandbox/accounts';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';

/** Rents at both sandbox agencies, under other ids at each. */
const PRIYA = 'priya.shah@example.com';

let gateway: TestGateway;
/** Every scope, as `sandbox-south`. */
let southToken: string;

beforeAll(async () => {
  gateway = await useGateway();
  southToken = await testToken({ agency: 'sandbox-south' });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());

/** Priya's objects at one agency's vendor accounts. */
function priyaAt(simulators: SandboxSimulators) {
  const request = [...simulators.canopyReferencing.state.requests.values()].find((candidate) => candidate.email === PRIYA);
  return {
    repositId: simulators.reposit.state.repositsOf(PRIYA)[0]!.id,
    canopyReferenceId: request!.canopyReferenceId,
    accountId: simulators.canopyServicing.state.accountIdByEmail.get(PRIYA)!,
  };
}

const READS = [
  ['reposit(id:)', `query ($id: ID!) { found: reposit(id: $id) { repositId tenants { email } } }`, (ids: ReturnType<typeof priyaAt>) => ids.repositId],
  ['referencingRequest(canopyReferenceId:)', `query ($id: ID!) { found: referencingRequest(canopyReferenceId: $id) { canopyReferenceId notes { renter { email } } } }`, (ids: ReturnType<typeof priyaAt>) => ids.canopyReferenceId],
  ['account(id:)', `query ($id: ID!) { found: account(id: $id) { accountId } }`, (ids: ReturnType<typeof priyaAt>) => ids.accountId],
  ['node(id:) of a Reposit', `query ($id: ID!) { found: node(id: $id) { id } }`, (ids: ReturnType<typeof priyaAt>) => encodeGlobalID('Reposit', ids.repositId)],
  ['node(id:) of a ReferencingRequest', `query ($id: ID!) { found: node(id: $id) { id } }`, (ids: ReturnType<typeof priyaAt>) => encodeGlobalID('ReferencingRequest', ids.canopyReferenceId)],
  ['node(id:) of an Account', `query ($id: ID!) { found: node(id: $id) { id } }`, (ids: ReturnType<typeof priyaAt>) => encodeGlobalID('Account', ids.accountId)],
] as const;

describe('an agency asking for another agency’s object by its id', () => {
  it('holds Priya Shah under other ids at each agency', () => {
    const north = priyaAt(gateway.sandbox.account('sandbox-north').simulators);
    const south = priyaAt(gateway.sandbox.account('sandbox-south').simulators);
    expect(south.repositId).not.toBe(north.repositId);
    expect(south.canopyReferenceId).not.toBe(north.canopyReferenceId);
    expect(south.accountId).not.toBe(north.accountId);
  });

  it.each(READS)('%s answers south its own object', async (_name, query, idOf) => {
    const id = idOf(priyaAt(gateway.sandbox.account('sandbox-south').simulators));
    const answer = await gateway.graphql(query, { id }, { token: southToken });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.found).not.toBeNull();
  });

  it.each(READS)('%s answers south null for north’s, with nothing of north’s in the answer', async (_name, query, idOf) => {
    const north = priyaAt(gateway.sandbox.account('sandbox-north').simulators);
    const answer = await gateway.graphql(query, { id: idOf(north) }, { token: southToken });

    expect(answer.data).toEqual({ found: null });
    // Neither north's data nor a hint of it (its renter) in the answer, errors included.
    expect(JSON.stringify(answer)).not.toContain(PRIYA);
  });
});
