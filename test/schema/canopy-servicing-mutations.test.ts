import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY_MS = 24 * 60 * 60 * 1000;

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway({ sandbox: { people: 6 } });
});
afterAll(() => gateway.close());
afterEach(() => {
  gateway.sandbox.knobs.reset();
  gateway.sandbox.calls.reset();
});

function state() {
  return gateway.sandbox.simulators.canopyServicing.state;
}

function accountOf(index: number): string {
  return state().accountIdByEmail.get(gateway.sandbox.people[index]!.email)!;
}

function productNamed(name: string): string {
  return [...state().products.values()].find((product) => product.name === name)!.productId;
}

const RESULT = `__typename
  ... on VendorError { code vendor status vendorMessage }
  ... on ValidationError { problems { field rule } }`;

const completeProduct = {
  name: 'Student Rent Card',
  type: 'CREDIT',
  defaultRate: 5.2,
  defaultCreditLimitCents: 700_000,
  description: 'Card for students renting their first flat',
  basePolicyConfig: {
    minPayPercentage: 20,
    billingCyclePeriod: '1 month',
    billingDueDateInterval: '25 days',
    interestPolicy: { type: 'COMPOUND', method: 'AVERAGE_DAILY_BALANCE', dayCalcType: '_365', interestCalcTime: '2020-09-20T09:02:28Z' },
    closeOfBusinessAndTimezone: '2020-03-20T09:12:28Z',
  },
};

