import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

const ACCOUNT = '2911ff2a-bebe-4c85-8d19-e6001015a8e3';
const PRODUCT = 'd119341c-47fd-4a55-bce7-28406dacfa20';
const DAY_MS = 24 * 60 * 60 * 1000;

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway({ sandbox: { people: 2 } });
});
afterAll(() => gateway.close());
afterEach(() => {
  gateway.sandbox.calls.reset();
});

type Json = Record<string, unknown>;

const MUTATIONS = {
  createProduct: 'CreateProductInput',
  updateProduct: 'UpdateProductInput',
  deleteProduct: 'DeleteProductInput',
  createAccount: 'CreateAccountInput',
  updateAccount: 'UpdateAccountInput',
  deleteAccount: 'DeleteAccountInput',
  createCharge: 'CreateChargeInput',
  createPayment: 'CreatePaymentInput',
  createLoan: 'CreateLoanInput',
  disputeLineItem: 'DisputeLineItemInput',
  createCustomer: 'CreateCustomerInput',
} as const;

type MutationName = keyof typeof MUTATIONS;

const product = {
  name: 'Student Rent Card',
  defaultRate: 5.2,
  defaultCreditLimitCents: 700_000,
  basePolicyConfig: { minPayPercentage: 20, billingCyclePeriod: '1 month', billingDueDateInterval: '25 days', interestPolicy: {} },
};

const VALID: Record<MutationName, () => Json> = {
  createProduct: () => structuredClone(product),
  updateProduct: () => ({ ...structuredClone(product), productId: PRODUCT }),
  deleteProduct: () => ({ productId: PRODUCT }),
  createAccount: () => ({ productId: PRODUCT, creditLimitCents: 100_000, rate: 6.2, email: 'amara.okafor@example.com' }),
  updateAccount: () => ({ accountId: ACCOUNT, creditLimitCents: 100_000, rate: 6.2 }),
  deleteAccount: () => ({ accountId: ACCOUNT }),
  createCharge: () => ({
    accountId: ACCOUNT,
    amountCents: 200,
    effectiveAt: new Date().toISOString(),
    rate: 15.5,
    merchantData: { mccCode: 5411, phoneNumber: '+14105556789' },
  }),
  createPayment: () => ({ accountId: ACCOUNT, amountCents: 200, effectiveAt: new Date().toISOString() }),
  createLoan: () => ({ accountId: ACCOUNT, originalAmountCents: 600_000, effectiveAt: new Date().toISOString(), amortisationLength: 6, interestPercent: 36 }),
  disputeLineItem: () => ({ accountId: ACCOUNT, lineItemId: 'ce9ed376-f151-435f-a59c-9e3cc183bbea' }),
  createCustomer: () => ({
    firstName: 'Miriam',
    lastName: 'Trevino',
    phoneNumber: '+14105556789',
    addressLineOne: '12 Strawberry Road',
    city: 'Atlanta',
    state: 'GA',
    zip: '99999',
    email: 'marissa@protonmail.com',
    dateOfBirth: '1985-06-20',
    businessDetails: { doingBusinessAs: 'Umbrella', ein: '888-88-8888' },
    assignToAccounts: [{ accountId: ACCOUNT, issuerProcessorConfig: { spendLimitCents: 100, lithic: {} } }],
  }),
};

async function run(mutation: MutationName, input: Json) {
  const { data, errors } = await gateway.graphql(
    `mutation ($input: ${MUTATIONS[mutation]}!) { result: ${mutation}(input: $input) { __typename ... on ValidationError { message problems { field rule message } } } }`,
    { input },
  );
  expect(errors).toBeUndefined();
  return data?.result as { __typename: string; message?: string; problems?: Array<{ field: string; rule: string; message: string }> };
}

/** Sets `value` at a dotted path (`basePolicyConfig.minPayPercentage`, `assignToAccounts.0.role`) of a copy. */
function withValue(input: Json, path: string, value: unknown): Json {
  const copy = structuredClone(input);
  const parts = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  at[parts.at(-1)!] = value;
  return copy;
}

const elevenDaysAgo = () => new Date(Date.now() - 11 * DAY_MS).toISOString();

