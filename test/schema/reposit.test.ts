import { readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RepositRecord } from '../../src/sandbox/reposit/state';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());
afterEach(() => gateway.sandbox.knobs.reset());

/** The seeded Reposit of a demo tenant. */
function repositOf(email: string): RepositRecord {
  const record = gateway.sandbox.simulators.reposit.state.repositsOf(email)[0];
  if (!record) throw new Error(`the seed has no Reposit for ${email}`);
  return record;
}

function seeded(find: (record: RepositRecord) => boolean): RepositRecord {
  const record = [...gateway.sandbox.simulators.reposit.state.reposits.values()].find(find);
  if (!record) throw new Error('the seed has no such Reposit');
  return record;
}

const repositCalls = () => gateway.sandbox.calls.count('reposit');

const FULL_REPOSIT = /* GraphQL */ `
  query Reposit($id: ID!) {
    reposit(id: $id) {
      id
      repositId
      monthlyRent { minorUnits currency decimal }
      headcount
      startDate
      endDate
      letOnly
      status
      createdAt
      closedAt
      deactivatedAt
      address { line1 line2 town country postcode }
      agent { id agentId firstName lastName }
      supplier { id supplierId name type }
      tenants { email status createdAt }
      policies {
        id
        policyId
        type { policyTypeId category }
        startDate
        endDate
        documents { id documentId type name href createdAt }
      }
      landlord { firstName lastName email address { line1 line2 town country postcode } }
    }
  }
`;

describe('the schema', () => {
  const TYPE_REF = `name kind ofType { name kind ofType { name kind ofType { name kind } } }`;

  /** A type reference as SDL writes it, e.g. `[Policy!]!`. */
  function sdl(ref: { name: string | null; kind: string; ofType: unknown }): string {
    const inner = ref.ofType as Parameters<typeof sdl>[0];
    if (ref.kind === 'NON_NULL') return `${sdl(inner)}!`;
    if (ref.kind === 'LIST') return `[${sdl(inner)}]`;
    return ref.name ?? '';
  }

  it('types the public contract’s Reposit fields as it states them', async () => {
    const { data } = await gateway.graphql(`{
      reposit: __type(name: "Reposit") { fields { name type { ${TYPE_REF} } } }
      tenant: __type(name: "RepositTenant") { fields { name type { ${TYPE_REF} } } }
      query: __type(name: "Query") { fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } } }
    }`);
    type Field = { name: string; type: Parameters<typeof sdl>[0]; args?: Field[] };
    const types = (fields: Field[], names: string[]) => names.map((name) => sdl(fields.find((field) => field.name === name)!.type));
    expect(types(data?.reposit.fields, ['id', 'monthlyRent', 'tenants', 'policies', 'landlord'])).toEqual([
      'ID!',
      'Money!',
      '[RepositTenant!]!',
      '[Policy!]!',
      'Landlord',
    ]);
    expect(types(data?.tenant.fields, ['email', 'status'])).toEqual(['String!', 'RepositTenantStatus!']);
    const reposit = (data?.query.fields as Field[]).find((field) => field.name === 'reposit')!;
    expect([sdl(reposit.type), ...types(reposit.args!, ['id'])]).toEqual(['Reposit', 'ID!']);
  });
});

