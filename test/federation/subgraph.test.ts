import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxAccount } from '../../src/sandbox/start';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';

const AMARA = 'amara.okafor@example.com';
const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Tenant { email reposits { repositId } }
      ... on Reposit { repositId monthlyRent { minorUnits } }
      ... on Account { accountId }
      ... on ReferencingRequest { canopyReferenceId }
    }
  }
`;

let gateway: TestGateway;
let north: SandboxAccount;
let south: SandboxAccount;

beforeAll(async () => {
  gateway = await useGateway({ env: { FEDERATION: '1' } });
  north = gateway.sandbox.accounts.find((account) => account.id === 'sandbox-north')!;
  south = gateway.sandbox.accounts.find((account) => account.id === 'sandbox-south')!;
});
afterEach(() => gateway.sandbox.calls.reset());
afterAll(() => gateway.close());

function repositIds(account: SandboxAccount): string[] {
  return [...account.simulators.reposit.state.reposits.keys()];
}

describe('the subgraph SDL', () => {
  it('links Federation v2 and keys each entity by its vendor id, the tenant by e-mail', async () => {
    const { data, errors } = await gateway.graphql('{ _service { sdl } }');
    expect(errors).toBeUndefined();
    const sdl: string = data!._service.sdl;
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \["@key", "@requiresScopes"\]\)/);
    expect(sdl).toMatch(/type Tenant\s+@key\(fields: "email"\)/);
    expect(sdl).toMatch(/type Reposit implements Node\s+@key\(fields: "repositId"\)\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Account implements Node\s+@key\(fields: "accountId"\)\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ReferencingRequest implements Node\s+@key\(fields: "canopyReferenceId"\)\s+@key\(fields: "id"\)/);
  });

  it('states the scopes rentgraph enforces as @requiresScopes', async () => {
    const { data } = await gateway.graphql('{ _service { sdl } }');
    const sdl: string = data!._service.sdl;
    expect(sdl).toMatch(/\btenant\(email: String!\): Tenant @requiresScopes\(scopes: \[\["read"\]\]\)/);
    expect(sdl).toMatch(/\baddress: RepositAddress @requiresScopes\(scopes: \[\["read", "pii"\]\]\)/);
    expect(sdl).toMatch(/\bwebhookUrls: WebhookUrls @requiresScopes\(scopes: \[\["admin"\]\]\)/);
    expect(sdl).toMatch(/\brequestReferencing\(input: [A-Za-z]+!\): [A-Za-z]+! @requiresScopes\(scopes: \[\["write"\]\]\)/);
    // Key fields carry none: a router already holds them.
    expect(sdl).toMatch(/\n {2}email: String!\n/);
  });

  it('is not served without FEDERATION=1', async () => {
    await using plain = await useGateway();
    const { errors } = await plain.graphql('{ _service { sdl } }');
    expect(errors?.[0]?.message).toMatch(/Cannot query field "_service"/);
  });
});

describe('_entities', () => {
  it('resolves a Tenant from its e-mail, normalised as tenant(email:) normalises it', async () => {
    const { data, errors } = await gateway.graphql(ENTITIES, { representations: [{ __typename: 'Tenant', email: ' Amara.Okafor@Example.COM ' }] });
    expect(errors).toBeUndefined();
    const reposits = north.simulators.reposit.state.repositsOf(AMARA).map((reposit) => ({ repositId: reposit.id }));
    expect(reposits.length).toBeGreaterThan(0);
    expect(data!._entities).toEqual([{ __typename: 'Tenant', email: AMARA, reposits: expect.arrayContaining(reposits) }]);
  });

  it('resolves each node entity by its vendor id and by its global id', async () => {
    const repositId = repositIds(north)[0]!;
    const accountId = [...north.simulators.canopyServicing.state.accounts.keys()][0]!;
    const canopyReferenceId = [...north.simulators.canopyReferencing.state.requests.keys()][0]!;
    const { data, errors } = await gateway.graphql(ENTITIES, {
      representations: [
        { __typename: 'Reposit', repositId },
        { __typename: 'Reposit', id: encodeGlobalID('Reposit', repositId) },
        { __typename: 'Account', accountId },
        { __typename: 'Account', id: encodeGlobalID('Account', accountId) },
        { __typename: 'ReferencingRequest', canopyReferenceId },
        { __typename: 'ReferencingRequest', id: encodeGlobalID('ReferencingRequest', canopyReferenceId) },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { __typename: 'Reposit', repositId, monthlyRent: { minorUnits: expect.any(Number) } },
      { __typename: 'Reposit', repositId, monthlyRent: { minorUnits: expect.any(Number) } },
      { __typename: 'Account', accountId },
      { __typename: 'Account', accountId },
      { __typename: 'ReferencingRequest', canopyReferenceId },
      { __typename: 'ReferencingRequest', canopyReferenceId },
    ]);
  });

  it('answers null for another agency’s ids, as node(id:) does, and gives the other agency its own', async () => {
    const southReposit = repositIds(south).find((id) => !north.simulators.reposit.state.reposits.has(id))!;
    const southAccount = [...south.simulators.canopyServicing.state.accounts.keys()].find((id) => !north.simulators.canopyServicing.state.accounts.has(id))!;
    const representations = [
      { __typename: 'Reposit', repositId: southReposit },
      { __typename: 'Account', accountId: southAccount },
    ];
    const asNorth = await gateway.graphql(ENTITIES, { representations });
    expect(asNorth.errors).toBeUndefined();
    expect(asNorth.data!._entities).toEqual([null, null]);
    expect(JSON.stringify(asNorth)).not.toContain(southReposit);

    const asSouth = await gateway.graphql(ENTITIES, { representations }, { token: await testToken({ agency: 'sandbox-south' }) });
    expect(asSouth.errors).toBeUndefined();
    expect(asSouth.data!._entities).toMatchObject([{ repositId: southReposit }, { accountId: southAccount }]);
  });

  it('needs the read scope, as every query field does, and calls no vendor without it', async () => {
    const token = await testToken({ scopes: ['write'] });
    const { data, errors } = await gateway.graphql(ENTITIES, { representations: [{ __typename: 'Reposit', repositId: repositIds(north)[0] }] }, { token });
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ message: 'Query._entities requires the `read` scope', extensions: { code: 'FORBIDDEN', scope: 'read' } });
    const service = await gateway.graphql('{ _service { sdl } }', undefined, { token });
    expect(service.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'read' });
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('refuses a field whose scope the principal lacks, and keeps the rest of the entity', async () => {
    const token = await testToken({ scopes: ['read'] });
    const repositId = repositIds(north)[0]!;
    const { data, errors } = await gateway.graphql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Reposit { repositId address { town } } } }',
      { r: [{ __typename: 'Reposit', repositId }] },
      { token },
    );
    expect(data!._entities).toEqual([{ repositId, address: null }]);
    expect(errors).toMatchObject([{ path: ['_entities', 0, 'address'], extensions: { code: 'FORBIDDEN', scope: 'pii' } }]);
  });

  it.each([
    [{ __typename: 'Tenant', email: 'not an e-mail' }, 'representations.1.email', 'format'],
    [{ __typename: 'Tenant' }, 'representations.1.email', 'required'],
    [{ __typename: 'Reposit', repositId: '../suppliers/me' }, 'representations.1.repositId', 'format'],
    [{ __typename: 'Account', id: encodeGlobalID('Reposit', 'rep_x') }, 'representations.1.id', 'globalId'],
    [{ __typename: 'Account' }, 'representations.1', 'required'],
    [{ __typename: 'Agency', id: 'sandbox-south' }, 'representations.1.__typename', 'entity'],
  ])('refuses %j before calling any vendor, naming %s and the rule', async (bad, field, rule) => {
    const { data, errors } = await gateway.graphql(ENTITIES, { representations: [{ __typename: 'Reposit', repositId: repositIds(north)[0] }, bad] });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.message.startsWith(`${field}: `)).toBe(true);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('takes at most 100 representations', async () => {
    const representations = Array.from({ length: 101 }, () => ({ __typename: 'Tenant', email: AMARA }));
    const { errors } = await gateway.graphql(ENTITIES, { representations });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations', rule: 'maxItems' });
    expect(gateway.sandbox.calls.count()).toBe(0);
  });
});
