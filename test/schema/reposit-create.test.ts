import { readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());
afterEach(() => gateway.sandbox.knobs.reset());

const CREATE = /* GraphQL */ `
  mutation CreateReposit($input: CreateRepositInput!) {
    createReposit(input: $input) {
      __typename
      ... on MutationCreateRepositSuccess {
        data {
          id
          repositId
          monthlyRent { minorUnits currency decimal }
          headcount
          startDate
          endDate
          letOnly
          status
          address { line1 line2 town country postcode }
          agent { agentId firstName }
          tenants { email status }
          policies { policyId }
          landlord { firstName lastName email address { country postcode } }
        }
      }
      ... on ValidationError { message problems { field rule message } }
      ... on VendorError { message code vendor status vendorMessage }
    }
  }
`;

interface AddressInput {
  line1: string;
  line2?: string;
  town: string;
  country: string;
  postcode: string;
}

interface CreateInput {
  address: AddressInput;
  landlord: { firstName: string; lastName: string; email: string; address: AddressInput };
  agentId: string;
  monthlyRentPence: number;
  headcount?: number;
  startDate: string;
  endDate: string;
  tenantEmails: string[];
  letOnly?: boolean;
}

function validInput(): CreateInput {
  return {
    address: { line1: '229 Shoreditch High Street', line2: 'Shoreditch', town: 'London', country: 'GBR', postcode: 'E1 6PJ' },
    landlord: {
      firstName: 'Bobby',
      lastName: 'Moore',
      email: 'bobtheman@example.com',
      address: { line1: '1 Rue de Rivoli', town: 'Paris', country: 'FRA', postcode: '75001' },
    },
    agentId: gateway.sandbox.simulators.reposit.state.agents[1]!.id,
    monthlyRentPence: 123_456,
    startDate: '2026-10-21',
    endDate: '2027-10-20',
    tenantEmails: ['Liam.Byrne@example.com', 'new.flatmate@example.com'],
    letOnly: true,
  };
}

describe('Mutation.createReposit', () => {
  it('creates the Reposit, links every tenant and answers it without reading it back', async () => {
    const agent = gateway.sandbox.simulators.reposit.state.agents[1]!;
    const input = { ...validInput(), agentId: encodeGlobalID('RepositAgent', agent.id) };
    const { data, errors } = await gateway.graphql(CREATE, { input });

    expect(errors).toBeUndefined();
    const result = data?.createReposit;
    expect(result.__typename).toBe('MutationCreateRepositSuccess');
    const reposit = result.data;
    expect(reposit).toMatchObject({
      id: encodeGlobalID('Reposit', reposit.repositId),
      monthlyRent: { minorUnits: 123_456, currency: 'GBP', decimal: '1234.56' },
      headcount: 2,
      startDate: '2026-10-21',
      endDate: '2027-10-20',
      letOnly: true,
      status: 'PENDING',
      address: { line1: '229 Shoreditch High Street', line2: 'Shoreditch', town: 'London', country: 'GBR', postcode: 'E1 6PJ' },
      agent: { agentId: agent.id, firstName: agent.firstName },
      tenants: [
        { email: 'Liam.Byrne@example.com', status: 'INVITED' },
        { email: 'new.flatmate@example.com', status: 'INVITED' },
      ],
      policies: [],
      landlord: { firstName: 'Bobby', lastName: 'Moore', email: 'bobtheman@example.com', address: { country: 'FRA', postcode: '75001' } },
    });
    expect(reposit.repositId).toMatch(/^rep_/);

    const stored = gateway.sandbox.simulators.reposit.state.reposits.get(reposit.repositId);
    expect(stored).toMatchObject({ ppm: 1234.56, headcount: 2, letOnly: true, agentId: agent.id });

    // The answer of the POST primes the loader: only the landlord and the policies are fetched.
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'reposit GET /v1/reposits/:id/landlord': 1,
      'reposit GET /v1/reposits/:id/policies': 1,
      'reposit POST /v1/reposits': 1,
    });

    const [liam, flatmate] = await gateway.links.idsFor(
      gateway.agencyId,
      ['liam.byrne@example.com', 'new.flatmate@example.com'],
      'reposit',
    );
    expect(liam?.[0]).toBe(reposit.repositId);
    expect(flatmate).toEqual([reposit.repositId]);
  });

  it('sends what it was given, trimmed, and leaves letOnly to Reposit when it is left out', async () => {
    const input = { ...validInput(), tenantEmails: ['  sofia.rossi@example.com '], letOnly: undefined };
    input.address = { ...input.address, line2: '  ', town: ' London ' };
    const { data } = await gateway.graphql(CREATE, { input });
    const reposit = data?.createReposit.data;
    expect(reposit.tenants).toEqual([{ email: 'sofia.rossi@example.com', status: 'INVITED' }]);
    expect(reposit.address).toMatchObject({ line2: null, town: 'London' });
    expect(reposit.letOnly).toBe(false);
    expect(gateway.sandbox.simulators.reposit.state.reposits.get(reposit.repositId)?.letOnly).toBeNull();
  });

  it('accepts a headcount equal to the number of tenants, and a landlord abroad with a postcode of their own', async () => {
    const input = { ...validInput(), headcount: 2 };
    const { data } = await gateway.graphql(CREATE, { input });
    expect(data?.createReposit.__typename).toBe('MutationCreateRepositSuccess');
    expect(data?.createReposit.data.landlord.address).toEqual({ country: 'FRA', postcode: '75001' });
  });

  it('runs the example operation, operations/create-reposit.graphql, as it stands', async () => {
    const read = (file: string) => readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8');
    const { data, errors } = await gateway.graphql(read('create-reposit.graphql'), JSON.parse(read('create-reposit.variables.json')));
    expect(errors).toBeUndefined();
    expect(data?.createReposit).toMatchObject({
      __typename: 'MutationCreateRepositSuccess',
      data: { monthlyRent: { decimal: '1250.00' }, agent: { firstName: 'Frank' }, headcount: 2 },
    });
  });

  it('answers an agent Reposit does not know as a VendorError, and writes no link', async () => {
    const input = { ...validInput(), agentId: 'usr_notAnAgent', tenantEmails: ['no.link@example.com'] };
    const { data, errors } = await gateway.graphql(CREATE, { input });
    expect(errors).toBeUndefined();
    expect(data?.createReposit).toMatchObject({ __typename: 'VendorError', code: 'BAD_USER_INPUT', vendor: 'reposit', status: 400 });
    expect(data?.createReposit.vendorMessage).toContain('agentId');
    expect(await gateway.links.idsFor(gateway.agencyId, ['no.link@example.com'], 'reposit')).toEqual([[]]);
  });

  it('answers a failing Reposit as a VendorError, and never repeats the create', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', endpoint: 'POST /v1/reposits', status: 500 });
    const { data } = await gateway.graphql(CREATE, { input: validInput() });
    expect(data?.createReposit).toMatchObject({ __typename: 'VendorError', code: 'VENDOR_UNAVAILABLE', vendor: 'reposit', status: 500 });
    expect(gateway.sandbox.calls.count('reposit', 'POST /v1/reposits')).toBe(1);
  });
});