// [mutation, field set, value, expected problem field, rule]
const CASES: Array<[MutationName, string, unknown, string, string]> = [
  ['createProduct', 'name', '  ', 'name', 'required'],
  ['createProduct', 'type', 'UNLISTED', 'type', 'oneOf'],
  ['createProduct', 'status', 'UNLISTED', 'status', 'oneOf'],
  ['createProduct', 'defaultRate', -1, 'defaultRate', 'min'],
  ['createProduct', 'defaultCreditLimitCents', -1, 'defaultCreditLimitCents', 'min'],
  ['createProduct', 'basePolicyConfig.minPayPercentage', -5, 'basePolicyConfig.minPayPercentage', 'min'],
  ['createProduct', 'basePolicyConfig.minPayPercentage', 101, 'basePolicyConfig.minPayPercentage', 'max'],
  ['createProduct', 'basePolicyConfig.billingCyclePeriod', 'monthly', 'basePolicyConfig.billingCyclePeriod', 'format'],
  ['createProduct', 'basePolicyConfig.billingDueDateInterval', 'soon', 'basePolicyConfig.billingDueDateInterval', 'format'],
  ['createProduct', 'basePolicyConfig.billingDueDateInterval', '2 months', 'basePolicyConfig.billingDueDateInterval', 'withinCycle'],
  ['createProduct', 'basePolicyConfig.interestPolicy.type', 'UNLISTED', 'basePolicyConfig.interestPolicy.type', 'oneOf'],
  ['createProduct', 'basePolicyConfig.interestPolicy.method', 'UNLISTED', 'basePolicyConfig.interestPolicy.method', 'oneOf'],
  ['createProduct', 'basePolicyConfig.interestPolicy.dayCalcType', 'UNLISTED', 'basePolicyConfig.interestPolicy.dayCalcType', 'oneOf'],
  ['updateProduct', 'productId', 'not-a-uuid', 'productId', 'format'],
  ['updateProduct', 'name', '', 'name', 'required'],
  ['deleteProduct', 'productId', 'not-a-uuid', 'productId', 'format'],
  ['createAccount', 'productId', 'not-a-uuid', 'productId', 'format'],
  ['createAccount', 'creditLimitCents', -1, 'creditLimitCents', 'min'],
  ['createAccount', 'rate', -0.5, 'rate', 'min'],
  ['createAccount', 'email', 'amara.okafor', 'email', 'format'],
  ['updateAccount', 'accountId', 'not-a-uuid', 'accountId', 'format'],
  ['updateAccount', 'creditLimitCents', -1, 'creditLimitCents', 'min'],
  ['updateAccount', 'rate', -1, 'rate', 'min'],
  ['deleteAccount', 'accountId', 'not-a-uuid', 'accountId', 'format'],
  ['createCharge', 'accountId', 'not-a-uuid', 'accountId', 'format'],
  ['createCharge', 'amountCents', 0, 'amountCents', 'greaterThan'],
  ['createCharge', 'effectiveAt', elevenDaysAgo(), 'effectiveAt', 'notBefore'],
  ['createCharge', 'rate', -1, 'rate', 'min'],
  ['createCharge', 'merchantData.phoneNumber', 'call me', 'merchantData.phoneNumber', 'format'],
  ['createPayment', 'accountId', 'not-a-uuid', 'accountId', 'format'],
  ['createPayment', 'amountCents', -5, 'amountCents', 'greaterThan'],
  ['createPayment', 'effectiveAt', elevenDaysAgo(), 'effectiveAt', 'notBefore'],
  ['createLoan', 'accountId', 'not-a-uuid', 'accountId', 'format'],
  ['createLoan', 'lineItemId', ' ', 'lineItemId', 'required'],
  ['createLoan', 'originalAmountCents', 0, 'originalAmountCents', 'greaterThan'],
  ['createLoan', 'amortisationLength', 0, 'amortisationLength', 'min'],
  ['createLoan', 'interestPercent', -1, 'interestPercent', 'min'],
  ['disputeLineItem', 'accountId', 'not-a-uuid', 'accountId', 'format'],
  ['disputeLineItem', 'lineItemId', ' ', 'lineItemId', 'required'],
  ['createCustomer', 'customerId', 'can_0x1234', 'customerId', 'pattern'],
  ['createCustomer', 'firstName', ' ', 'firstName', 'required'],
  ['createCustomer', 'lastName', '', 'lastName', 'required'],
  ['createCustomer', 'addressLineOne', ' ', 'addressLineOne', 'required'],
  ['createCustomer', 'city', ' ', 'city', 'required'],
  ['createCustomer', 'state', ' ', 'state', 'required'],
  ['createCustomer', 'phoneNumber', '(410) 555-6789', 'phoneNumber', 'format'],
  ['createCustomer', 'phoneNumber', ' ', 'phoneNumber', 'required'],
  ['createCustomer', 'zip', 'M1 1AE', 'zip', 'format'],
  ['createCustomer', 'email', 'marissa', 'email', 'format'],
  ['createCustomer', 'countryCode', 'UNLISTED', 'countryCode', 'oneOf'],
  ['createCustomer', 'businessDetails.doingBusinessAs', ' ', 'businessDetails.doingBusinessAs', 'required'],
  ['createCustomer', 'businessDetails.ein', '', 'businessDetails.ein', 'required'],
  ['createCustomer', 'assignToAccounts', Array.from({ length: 101 }, () => ({ accountId: ACCOUNT })), 'assignToAccounts', 'maxItems'],
  ['createCustomer', 'assignToAccounts.0.accountId', ' ', 'assignToAccounts.0.accountId', 'required'],
  ['createCustomer', 'assignToAccounts.0.role', 'UNLISTED', 'assignToAccounts.0.role', 'oneOf'],
  [
    'createCustomer',
    'assignToAccounts.0.issuerProcessorConfig.spendLimitCents',
    0,
    'assignToAccounts.0.issuerProcessorConfig.spendLimitCents',
    'min',
  ],
  ['createCustomer', 'assignToAccounts.0.issuerProcessorConfig.lithic.type', 'UNLISTED', 'assignToAccounts.0.issuerProcessorConfig.lithic.type', 'oneOf'],
  ['createCustomer', 'assignToAccounts.0.issuerProcessorConfig.lithic.state', 'UNLISTED', 'assignToAccounts.0.issuerProcessorConfig.lithic.state', 'oneOf'],
  [
    'createCustomer',
    'assignToAccounts.0.issuerProcessorConfig.lithic.cardProgramToken',
    'token',
    'assignToAccounts.0.issuerProcessorConfig.lithic.cardProgramToken',
    'format',
  ],
];