describe('products', () => {
  const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { ${RESULT}
    ... on MutationCreateProductSuccess { data { productId name status product { id name defaultRate defaultCreditLimit { minorUnits currency }
      basePolicyConfig { billingDueDateInterval interestPolicy { dayCalcType } } } } } } }`;

  it('creates a complete product LIVE and an incomplete one as DRAFT, then updates and deletes the draft', async () => {
    const live = await gateway.graphql(CREATE, { input: completeProduct });
    expect(live.errors).toBeUndefined();
    const created = live.data?.createProduct.data;
    expect(created).toMatchObject({
      name: 'Student Rent Card',
      status: 'LIVE',
      product: { name: 'Student Rent Card', defaultRate: 5.2, defaultCreditLimit: { minorUnits: 700_000, currency: 'USD' } },
    });
    expect(created.product.basePolicyConfig).toEqual({ billingDueDateInterval: '25 days', interestPolicy: { dayCalcType: '_365' } });
    expect(created.product.id).toBe(encodeGlobalID('Product', created.productId));
    expect(state().products.get(created.productId)?.status).toBe('live');

    const draft = await gateway.graphql(CREATE, { input: { name: 'Half-made Card' } });
    const draftId = draft.data?.createProduct.data.productId;
    expect(draft.data?.createProduct.data.status).toBe('DRAFT');

    const update = await gateway.graphql(
      `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { ${RESULT} ... on MutationUpdateProductSuccess { data { status product { name defaultRate } } } } }`,
      { input: { ...completeProduct, productId: encodeGlobalID('Product', draftId), name: 'Finished Card', status: 'DRAFT', defaultRate: 7 } },
    );
    expect(update.data?.updateProduct.data).toEqual({ status: 'DRAFT', product: { name: 'Finished Card', defaultRate: 7 } });

    const removed = await gateway.graphql(
      `mutation ($input: DeleteProductInput!) { deleteProduct(input: $input) { ${RESULT} ... on MutationDeleteProductSuccess { data { productId name product { id } } } } }`,
      { input: { productId: draftId } },
    );
    expect(removed.data?.deleteProduct.data).toEqual({ productId: draftId, name: 'Finished Card', product: null });
    expect(state().products.get(draftId)?.deletedAt).toBeInstanceOf(Date);
  });

  it('answers a vendor refusal as a VendorError result', async () => {
    const { data } = await gateway.graphql(
      `mutation ($input: DeleteProductInput!) { deleteProduct(input: $input) { ${RESULT} } }`,
      { input: { productId: UNKNOWN } },
    );
    expect(data?.deleteProduct).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND', vendor: 'canopy-servicing', status: 404 });
  });
});

describe('accounts', () => {
  const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { ${RESULT}
    ... on MutationCreateAccountSuccess { data { id accountId status creditLimit { minorUnits } rate externalAccountIds { name id } product { name } } } } }`;

  it('creates an account under a live product, links the e-mail, updates it and deletes it', async () => {
    const productId = productNamed('Rent Flex Card');
    const { data, errors } = await gateway.graphql(CREATE, {
      input: {
        productId: encodeGlobalID('Product', productId),
        externalIds: [{ name: 'Rentgraph Tenant', id: 'new.tenant@example.com' }],
        rate: 12.5,
        email: 'New.Tenant@example.com',
      },
    });
    expect(errors).toBeUndefined();
    const account = data?.createAccount.data;
    expect(account).toMatchObject({
      status: 'ACTIVE',
      creditLimit: { minorUnits: 250_000 },
      rate: 12.5,
      externalAccountIds: [{ name: 'Rentgraph Tenant', id: 'new.tenant@example.com' }],
      product: { name: 'Rent Flex Card' },
    });
    expect(account.id).toBe(encodeGlobalID('Account', account.accountId));
    expect(await gateway.links.idsFor(gateway.agencyId, ['new.tenant@example.com'], 'account')).toEqual([[account.accountId]]);
    // The POST answers the account: only the product is read after it.
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'canopy-servicing GET /products/:product_id': 1,
      'canopy-servicing POST /accounts': 1,
    });

    const updated = await gateway.graphql(
      `mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { ${RESULT} ... on MutationUpdateAccountSuccess { data { creditLimit { minorUnits } rate } } } }`,
      { input: { accountId: account.id, creditLimitCents: 300_000, rate: 8 } },
    );
    expect(updated.data?.updateAccount.data).toEqual({ creditLimit: { minorUnits: 300_000 }, rate: 8 });

    const deleted = await gateway.graphql(
      `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { ${RESULT} ... on MutationDeleteAccountSuccess { data { accountId } } } }`,
      { input: { accountId: account.accountId } },
    );
    expect(deleted.data?.deleteAccount.data).toEqual({ accountId: account.accountId });
    expect(await gateway.links.idsFor(gateway.agencyId, ['new.tenant@example.com'], 'account')).toEqual([[]]);
    const gone = await gateway.graphql(`query ($id: ID!) { account(id: $id) { accountId } }`, { id: account.accountId });
    expect(gone.data?.account).toBeNull();
  });

  it('answers a draft product or an unknown account as a VendorError result', async () => {
    const draft = await gateway.graphql(CREATE, { input: { productId: productNamed('Moving Costs Loan') } });
    expect(draft.data?.createAccount).toMatchObject({ __typename: 'VendorError', code: 'BAD_USER_INPUT', status: 405, vendor: 'canopy-servicing' });
    const update = await gateway.graphql(`mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { ${RESULT} } }`, {
      input: { accountId: UNKNOWN, rate: 1 },
    });
    expect(update.data?.updateAccount).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND' });
  });

  it('answers a vendor outage as a VendorError result', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-servicing', status: 503 });
    const { data } = await gateway.graphql(CREATE, { input: { productId: productNamed('Rent Flex Card') } });
    expect(data?.createAccount).toMatchObject({ __typename: 'VendorError', code: 'VENDOR_UNAVAILABLE', status: 503 });
  });
});