describe('Query.reposit', () => {
  it('answers every documented field of a Reposit with two tenants, rent as GBP pence', async () => {
    const record = repositOf('tomasz.nowak@example.com');
    const agent = gateway.sandbox.simulators.reposit.state.agent(record.agentId)!;
    const { data, errors } = await gateway.graphql(FULL_REPOSIT, { id: record.id });

    expect(errors).toBeUndefined();
    expect(data?.reposit).toEqual({
      id: encodeGlobalID('Reposit', record.id),
      repositId: record.id,
      monthlyRent: { minorUnits: 83_500, currency: 'GBP', decimal: '835.00' },
      headcount: 2,
      startDate: record.startDate,
      endDate: record.endDate,
      letOnly: false,
      status: 'PENDING',
      createdAt: record.createdAt,
      closedAt: null,
      deactivatedAt: null,
      address: { ...record.address, line2: null },
      agent: { id: encodeGlobalID('RepositAgent', agent.id), agentId: agent.id, firstName: agent.firstName, lastName: agent.lastName },
      supplier: {
        id: encodeGlobalID('RepositSupplier', gateway.sandbox.simulators.reposit.state.supplier.id),
        supplierId: gateway.sandbox.simulators.reposit.state.supplier.id,
        name: 'Northside Lettings',
        type: 'AGENCY',
      },
      tenants: [
        { email: 'tomasz.nowak@example.com', status: 'REGISTERED', createdAt: record.createdAt },
        { email: 'priya.shah@example.com', status: 'INVITED', createdAt: record.createdAt },
      ],
      policies: [],
      landlord: {
        firstName: 'Helen',
        lastName: 'Carver',
        email: 'helen.carver@landlords.example.com',
        address: { line1: '4 Wilmslow Road', line2: null, town: 'Manchester', country: 'GBR', postcode: 'M14 5TQ' },
      },
    });
  });

  it('finds a Reposit by the ep_ id its tenant webhooks name it by, as by its rep_ id', async () => {
    const record = repositOf('tomasz.nowak@example.com');
    const { data, errors } = await gateway.graphql(`query ($id: ID!) { reposit(id: $id) { repositId } }`, { id: record.id.replace(/^rep_/, 'ep_') });
    expect(errors).toBeUndefined();
    expect(data?.reposit).toEqual({ repositId: record.id });
  });

  it('keeps the pence of a rent in pounds and pence, and shows an unset letOnly as Reposit’s default, false', async () => {
    const halfPound = repositOf('liam.byrne@example.com');
    const unset = repositOf('amara.okafor@example.com');
    expect(halfPound.ppm % 1).toBe(0.5);
    expect(unset.letOnly).toBeNull();
    const { data } = await gateway.graphql(
      `query($a: ID!, $b: ID!) {
        a: reposit(id: $a) { monthlyRent { minorUnits decimal } letOnly }
        b: reposit(id: $b) { monthlyRent { minorUnits decimal } letOnly }
      }`,
      { a: halfPound.id, b: unset.id },
    );
    expect(data?.a).toEqual({ monthlyRent: { minorUnits: 100_550, decimal: '1005.50' }, letOnly: true });
    expect(data?.b).toEqual({ monthlyRent: { minorUnits: 75_000, decimal: '750.00' }, letOnly: false });
  });

  it('answers an active Reposit with its policy, its type and its certificate', async () => {
    const record = seeded((r) => r.policies.length > 0 && r.closedAt === null);
    const policy = record.policies[0]!;
    const document = policy.documents[0]!;
    const { data, errors } = await gateway.graphql(FULL_REPOSIT, { id: record.id });

    expect(errors).toBeUndefined();
    expect(data?.reposit.status).toBe('ACTIVE');
    expect(data?.reposit.tenants.every((tenant: { status: string }) => tenant.status === 'PAID')).toBe(true);
    expect(data?.reposit.policies).toEqual([
      {
        id: encodeGlobalID('Policy', `${record.id}:${policy.id}`),
        policyId: policy.id,
        type: { policyTypeId: policy.type.id, category: 'DEPOSIT_WAIVER' },
        startDate: policy.startDate,
        endDate: policy.endDate,
        documents: [
          {
            id: encodeGlobalID('PolicyDocument', `${record.id}:${policy.id}:${document.id}`),
            documentId: document.id,
            type: 'POLICY_SUMMARY',
            name: policy.id,
            href: document.href,
            createdAt: document.createdAt,
          },
        ],
      },
    ]);
  });

  it('reads closed and deactivated Reposits from their dates', async () => {
    const closed = seeded((r) => r.closedAt !== null);
    const deactivated = seeded((r) => r.deactivatedAt !== null);
    const { data } = await gateway.graphql(
      `query($a: ID!, $b: ID!) {
        closed: reposit(id: $a) { status closedAt deactivatedAt }
        deactivated: reposit(id: $b) { status closedAt deactivatedAt }
      }`,
      { a: closed.id, b: deactivated.id },
    );
    expect(data?.closed).toEqual({ status: 'CLOSED', closedAt: closed.closedAt, deactivatedAt: null });
    expect(data?.deactivated).toEqual({ status: 'DEACTIVATED', closedAt: null, deactivatedAt: deactivated.deactivatedAt });
  });

  it('accepts the global id as well as Reposit’s own', async () => {
    const record = repositOf('sofia.rossi@example.com');
    const { data } = await gateway.graphql(`query($id: ID!) { reposit(id: $id) { repositId tenants { status } } }`, {
      id: encodeGlobalID('Reposit', record.id),
    });
    expect(data?.reposit).toEqual({ repositId: record.id, tenants: [{ status: 'SIGNED' }] });
  });

  it('answers null, without an error, for an id Reposit does not know', async () => {
    const { data, errors } = await gateway.graphql(`{ reposit(id: "rep_doesNotExist") { repositId } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ reposit: null });
    expect(gateway.sandbox.calls.count('reposit', 'GET /v1/reposits/:id')).toBe(1);
  });

  it('shows a tenant status Reposit does not document as UNLISTED instead of failing', async () => {
    const record = repositOf('amara.okafor@example.com');
    const tenant = record.tenants[0]!;
    const before = tenant.status;
    tenant.status = 'WITHDRAWN';
    try {
      const { data, errors } = await gateway.graphql(`query($id: ID!) { reposit(id: $id) { status tenants { email status } } }`, {
        id: record.id,
      });
      expect(errors).toBeUndefined();
      expect(data?.reposit).toEqual({ status: 'PENDING', tenants: [{ email: 'amara.okafor@example.com', status: 'UNLISTED' }] });
    } finally {
      tenant.status = before;
    }
  });
});

describe('Query.repositSupplier', () => {
  it('answers the agency’s supplier account with its creation time (read as UTC) and its agents', async () => {
    const { supplier, agents } = gateway.sandbox.simulators.reposit.state;
    const { data, errors } = await gateway.graphql(
      `{ repositSupplier { id supplierId name type createdAt agents { id agentId firstName lastName } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.repositSupplier).toEqual({
      id: encodeGlobalID('RepositSupplier', supplier.id),
      supplierId: supplier.id,
      name: 'Northside Lettings',
      type: 'AGENCY',
      createdAt: '2019-06-03T08:15:42.120Z',
      agents: agents.map(({ id, firstName, lastName }) => ({ id: encodeGlobalID('RepositAgent', id), agentId: id, firstName, lastName })),
    });
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'reposit GET /v1/suppliers/:id/agents': 1,
      'reposit GET /v1/suppliers/me': 1,
    });
  });

  it('gives the supplier inside a Reposit its creation time from the agency’s own account', async () => {
    const record = repositOf('amara.okafor@example.com');
    const { data } = await gateway.graphql(`query($id: ID!) { reposit(id: $id) { supplier { createdAt } } }`, { id: record.id });
    expect(data?.reposit.supplier.createdAt).toBe('2019-06-03T08:15:42.120Z');
    expect(gateway.sandbox.calls.snapshot()).toEqual({ 'reposit GET /v1/reposits/:id': 1, 'reposit GET /v1/suppliers/me': 1 });
  });
});