describe('validation before any call to Canopy Servicing', () => {
  it.each(CASES)('%s: %s = %j breaks %s %s', async (mutation, path, value, field, rule) => {
    const result = await run(mutation, withValue(VALID[mutation](), path, value));
    expect(result.__typename).toBe('ValidationError');
    expect(result.problems).toEqual([{ field, rule, message: expect.stringContaining(`${field}: `) }]);
    expect(gateway.sandbox.calls.count('canopy-servicing')).toBe(0);
  });

  it.each([
    ['defaultRate', undefined],
    ['defaultCreditLimitCents', undefined],
    ['basePolicyConfig.minPayPercentage', undefined],
    ['basePolicyConfig.billingCyclePeriod', undefined],
    ['basePolicyConfig.billingDueDateInterval', undefined],
  ])('createProduct: LIVE requires %s', async (field) => {
    const result = await run('createProduct', { ...withValue(VALID.createProduct(), field, undefined), status: 'LIVE' });
    expect(result.problems).toEqual([{ field, rule: 'requiredWhen', message: expect.any(String) }]);
    expect(gateway.sandbox.calls.count('canopy-servicing')).toBe(0);
  });

  it('collects every problem at once', async () => {
    const result = await run('createCustomer', {
      ...VALID.createCustomer(),
      customerId: 'can_x',
      phoneNumber: '07700900001',
      zip: 'M1 1AE',
      email: 'nope',
    });
    expect(result.problems?.map((problem) => `${problem.field} ${problem.rule}`)).toEqual([
      'customerId pattern',
      'phoneNumber format',
      'zip format',
      'email format',
    ]);
    expect(result.message).toContain('customerId: must not start with can_');
    expect(gateway.sandbox.calls.count('canopy-servicing')).toBe(0);
  });

  it('refuses a UK demo tenant as a customer: Canopy takes US ZIP codes only', async () => {
    const person = gateway.sandbox.people[0]!;
    const result = await run('createCustomer', {
      firstName: person.firstName,
      lastName: person.lastName,
      phoneNumber: person.phone,
      addressLineOne: `${person.address.houseNumber} ${person.address.street}`,
      city: person.address.town,
      state: 'Greater Manchester',
      zip: person.address.postCode,
      countryCode: 'GB',
      email: person.email,
      dateOfBirth: person.dateOfBirth,
    });
    expect(result.problems).toEqual([{ field: 'zip', rule: 'format', message: expect.any(String) }]);
  });

  it('leaves what GraphQL types enforce to GraphQL: a missing required field never reaches the resolver', async () => {
    const { data, errors } = await gateway.graphql(`mutation { createCharge(input: { accountId: "${ACCOUNT}", amountCents: 1 }) { __typename } }`);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.message).toMatch(/effectiveAt|merchantData/);
    expect(gateway.sandbox.calls.count('canopy-servicing')).toBe(0);
  });

  it('passes the valid inputs through to the vendor', async () => {
    const result = await run('createPayment', VALID.createPayment());
    expect(result.__typename).toBe('VendorError');
    expect(gateway.sandbox.calls.count('canopy-servicing')).toBe(1);
  });
});