describe('line items', () => {
  const LINE_ITEM = `... on CreatedLineItem { lineItemId accountId lineItem { id type status originatingAmount { minorUnits currency } merchantData { name mccCode } } account { accountId } }`;

  it('records a charge, which moves the summary, and declines one the account cannot carry', async () => {
    const accountId = accountOf(0);
    const before = await gateway.graphql(`query ($id: ID!) { account(id: $id) { summary { totalBalance { minorUnits } availableCredit { minorUnits } } } }`, { id: accountId });
    const { data, errors } = await gateway.graphql(
      `mutation ($input: CreateChargeInput!, $big: CreateChargeInput!) {
        small: createCharge(input: $input) { ${RESULT} ... on MutationCreateChargeSuccess { data { ${LINE_ITEM} } } }
        big: createCharge(input: $big) { ${RESULT} ... on MutationCreateChargeSuccess { data { lineItem { status } account { summary { totalBalance { minorUnits } } } } } }
      }`,
      {
        input: {
          accountId: encodeGlobalID('Account', accountId),
          amountCents: 4_250,
          effectiveAt: new Date(Date.now() - 2 * DAY_MS).toISOString(),
          merchantData: { name: 'Removals Ltd', mccCode: 4214, phoneNumber: '+14105556789' },
          referenceId: 'move-42',
        },
        big: {
          accountId,
          amountCents: 99_000_000,
          effectiveAt: new Date().toISOString(),
          merchantData: { mccCode: 5712 },
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data?.small.data).toMatchObject({
      accountId,
      lineItem: { type: 'CHARGE', status: 'POSTED', originatingAmount: { minorUnits: 4_250, currency: 'USD' }, merchantData: { name: 'Removals Ltd', mccCode: 4214 } },
      account: { accountId },
    });
    expect(data?.big.data.lineItem.status).toBe('DECLINED');
    expect(data?.big.data.account.summary.totalBalance.minorUnits).toBe(before.data?.account.summary.totalBalance.minorUnits + 4_250);
  });

  it('answers a charge Canopy recorded with an empty 204 as created, AUTHORIZED as the guide sets it, and a retry with its id charges once', async () => {
    const accountId = accountOf(2);
    const before = state().lineItemsOf(accountId).length;
    const CHARGE = `mutation ($input: CreateChargeInput!) { createCharge(input: $input) { ${RESULT} ... on MutationCreateChargeSuccess { data { lineItemId lineItem { status } } } } }`;
    const input = { accountId, amountCents: 1_500, effectiveAt: new Date().toISOString(), status: 'AUTHORIZED', merchantData: { mccCode: 5411 } };
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-servicing', endpoint: 'POST /accounts/:account_id/line_items/charges', status: 204, afterApplying: true, times: 1 });
    const first = await gateway.graphql(CHARGE, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data?.createCharge.data.lineItem).toEqual({ status: 'AUTHORIZED' });
    const { lineItemId } = first.data?.createCharge.data;

    const again = await gateway.graphql(CHARGE, { input: { ...input, lineItemId } });
    expect(again.data?.createCharge.data).toEqual({ lineItemId, lineItem: { status: 'AUTHORIZED' } });
    expect(state().lineItemsOf(accountId)).toHaveLength(before + 1);
  });

  it('records a charge and a loan with no date as taking effect when the gateway sends them', async () => {
    const accountId = accountOf(3);
    const sent = Date.now();
    const { data, errors } = await gateway.graphql(
      `mutation ($charge: CreateChargeInput!, $loan: CreateLoanInput!) {
        createCharge(input: $charge) { ${RESULT} ... on MutationCreateChargeSuccess { data { lineItemId } } }
        createLoan(input: $loan) { ${RESULT} ... on MutationCreateLoanSuccess { data { lineItemId } } }
      }`,
      { charge: { accountId, amountCents: 700, merchantData: { mccCode: 5411 } }, loan: { accountId, originalAmountCents: 30_000 } },
    );
    const answered = Date.now();
    expect(errors).toBeUndefined();
    for (const result of [data?.createCharge, data?.createLoan]) {
      expect(result.__typename).toMatch(/Success$/);
      const item = state().lineItemsOf(accountId).find((candidate) => candidate.lineItemId === result.data.lineItemId)!;
      // Canopy's date-times carry whole seconds.
      expect(item.effectiveAt.getTime()).toBeGreaterThanOrEqual(Math.floor(sent / 1_000) * 1_000);
      expect(item.effectiveAt.getTime()).toBeLessThanOrEqual(answered);
    }
  });

  it('reads back the original amount of a charge and a loan (the guide’s original_amount_cents), and none on a payment', async () => {
    const accountId = accountOf(4);
    const AMOUNTS = `lineItem { type originatingAmount { minorUnits } originalAmount { minorUnits currency } }`;
    const { data, errors } = await gateway.graphql(
      `mutation ($charge: CreateChargeInput!, $loan: CreateLoanInput!, $payment: CreatePaymentInput!) {
        createCharge(input: $charge) { ${RESULT} ... on MutationCreateChargeSuccess { data { ${AMOUNTS} } } }
        createLoan(input: $loan) { ${RESULT} ... on MutationCreateLoanSuccess { data { ${AMOUNTS} } } }
        createPayment(input: $payment) { ${RESULT} ... on MutationCreatePaymentSuccess { data { ${AMOUNTS} } } }
      }`,
      {
        charge: { accountId, amountCents: 1_250, merchantData: { mccCode: 5411 } },
        loan: { accountId, originalAmountCents: 45_000 },
        payment: { accountId, amountCents: 300 },
      },
    );
    expect(errors).toBeUndefined();
    expect(data?.createCharge.data.lineItem).toEqual({ type: 'CHARGE', originatingAmount: { minorUnits: 1_250 }, originalAmount: { minorUnits: 1_250, currency: 'USD' } });
    expect(data?.createLoan.data.lineItem).toEqual({ type: 'LOAN', originatingAmount: { minorUnits: 45_000 }, originalAmount: { minorUnits: 45_000, currency: 'USD' } });
    expect(data?.createPayment.data.lineItem).toEqual({ type: 'PAYMENT', originatingAmount: { minorUnits: 300 }, originalAmount: null });
  });

  it('records a payment and a loan', async () => {
    const accountId = accountOf(1);
    const { data, errors } = await gateway.graphql(
      `mutation ($payment: CreatePaymentInput!, $loan: CreateLoanInput!) {
        createPayment(input: $payment) { ${RESULT} ... on MutationCreatePaymentSuccess { data { ${LINE_ITEM} } } }
        createLoan(input: $loan) { ${RESULT} ... on MutationCreateLoanSuccess { data { ${LINE_ITEM} } } }
      }`,
      {
        payment: { accountId, amountCents: 1_000, referenceId: 'pay-1' },
        loan: {
          accountId,
          lineItemId: 'loan-second-1',
          originalAmountCents: 60_000,
          effectiveAt: new Date(Date.now() - DAY_MS).toISOString(),
          amortisationLength: 6,
          interestPercent: 36,
          isLimitedToLoanDuration: true,
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data?.createPayment.data.lineItem).toMatchObject({ type: 'PAYMENT', status: 'SUCCESSFUL', originatingAmount: { minorUnits: 1_000 } });
    expect(data?.createLoan.data).toMatchObject({ lineItemId: 'loan-second-1', lineItem: { type: 'LOAN', originatingAmount: { minorUnits: 60_000 } } });
    const loan = state().lineItemsOf(accountId).find((item) => item.lineItemId === 'loan-second-1');
    expect(loan?.rate).toBe(36);
  });

  it('disputes a line item, and answers the same dispute again', async () => {
    const accountId = accountOf(2);
    const item = state().lineItemsOf(accountId).find((candidate) => candidate.type === 'charge')!;
    const DISPUTE = `mutation ($input: DisputeLineItemInput!) { disputeLineItem(input: $input) { ${RESULT}
      ... on MutationDisputeLineItemSuccess { data { disputeId accountId lineItemId lineItem { disputeId } account { accountId } } } } }`;
    const first = await gateway.graphql(DISPUTE, { input: { accountId, lineItemId: item.lineItemId } });
    expect(first.errors).toBeUndefined();
    const dispute = first.data?.disputeLineItem.data;
    expect(dispute).toMatchObject({ accountId, lineItemId: item.lineItemId, lineItem: { disputeId: dispute.disputeId }, account: { accountId } });
    const again = await gateway.graphql(DISPUTE, { input: { accountId, lineItemId: item.lineItemId } });
    expect(again.data?.disputeLineItem.data.disputeId).toBe(dispute.disputeId);

    const unknown = await gateway.graphql(DISPUTE, { input: { accountId, lineItemId: UNKNOWN } });
    expect(unknown.data?.disputeLineItem).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND', vendorMessage: 'Line item not found' });
  });

  it('answers a charge on an unknown account as a VendorError result', async () => {
    const { data } = await gateway.graphql(`mutation ($input: CreateChargeInput!) { createCharge(input: $input) { ${RESULT} } }`, {
      input: { accountId: UNKNOWN, amountCents: 100, effectiveAt: new Date().toISOString(), merchantData: { mccCode: 5411 } },
    });
    expect(data?.createCharge).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND', vendorMessage: 'Account not found' });
  });
});

describe('customers', () => {
  const CREATE = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { ${RESULT}
    ... on MutationCreateCustomerSuccess { data { customerId firstName lastName phoneNumber zip countryCode email dateOfBirth
      businessDetails { legalName doingBusinessAs ein } accounts { accountId } } } } }`;

  const miriam = {
    customerId: '0x1234',
    namePrefix: 'Dr.',
    firstName: 'Miriam',
    middleName: 'Louise',
    lastName: 'Trevino',
    phoneNumber: '+14105556789',
    addressLineOne: '12 Strawberry Road',
    addressLineTwo: 'Suite 101',
    city: 'Atlanta',
    state: 'GA',
    zip: '99999-1000',
    countryCode: 'US',
    email: 'Miriam.Trevino@example.com',
    dateOfBirth: '1985-06-20',
    businessDetails: { legalName: 'Umbrella Corporation', doingBusinessAs: 'Umbrella', ein: '888-88-8888' },
  };

  it('creates a customer, assigns it to accounts and links its e-mail to each', async () => {
    const accounts = [accountOf(3), accountOf(4)];
    const { data, errors } = await gateway.graphql(CREATE, {
      input: {
        ...miriam,
        assignToAccounts: [
          { accountId: accounts[0], role: 'PRIMARY', customerAccountExternalId: '4465220133024156' },
          {
            accountId: encodeGlobalID('Account', accounts[1]!),
            role: 'SECONDARY',
            issuerProcessorConfig: {
              spendLimitCents: 8_000_000,
              lithic: { memo: 'College card', type: 'MERCHANT_LOCKED', state: 'OPEN', cardProgramToken: 'a5e38341-cc95-4a9b-a21c-751aeca67e9c' },
            },
          },
        ],
      },
    });
    expect(errors).toBeUndefined();
    expect(data?.createCustomer.data).toEqual({
      customerId: '0x1234',
      firstName: 'Miriam',
      lastName: 'Trevino',
      phoneNumber: '+14105556789',
      zip: '99999-1000',
      countryCode: 'US',
      email: 'Miriam.Trevino@example.com',
      dateOfBirth: '1985-06-20',
      businessDetails: { legalName: 'Umbrella Corporation', doingBusinessAs: 'Umbrella', ein: '888-88-8888' },
      accounts: accounts.map((accountId) => ({ accountId })),
    });
    const stored = state().customers.get('0x1234')!;
    expect(stored.assignments.map((assignment) => assignment.customer_account_role)).toEqual(['PRIMARY', 'SECONDARY']);
    const [linked] = await gateway.links.idsFor(gateway.agencyId, ['miriam.trevino@example.com'], 'account');
    expect(new Set(linked)).toEqual(new Set(accounts));
  });

  it('answers a customer id already taken as a VendorError result', async () => {
    const { data } = await gateway.graphql(CREATE, { input: { ...miriam, customerId: 'taken-1' } });
    expect(data?.createCustomer.__typename).toBe('MutationCreateCustomerSuccess');
    const again = await gateway.graphql(CREATE, { input: { ...miriam, customerId: 'taken-1' } });
    expect(again.data?.createCustomer).toMatchObject({ __typename: 'VendorError', code: 'BAD_USER_INPUT', status: 422 });
  });
});