describe('node(id:)', () => {
  it('refetches every Reposit object by its global id', async () => {
    const record = seeded((r) => r.policies.length > 0);
    const policy = record.policies[0]!;
    const document = policy.documents[0]!;
    const { supplier, agents } = gateway.sandbox.simulators.reposit.state;
    const { data, errors } = await gateway.graphql(
      `query($reposit: ID!, $policy: ID!, $document: ID!, $supplier: ID!, $agent: ID!) {
        reposit: node(id: $reposit) { __typename ... on Reposit { repositId } }
        policy: node(id: $policy) { __typename ... on Policy { policyId } }
        document: node(id: $document) { __typename ... on PolicyDocument { documentId } }
        supplier: node(id: $supplier) { __typename ... on RepositSupplier { supplierId } }
        agent: node(id: $agent) { __typename ... on RepositAgent { agentId lastName } }
      }`,
      {
        reposit: encodeGlobalID('Reposit', record.id),
        policy: encodeGlobalID('Policy', `${record.id}:${policy.id}`),
        document: encodeGlobalID('PolicyDocument', `${record.id}:${policy.id}:${document.id}`),
        supplier: encodeGlobalID('RepositSupplier', supplier.id),
        agent: encodeGlobalID('RepositAgent', agents[2]!.id),
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      reposit: { __typename: 'Reposit', repositId: record.id },
      policy: { __typename: 'Policy', policyId: policy.id },
      document: { __typename: 'PolicyDocument', documentId: document.id },
      supplier: { __typename: 'RepositSupplier', supplierId: supplier.id },
      agent: { __typename: 'RepositAgent', agentId: agents[2]!.id, lastName: 'Desai' },
    });
    // The policy and its document share one policies call; the supplier and the agent one supplier call.
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'reposit GET /v1/reposits/:id': 1,
      'reposit GET /v1/reposits/:id/policies': 1,
      'reposit GET /v1/suppliers/:id/agents': 1,
      'reposit GET /v1/suppliers/me': 1,
    });
  });

  it('answers null for ids that name nothing at Reposit', async () => {
    const { data, errors } = await gateway.graphql(
      `query($reposit: ID!, $policy: ID!, $agent: ID!) {
        reposit: node(id: $reposit) { id }
        policy: node(id: $policy) { id }
        agent: node(id: $agent) { id }
      }`,
      {
        reposit: encodeGlobalID('Reposit', 'rep_gone'),
        policy: encodeGlobalID('Policy', 'rep_gone:pol_gone'),
        agent: encodeGlobalID('RepositAgent', 'usr_gone'),
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ reposit: null, policy: null, agent: null });
  });
});