/** One case per rule Reposit's documentation states, each breaking exactly that rule. */
const RULES: Array<[field: string, rule: string, breakIt: (input: CreateInput) => void]> = [
  ['address.line1', 'required', (i) => void (i.address.line1 = '  ')],
  ['address.town', 'required', (i) => void (i.address.town = '')],
  ['address.country', 'required', (i) => void (i.address.country = '')],
  ['address.country', 'oneOf', (i) => void (i.address.country = 'UK')],
  ['address.postcode', 'required', (i) => void (i.address.postcode = ' ')],
  ['address.postcode', 'pattern', (i) => void (i.address.postcode = 'LONDON 1')],
  ['landlord.firstName', 'required', (i) => void (i.landlord.firstName = '')],
  ['landlord.lastName', 'required', (i) => void (i.landlord.lastName = '')],
  ['landlord.email', 'required', (i) => void (i.landlord.email = '')],
  ['landlord.email', 'format', (i) => void (i.landlord.email = 'bob at example.com')],
  ['landlord.address.line1', 'required', (i) => void (i.landlord.address.line1 = '')],
  ['landlord.address.town', 'required', (i) => void (i.landlord.address.town = '')],
  ['landlord.address.country', 'oneOf', (i) => void (i.landlord.address.country = 'XXX')],
  ['landlord.address.postcode', 'pattern', (i) => void (i.landlord.address = { ...i.landlord.address, country: 'GBR', postcode: '75001' })],
  ['agentId', 'required', (i) => void (i.agentId = '')],
  ['monthlyRentPence', 'greaterThan', (i) => void (i.monthlyRentPence = 0)],
  ['tenantEmails', 'minItems', (i) => void (i.tenantEmails = [])],
  ['tenantEmails.1', 'format', (i) => void (i.tenantEmails = ['a@example.com', 'not-an-email'])],
  ['tenantEmails.1', 'unique', (i) => void (i.tenantEmails = ['a@example.com', ' A@Example.com'])],
  ['headcount', 'equals', (i) => void (i.headcount = 3)],
  ['endDate', 'greaterThan', (i) => void (i.endDate = i.startDate)],
];

describe('createReposit validation', () => {
  it.each(RULES)('refuses %s (%s) before calling Reposit', async (field, rule, breakIt) => {
    const input = validInput();
    breakIt(input);
    const { data, errors } = await gateway.graphql(CREATE, { input });
    expect(errors).toBeUndefined();
    expect(data?.createReposit.__typename).toBe('ValidationError');
    expect(data?.createReposit.problems).toEqual([{ field, rule, message: expect.stringMatching(new RegExp(`^${field}: `)) }]);
    expect(gateway.sandbox.calls.count('reposit')).toBe(0);
  });

  it('reports every problem at once', async () => {
    const input = validInput();
    input.address.country = 'gb';
    input.landlord.email = 'nope';
    input.monthlyRentPence = -5;
    input.endDate = '2020-01-01';
    const { data } = await gateway.graphql(CREATE, { input });
    expect(data?.createReposit.problems.map((p: { field: string; rule: string }) => `${p.field} ${p.rule}`)).toEqual([
      'address.country oneOf',
      'landlord.email format',
      'monthlyRentPence greaterThan',
      'endDate greaterThan',
    ]);
    expect(gateway.sandbox.calls.count('reposit')).toBe(0);
  });
});
