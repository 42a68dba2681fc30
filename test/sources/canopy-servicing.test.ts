import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { CanopyServicingClient } from '../../src/sources/canopy-servicing/client';
import { canopyServicingErrorBody } from '../../src/sources/canopy-servicing/error-body';
import type { ProductInput } from '../../src/sources/canopy-servicing/types';
import { VendorError } from '../../src/sources/vendor-error';
import type { Exchange } from '../../src/sandbox/server';
import { loadContract } from '../helpers/openapi-contract';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

const DAY_MS = 24 * 60 * 60 * 1000;

let sandbox: TestSandbox;
let client: CanopyServicingClient;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await useSandbox({
    people: 12,
    onExchange: (exchange) => {
      if (exchange.vendor === 'canopy-servicing') exchanges.push(exchange);
    },
  });
  client = clientWith(SANDBOX_CREDENTIALS.canopyServicing.token);
});
afterAll(() => sandbox.close());

function clientWith(token: string): CanopyServicingClient {
  return new CanopyServicingClient({
    http: sandbox.http('canopy-servicing', { readErrorBody: canopyServicingErrorBody }),
    token,
  });
}

function state() {
  return sandbox.simulators.canopyServicing.state;
}

function accountOf(index: number): string {
  const email = sandbox.people[index]!.email;
  const id = state().accountIdByEmail.get(email);
  if (!id) throw new Error(`no seeded account for ${email}`);
  return id;
}

async function vendorError(pending: Promise<unknown>): Promise<VendorError> {
  const error = await pending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VendorError);
  return error as VendorError;
}

const completeProduct: ProductInput = {
  name: 'Student Rent Card',
  type: 'credit',
  defaultRate: 5.2,
  defaultCreditLimitCents: 700_000,
  description: 'Card for students renting their first flat',
  basePolicyConfig: {
    minPayPercentage: 20,
    billingCyclePeriod: '1 month',
    billingDueDateInterval: '25 days',
    interestPolicy: { type: 'compound', method: 'average daily balance', dayCalcType: 365, interestCalcTime: new Date('2020-09-20T09:02:28Z') },
    closeOfBusinessAndTimezone: new Date('2020-03-20T09:12:28Z'),
  },
};