describe('the tenant join', () => {
  it('leads from a Reposit’s tenants to the Tenant, and back to their Reposits through the same loader', async () => {
    const record = repositOf('priya.shah@example.com');
    const { data, errors } = await gateway.graphql(
      `query($id: ID!) { reposit(id: $id) { tenants { email tenant { email reposits { repositId headcount } } } } }`,
      { id: record.id },
    );
    expect(errors).toBeUndefined();
    expect(data?.reposit.tenants).toEqual([
      { email: 'tomasz.nowak@example.com', tenant: { email: 'tomasz.nowak@example.com', reposits: [{ repositId: record.id, headcount: 2 }] } },
      { email: 'priya.shah@example.com', tenant: { email: 'priya.shah@example.com', reposits: [{ repositId: record.id, headcount: 2 }] } },
    ]);
    expect(gateway.sandbox.calls.count('reposit')).toBe(1);
  });

  it('skips a linked Reposit that Reposit no longer knows', async () => {
    const kept = repositOf('amara.okafor@example.com');
    await gateway.links.link(gateway.agencyId, 'ghost.tenant@example.com', 'reposit', kept.id);
    await gateway.links.link(gateway.agencyId, 'ghost.tenant@example.com', 'reposit', 'rep_gone');
    const { data, errors } = await gateway.graphql(`{ tenant(email: "ghost.tenant@example.com") { reposits { repositId } } }`);
    expect(errors).toBeUndefined();
    expect(data?.tenant.reposits).toEqual([{ repositId: kept.id }]);
    expect(gateway.sandbox.calls.count('reposit', 'GET /v1/reposits/:id')).toBe(2);
  });
});

describe('REST calls', () => {
  it('makes exactly 3 calls for a Reposit with tenants, policies and landlord; the same Reposit twice adds none', async () => {
    const record = seeded((r) => r.policies.length > 0);
    const fields = `repositId tenants { email status } policies { policyId documents { href } } landlord { email }`;
    const { data, errors } = await gateway.graphql(
      `query($id: ID!) { first: reposit(id: $id) { ${fields} } second: reposit(id: $id) { ${fields} monthlyRent { minorUnits } } }`,
      { id: record.id },
    );
    expect(errors).toBeUndefined();
    expect(data?.first.policies).toHaveLength(1);
    expect(data?.second.landlord.email).toBe(record.landlord.email);
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'reposit GET /v1/reposits/:id': 1,
      'reposit GET /v1/reposits/:id/landlord': 1,
      'reposit GET /v1/reposits/:id/policies': 1,
    });
    expect(repositCalls()).toBe(3);
  });

  it('makes one call per distinct Reposit and resource when several are asked at once', async () => {
    const ids = ['amara.okafor@example.com', 'tomasz.nowak@example.com', 'liam.byrne@example.com'].map((email) => repositOf(email).id);
    const { errors } = await gateway.graphql(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: reposit(id: $a) { landlord { email } policies { policyId } }
        b: reposit(id: $b) { landlord { email } policies { policyId } }
        c: reposit(id: $c) { landlord { email } policies { policyId } }
        again: reposit(id: $a) { landlord { lastName } }
      }`,
      { a: ids[0], b: ids[1], c: ids[2] },
    );
    expect(errors).toBeUndefined();
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'reposit GET /v1/reposits/:id': 3,
      'reposit GET /v1/reposits/:id/landlord': 3,
      'reposit GET /v1/reposits/:id/policies': 3,
    });
  });
});

describe('vendor failures', () => {
  it('reports a failing landlord call on the landlord alone, the rest of the Reposit intact', async () => {
    const record = repositOf('priya.shah@example.com');
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', endpoint: 'GET /v1/reposits/:id/landlord', status: 500 });
    const { data, errors } = await gateway.graphql(
      `query($id: ID!) { reposit(id: $id) { repositId headcount tenants { email } landlord { email } } }`,
      { id: record.id },
    );
    expect(data?.reposit).toEqual({
      repositId: record.id,
      headcount: 2,
      tenants: [{ email: 'tomasz.nowak@example.com' }, { email: 'priya.shah@example.com' }],
      landlord: null,
    });
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.path).toEqual(['reposit', 'landlord']);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'reposit', status: 500 });
  });

  it('reports a failing Reposit on its own field, other root fields intact', async () => {
    const record = repositOf('amara.okafor@example.com');
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', endpoint: 'GET /v1/reposits/:id', status: 500 });
    const { data, errors } = await gateway.graphql(`query($id: ID!) { reposit(id: $id) { repositId } repositSupplier { name } }`, {
      id: record.id,
    });
    expect(data).toEqual({ reposit: null, repositSupplier: { name: 'Northside Lettings' } });
    expect(errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.vendor])).toEqual([
      [['reposit'], 'VENDOR_UNAVAILABLE', 'reposit'],
    ]);
  });

  it('keeps the supplier when its agents cannot be listed', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', endpoint: 'GET /v1/suppliers/:id/agents', status: 503 });
    const { data, errors } = await gateway.graphql(`{ repositSupplier { name agents { agentId } } }`);
    expect(data).toEqual({ repositSupplier: { name: 'Northside Lettings', agents: null } });
    expect(errors?.map((error) => [error.path, error.extensions?.vendor])).toEqual([[['repositSupplier', 'agents'], 'reposit']]);
  });

  it('leaves another vendor’s fields intact when Reposit is down', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 500 });
    const { data, errors } = await gateway.graphql(`{ reposit(id: "rep_tHLyqj6A0yWa1C") { repositId } products { productId } }`);
    expect(data?.reposit).toBeNull();
    expect(data?.products.length).toBeGreaterThan(0);
    expect(errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.vendor])).toEqual([
      [['reposit'], 'VENDOR_UNAVAILABLE', 'reposit'],
    ]);
  });

  it('turns a refusal into a GraphQL error with the vendor’s code, not a null', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', endpoint: 'GET /v1/reposits/:id', status: 403 });
    const { data, errors } = await gateway.graphql(`{ reposit(id: "rep_tHLyqj6A0yWa1C") { repositId } }`);
    expect(data).toEqual({ reposit: null });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', vendor: 'reposit', status: 403 });
    expect(errors?.[0]?.message).toMatch(/^Reposit GET \/v1\/reposits\//);
  });
});

describe('example operations', () => {
  const read = (file: string) => readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8');

  it('reposit.graphql answers the shared Reposit of two demo tenants', async () => {
    const variables = JSON.parse(read('reposit.variables.json')) as { id: string };
    expect(variables.id).toBe(repositOf('priya.shah@example.com').id);
    const { data, errors } = await gateway.graphql(read('reposit.graphql'), variables);
    expect(errors).toBeUndefined();
    expect(data?.reposit.tenants.map((tenant: { email: string }) => tenant.email)).toEqual([
      'tomasz.nowak@example.com',
      'priya.shah@example.com',
    ]);
  });

  it('reposit-supplier.graphql answers the supplier and its agents', async () => {
    const { data, errors } = await gateway.graphql(read('reposit-supplier.graphql'));
    expect(errors).toBeUndefined();
    expect(data?.repositSupplier.agents).toHaveLength(4);
  });
});