describe('products', () => {
  it('lists the seeded products with numbers read from strings and dates as Dates', async () => {
    const products = await client.listProducts();
    const card = products.find((product) => product.name === 'Rent Flex Card');
    expect(card).toBeDefined();
    expect(card!.defaultRate).toBe(19.9);
    expect(card!.defaultCreditLimitCents).toBe(250_000);
    expect(card!.createdAt).toBeInstanceOf(Date);
    expect(card!.type).toBe('credit');
    const policy = card!.policies.basePolicyConfig!;
    expect(policy.minPayPercentage).toBe(20);
    expect(policy.billingCyclePeriod).toBe('1 month');
    expect(policy.billingDueDateInterval).toBe('25 days');
    expect(policy.interestPolicy).toMatchObject({ type: 'compound', method: 'average daily balance', dayCalcType: 365 });
    expect(card!.currentAccountIds).toContain(accountOf(0));
  });

  it('reads the list as of a date: before any product existed it is empty, not an error', async () => {
    const earliest = Math.min(...[...state().products.values()].map((product) => product.createdAt.getTime()));
    expect(await client.listProducts({ effectiveAsOf: new Date(earliest - DAY_MS) })).toEqual([]);
    const draft = [...state().products.values()].find((product) => product.status === 'draft')!;
    const before = await client.listProducts({ effectiveAsOf: new Date(draft.createdAt.getTime() - 1_000) });
    expect(before.map((product) => product.productId)).not.toContain(draft.productId);
  });

  it('gets one product, and 404 as of a date before it was created', async () => {
    const [first] = await client.listProducts();
    const product = await client.getProduct(first!.productId);
    expect(product).toEqual(first);
    const error = await vendorError(client.getProduct(first!.productId, { effectiveAsOf: new Date(product.createdAt!.getTime() - DAY_MS) }));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('creates a complete product live and an incomplete one as a draft', async () => {
    const live = await client.createProduct(completeProduct);
    expect(live).toMatchObject({ name: 'Student Rent Card', status: 'live' });
    const stored = await client.getProduct(live.productId!);
    expect(stored.defaultRate).toBe(5.2);
    expect(stored.policies.basePolicyConfig?.interestPolicy?.interestCalcTime).toEqual(new Date('2020-09-20T09:02:28Z'));

    const draft = await client.createProduct({ name: 'Half-configured card' });
    expect(draft.status).toBe('draft');
  });

  it('updates a draft product, and refuses to update a live one', async () => {
    const draft = await client.createProduct({ name: 'Later card' });
    const updated = await client.updateProduct(draft.productId!, { ...completeProduct, name: 'Later card' });
    expect(updated).toMatchObject({ productId: draft.productId, status: 'live' });
    expect((await client.getProduct(draft.productId!)).defaultCreditLimitCents).toBe(700_000);

    const error = await vendorError(client.updateProduct(draft.productId!, { name: 'Renamed' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.status).toBe(422);
    expect(error.vendorMessage).toMatch(/draft/);
  });

  it('reports a live product asked for without its required fields, per field', async () => {
    const error = await vendorError(client.createProduct({ name: 'Not ready', status: 'live' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fieldErrors).toHaveProperty('status');
  });

  it('deletes a product, which is then gone now but still there as of before', async () => {
    const created = await client.createProduct({ name: 'Short-lived card' });
    const deleted = await client.deleteProduct(created.productId!);
    expect(deleted).toMatchObject({ productId: created.productId, name: 'Short-lived card' });
    expect((await vendorError(client.getProduct(created.productId!))).code).toBe('NOT_FOUND');
  });

  it('summarises a product from its accounts and their balances', async () => {
    const productId = state().accounts.get(accountOf(0))!.productId;
    const summary = await client.getProductSummary(productId);
    const accounts = [...state().accounts.values()].filter((account) => account.productId === productId && !account.deletedAt);
    expect(summary.productId).toBe(productId);
    expect(summary.totalAccountCount).toBe(accounts.length);
    expect(summary.totalCreditIssuedCents).toBe(accounts.reduce((sum, account) => sum + account.creditLimitCents, 0));
    expect(summary.utilizationPercent).toBeGreaterThan(0);
    expect(summary.utilizationPercent).toBeLessThan(100);
    expect(summary.effectiveAsOf).toBeInstanceOf(Date);

    const beforeAccounts = await client.getProductSummary(productId, { effectiveAsOf: new Date(accounts[0]!.createdAt.getTime() - DAY_MS) });
    expect(beforeAccounts).toMatchObject({ totalAccountCount: 0, totalCreditIssuedCents: 0, utilizationPercent: 0 });
  });
});

describe('accounts', () => {
  it('pages through accounts in creation order with the total across pages', async () => {
    const first = await client.listAccounts({ offset: 0, limit: 5 });
    const second = await client.listAccounts({ offset: 5, limit: 5 });
    expect(first.accounts).toHaveLength(5);
    expect(first.totalCount).toBeGreaterThanOrEqual(12);
    expect(second.totalCount).toBe(first.totalCount);
    expect(first.accounts[0]!.accountId).toBe(accountOf(0));
    expect(second.accounts[0]!.accountId).toBe(accountOf(5));
    const past = await client.listAccounts({ offset: first.totalCount });
    expect(past).toEqual({ accounts: [], totalCount: first.totalCount });
  });

  it('gets an account with its limit in cents and its rate as numbers', async () => {
    const account = await client.getAccount(accountOf(1));
    const seeded = state().accounts.get(accountOf(1))!;
    expect(account.creditLimitCents).toBe(seeded.creditLimitCents);
    expect(Number.isInteger(account.creditLimitCents)).toBe(true);
    expect(account.rate).toBe(seeded.rate);
    expect(account.status).toBe('active');
    expect(account.effectiveAt).toEqual(seeded.effectiveAt);
    expect(account.externalAccountIds).toContainEqual({ name: 'Rentgraph Tenant', id: sandbox.people[1]!.email });
  });

  it('shows the suspended account with its subtype', async () => {
    const account = await client.getAccount(accountOf(7));
    expect(account).toMatchObject({ status: 'suspended', statusSubtype: 'suspended-bankruptcy' });
  });

  it('creates an account with the product defaults, updates and deletes it', async () => {
    const product = await client.createProduct({ ...completeProduct, name: 'Account test card' });
    const account = await client.createAccount({ productId: product.productId!, externalIds: [{ name: 'CRM', id: 'tenant-42' }] });
    expect(account).toMatchObject({ productId: product.productId, status: 'active', creditLimitCents: 700_000, rate: 5.2 });
    expect(account.statusSubtype).toBeUndefined();
    expect(account.createdAt).toBeInstanceOf(Date);

    await client.updateAccount(account.accountId, { creditLimitCents: 900_000, rate: 7.5 });
    expect(await client.getAccount(account.accountId)).toMatchObject({ creditLimitCents: 900_000, rate: 7.5 });

    await client.deleteAccount(account.accountId);
    const error = await vendorError(client.getAccount(account.accountId));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, vendorMessage: 'Account not found' });
  });

  it('reports invalid account input (a 405 at Canopy) as bad input with the field at fault', async () => {
    const draft = await client.createProduct({ name: 'Draft for accounts' });
    const error = await vendorError(client.createAccount({ productId: draft.productId! }));
    expect(error.status).toBe(405);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fieldErrors?.product_id).toMatch(/not live/);

    const update = await vendorError(client.updateAccount(accountOf(2), { creditLimitCents: -5 }));
    expect(update.code).toBe('BAD_USER_INPUT');
    expect(update.fieldErrors).toHaveProperty('credit_limit_cents');
  });
});

describe('line items', () => {
  it('lists line items by effective date with the total the query matches', async () => {
    const page = await client.listLineItems(accountOf(0), { limit: 3 });
    const seeded = state().lineItemsOf(accountOf(0)).filter((item) => item.effectiveAt <= new Date());
    expect(page.lineItems).toHaveLength(3);
    expect(page.totalCount).toBe(seeded.length);
    const dates = page.lineItems.map((item) => item.effectiveAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const next = await client.listLineItems(accountOf(0), { offset: 3, limit: 3 });
    expect(next.lineItems[0]!.lineItemId).toBe(seeded[3]!.lineItemId);
    expect(await client.listLineItems(accountOf(0), { offset: 10_000 })).toEqual({ lineItems: [], totalCount: null });
  });

  it('filters by type, and keeps types the reference does not list verbatim', async () => {
    const charges = await client.listLineItems(accountOf(0), { type: 'charge' });
    expect(charges.lineItems.length).toBeGreaterThan(0);
    expect(charges.lineItems.every((item) => item.type === 'charge')).toBe(true);
    const payments = await client.listLineItems(accountOf(0), { type: 'payment' });
    expect(payments.lineItems.every((item) => item.type === 'payment')).toBe(true);
    const all = await client.listLineItems(accountOf(0));
    expect(charges.totalCount! + payments.totalCount!).toBeLessThan(all.totalCount!);
    expect(all.lineItems.map((item) => item.type)).toContain('interest');
    expect(all.lineItems.map((item) => item.type)).toContain('loan');
    const charge = charges.lineItems[0]!;
    expect(Number.isInteger(charge.originatingAmountCents)).toBe(true);
    expect(charge.merchantData?.mccCode).toEqual(expect.any(Number));
  });

  it('sees only what was effective as of the date', async () => {
    const cuts = (await client.listStatements(accountOf(0))).statements;
    const asOf = cuts[1]!.billingCycleEnd!;
    const page = await client.listLineItems(accountOf(0), { effectiveAsOf: asOf });
    const now = await client.listLineItems(accountOf(0));
    expect(page.totalCount).toBeLessThan(now.totalCount!);
    expect(page.lineItems.every((item) => item.effectiveAt <= asOf)).toBe(true);
  });

  it('opens a dispute on a line item, which the line item then names', async () => {
    const [item] = (await client.listLineItems(accountOf(3), { type: 'charge', limit: 1 })).lineItems;
    const dispute = await client.disputeLineItem(accountOf(3), item!.lineItemId);
    expect(dispute).toMatchObject({ accountId: accountOf(3), lineItemId: item!.lineItemId });
    const [after] = (await client.listLineItems(accountOf(3), { type: 'charge', limit: 1 })).lineItems;
    expect(after!.disputeId).toBe(dispute.disputeId);
    const error = await vendorError(client.disputeLineItem(accountOf(3), '00000000-0000-4000-8000-000000000000'));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('moves balances and summaries with charges, payments and loans, from their effective date on', async () => {
    const accountId = accountOf(4);
    const before = await client.getAccountSummary(accountId);
    const charge = await client.createCharge(accountId, {
      amountCents: 12_345,
      effectiveAt: new Date(),
      rate: 15.5,
      merchantData: { name: 'Removal Van Co', id: 'm-1', mccCode: 4214, phoneNumber: '+441619990000' },
      referenceId: 'charge-ref-1',
    });
    expect(charge.lineItemId).toMatch(/^[0-9a-f-]{36}$/);
    const afterCharge = await client.getAccountSummary(accountId);
    expect(afterCharge.totalBalanceCents).toBe(before.totalBalanceCents + 12_345);
    expect(afterCharge.availableCreditCents).toBe(before.availableCreditCents - 12_345);

    await client.createPayment(accountId, { amountCents: 2_345, effectiveAt: new Date(), referenceId: 'payment-ref-1' });
    await client.createLoan(accountId, {
      originalAmountCents: 60_000,
      effectiveAt: new Date(),
      amortisationLength: 6,
      interestPolicy: { interestPercent: 36, isLimitedToLoanDuration: true },
    });
    const after = await client.getAccountSummary(accountId);
    expect(after.totalBalanceCents).toBe(before.totalBalanceCents + 12_345 - 2_345 + 60_000);
    expect(after.effectiveAsOf).toBeInstanceOf(Date);

    const past = await client.getAccountSummary(accountId, { effectiveAsOf: new Date(Date.now() - 60_000) });
    expect(past.totalBalanceCents).toBe(before.totalBalanceCents);

    const product = state().accounts.get(accountId)!.productId;
    const productNow = await client.getProductSummary(product);
    const productBefore = await client.getProductSummary(product, { effectiveAsOf: new Date(Date.now() - 60_000) });
    expect(productNow.utilizationPercent).toBeGreaterThan(productBefore.utilizationPercent);
  });

  it('records a charge the account cannot carry as declined, leaving the balance alone', async () => {
    const accountId = accountOf(6);
    const before = await client.getAccountSummary(accountId);
    const { lineItemId } = await client.createCharge(accountId, {
      amountCents: before.availableCreditCents + 1,
      effectiveAt: new Date(),
      merchantData: { mccCode: 5411 },
    });
    const items = await client.listLineItems(accountId);
    expect(items.lineItems.find((item) => item.lineItemId === lineItemId)?.status).toBe('declined');
    expect((await client.getAccountSummary(accountId)).totalBalanceCents).toBe(before.totalBalanceCents);
  });

  it('refuses an invalid charge with the fields at fault', async () => {
    const error = await vendorError(
      client.createCharge(accountOf(5), { amountCents: 1.5, effectiveAt: new Date(Date.now() - 30 * DAY_MS), merchantData: { mccCode: 5411 } }),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', status: 422, vendorMessage: 'Invalid input' });
    // The amount goes under both of its documented names, so both are at fault.
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['amount_cents', 'effective_at', 'original_amount_cents']);
  });
});

describe('statements', () => {
  it('lists at least three closed cycles, each consistent with the line items', async () => {
    const accountId = accountOf(1);
    const list = await client.listStatements(accountId);
    expect(list.accountId).toBe(accountId);
    expect(list.statements.length).toBeGreaterThanOrEqual(3);
    const account = await client.getAccount(accountId);
    for (const statement of list.statements) {
      const atCut = await client.getAccountSummary(accountId, { effectiveAsOf: statement.billingCycleEnd! });
      expect(statement.totalBalanceCents).toBe(atCut.totalBalanceCents);
      expect(statement.availableCreditCents).toBe(Math.max(0, account.creditLimitCents! - atCut.totalBalanceCents));
      const minPay = statement.totalBalanceCents > 0 ? Math.round(statement.totalBalanceCents * 0.1) : 0;
      expect(statement.minPayAmountCents).toBe(minPay);
      expect(statement.minPayDueDate!.getTime()).toBe(statement.billingCycleEnd!.getTime() + 1_000 + 21 * DAY_MS);
    }
    const asOfSecond = await client.listStatements(accountId, { effectiveAsOf: list.statements[1]!.minPayDueDate! });
    expect(asOfSecond.statements.map((statement) => statement.statementId)).toEqual(
      list.statements.slice(0, 2).map((statement) => statement.statementId),
    );
  });

  it('gets the statement as of a date, with the line items of its cycle and their rates', async () => {
    const accountId = accountOf(0);
    const list = await client.listStatements(accountId);
    const second = list.statements[1]!;
    const statement = await client.getStatement(accountId, { effectiveAsOf: new Date(second.billingCycleEnd!.getTime() + 5 * DAY_MS) });
    expect(statement.billingCycleStart).toEqual(second.billingCycleStart);
    expect(statement.totalBalanceCents).toBe(second.totalBalanceCents);
    expect(statement.minPayAmountCents).toBe(second.minPayAmountCents);
    expect(statement.lineItems.length).toBeGreaterThan(0);
    for (const item of statement.lineItems) {
      expect(item.effectiveAt >= second.billingCycleStart! && item.effectiveAt <= second.billingCycleEnd!).toBe(true);
      expect(item.rate).toBe(19.9);
    }
    const latest = await client.getStatement(accountId);
    expect(latest.billingCycleEnd).toEqual(list.statements.at(-1)!.billingCycleEnd);
  });

  it('has no statement before the first cycle closed', async () => {
    const account = await client.getAccount(accountOf(0));
    const error = await vendorError(client.getStatement(accountOf(0), { effectiveAsOf: new Date(account.effectiveAt!.getTime() + DAY_MS) }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('customers', () => {
  it('creates a customer assigned to an account, with business details', async () => {
    const customer = await client.createCustomer({
      customerId: 'tenant-0x1234',
      namePrefix: 'Dr.',
      firstName: 'Miriam',
      lastName: 'Trevino',
      phoneNumber: '+14105556789',
      addressLineOne: '12 Strawberry Road',
      city: 'Atlanta',
      state: 'GA',
      zip: '99999-1000',
      countryCode: 'US',
      email: 'miriam@example.com',
      dateOfBirth: '1985-06-20',
      businessDetails: { legalName: 'Umbrella Corporation', doingBusinessAs: 'Umbrella', ein: '888-88-8888' },
      assignToAccounts: [
        {
          accountId: accountOf(2),
          customerAccountExternalId: '4465220133024156',
          issuerProcessorConfig: { spendLimitCents: 8_000_000, lithic: { memo: 'Primary card', type: 'MERCHANT_LOCKED', state: 'OPEN' } },
        },
      ],
    });
    expect(customer).toMatchObject({ customerId: 'tenant-0x1234', firstName: 'Miriam', zip: '99999-1000', dateOfBirth: '1985-06-20' });
    expect(customer.businessDetails).toEqual({ legalName: 'Umbrella Corporation', doingBusinessAs: 'Umbrella', ein: '888-88-8888' });
    const stored = state().customers.get('tenant-0x1234')!;
    expect(stored.assignments).toEqual([expect.objectContaining({ account_id: accountOf(2), customer_account_role: 'PRIMARY' })]);
  });

  it('generates a customer id that does not start with can_', async () => {
    const customer = await client.createCustomer({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phoneNumber: '+14105550000',
      addressLineOne: '1 Main Street',
      city: 'Boston',
      state: 'MA',
      zip: '02108',
      email: 'ada@example.com',
      dateOfBirth: '1990-12-10',
    });
    expect(customer.customerId).not.toMatch(/^can_/);
    expect(customer.customerId.length).toBeGreaterThan(0);
  });

  it('refuses a customer id starting with can_ and a phone not in E.164, per field', async () => {
    const error = await vendorError(
      client.createCustomer({
        customerId: 'can_123',
        firstName: 'Bad',
        lastName: 'Input',
        phoneNumber: '0161 496 0000',
        addressLineOne: '1 Main Street',
        city: 'Boston',
        state: 'MA',
        zip: '02108',
        email: 'bad@example.com',
        dateOfBirth: '1990-12-10',
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', status: 422 });
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['customer_id', 'phone_number']);
  });
});

describe('errors', () => {
  it('maps an unknown account to NOT_FOUND with the vendor message', async () => {
    const error = await vendorError(client.getAccountSummary('00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, vendorMessage: 'Account not found', vendor: 'canopy-servicing' });
    expect(error.endpoint).toBe('GET /accounts/00000000-0000-4000-8000-000000000000/summaries');
  });

  it('maps a wrong token to UNAUTHENTICATED', async () => {
    const error = await vendorError(clientWith('not-the-token').listProducts());
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, vendorMessage: 'You are not authenticated' });
  });

  it('encodes path parameters', async () => {
    const error = await vendorError(client.getAccount('a/b?c'));
    expect(error.endpoint).toBe('GET /accounts/a%2Fb%3Fc');
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('contract', () => {
  it('sends requests, and gets answers, that agree with the OpenAPI document', () => {
    const contract = loadContract('canopy-servicing');
    expect(exchanges.length).toBeGreaterThan(0);
    expect(exchanges.flatMap((exchange) => contract.check(exchange))).toEqual([]);
    const called = new Set(exchanges.map((exchange) => exchange.endpoint));
    expect([...called].sort()).toEqual(contract.endpoints());
  });
});
