import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import type { Exchange } from '../../src/sandbox/server';
import { loadContract } from '../helpers/openapi-contract';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

type Json = Record<string, unknown>;

const DAY_MS = 24 * 60 * 60 * 1000;
const TOKEN = SANDBOX_CREDENTIALS.canopyServicing.token;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const exchanges: Exchange[] = [];
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await useSandbox({
    people: 12,
    onExchange: (exchange) => {
      if (exchange.vendor === 'canopy-servicing') exchanges.push(exchange);
    },
  });
});
afterAll(() => sandbox.close());

interface CallOptions {
  body?: unknown;
  /** `null` sends no Authorization header. */
  authorization?: string | null;
}

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the vendor's JSON, read field by field in assertions
}

async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const authorization = options.authorization === undefined ? `Bearer ${TOKEN}` : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(sandbox.baseUrls['canopy-servicing'] + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

function state() {
  return sandbox.simulators.canopyServicing.state;
}

function accountOf(index: number): string {
  return state().accountIdByEmail.get(sandbox.people[index]!.email)!;
}

function liveProductId(): string {
  return [...state().products.values()].find((product) => product.status === 'live')!.productId;
}

function draftProductId(): string {
  return [...state().products.values()].find((product) => product.status === 'draft')!.productId;
}

const iso = (date: Date) => date.toISOString();

const fullProduct = {
  name: 'Blue Cash Express',
  type: 'credit',
  default_rate: '5.2',
  default_credit_limit_cents: '700000',
  description: 'Consumer credit card',
  policies: {
    base_policy_config: {
      min_pay: { percentage: '20' },
      billing_cycle: { period: '1 month', billing_due_date_interval: '25 days' },
      interest_policies: { type: 'compound', method: 'average daily balance', day_calc_type: '365', interest_calc_time: '2020-09-20T09:02:28Z' },
      close_of_business_and_timezone: '2020-03-20T09:12:28Z',
    },
  },
};

function withPolicy(change: (config: Json) => void): Json {
  const product = structuredClone(fullProduct) as Json;
  change((product.policies as Json).base_policy_config as Json);
  return product;
}

const charge = () => ({
  amount_cents: '200',
  effective_at: iso(new Date()),
  rate: '15.5%',
  merchant_data: { name: 'Removal Van Co', id: 'm-1', mcc_code: 42.0, phone_number: '+14105556789' },
  reference_id: 'e39c6b0d-5793-49c5-bee7-a2dbf8808f3a',
  external_ids: [{ name: 'Globex Card Processing', id: '22445702-a389-431f-927d-07b8d0750787' }],
});

const customer = (): Json => ({
  name_first: 'Miriam',
  name_last: 'Trevino',
  phone_number: '+14105556789',
  address_line_one: '12 Strawberry Road',
  address_city: 'Atlanta',
  address_state: 'GA',
  address_zip: '99999-1000',
  address_country_code: 'US',
  email: 'marissa@protonmail.com',
  date_of_birth: '1985-06-20',
});

const assignment = (changes: Json = {}): Json => ({
  account_id: accountOf(0),
  customer_account_role: 'PRIMARY',
  customer_account_issuer_processor_config: {
    spend_limit: 8_000_000,
    lithic: { memo: 'Card', type: 'MERCHANT_LOCKED', state: 'OPEN', card_program_token: 'a5e38341-cc95-4a9b-a21c-751aeca67e9c' },
  },
  ...changes,
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong token', 'Bearer wrong-token'],
    ['the token without the Bearer scheme', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
  ])('refuses %s with 401 in the vendor error shape', async (_, authorization) => {
    const response = await call('GET', '/products', { authorization });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'You are not authenticated' });
  });

  it('refuses before looking at the body or the ids', async () => {
    expect((await call('POST', `/accounts/${UNKNOWN}/line_items/charges`, { authorization: null, body: {} })).status).toBe(401);
  });
});

describe('unknown ids', () => {
  const lineItemOf = () => state().lineItemsOf(accountOf(0))[0]!.lineItemId;
  it.each([
    ['GET', `/products/${UNKNOWN}`, 'No Products found'],
    ['PUT', `/products/${UNKNOWN}`, 'No Products found'],
    ['DELETE', `/products/${UNKNOWN}`, 'No Products found'],
    ['GET', `/products/${UNKNOWN}/summaries`, 'No Products found'],
    ['GET', `/accounts/${UNKNOWN}`, 'Account not found'],
    ['PUT', `/accounts/${UNKNOWN}`, 'Account not found'],
    ['DELETE', `/accounts/${UNKNOWN}`, 'Account not found'],
    ['GET', `/accounts/${UNKNOWN}/line_items`, 'Account not found'],
    ['GET', `/accounts/${UNKNOWN}/summaries`, 'Account not found'],
    ['GET', `/accounts/${UNKNOWN}/statements_list`, 'Account not found'],
    ['GET', `/accounts/${UNKNOWN}/statements`, 'Account not found'],
    ['POST', `/accounts/${UNKNOWN}/line_items/charges`, 'Account not found'],
    ['POST', `/accounts/${UNKNOWN}/line_items/payments`, 'Account not found'],
    ['POST', `/accounts/${UNKNOWN}/line_items/loans`, 'Account not found'],
    ['POST', `/accounts/${UNKNOWN}/line_items/${UNKNOWN}/disputes`, 'Account not found'],
  ])('%s %s → 404', async (method, path, message) => {
    const response = await call(method, path, { body: method === 'PUT' ? { name: 'x' } : undefined });
    expect(response).toEqual({ status: 404, body: { message } });
  });

  it('answers 404 for a line item of another account', async () => {
    const response = await call('POST', `/accounts/${accountOf(1)}/line_items/${lineItemOf()}/disputes`);
    expect(response).toEqual({ status: 404, body: { message: 'Line item not found' } });
  });
});

/** [what, method, path, body, status, field at fault] */
type BodyRule = [string, string, () => string, () => unknown, number, string];

const bodyRules: BodyRule[] = [
  // POST /products (422)
  ['product without name', 'POST', () => '/products', () => ({ ...fullProduct, name: undefined }), 422, 'name'],
  ['product with an unknown type', 'POST', () => '/products', () => ({ ...fullProduct, type: 'debit' }), 422, 'type'],
  ['product with an unknown status', 'POST', () => '/products', () => ({ ...fullProduct, status: 'active' }), 422, 'status'],
  ['product live without its required fields', 'POST', () => '/products', () => ({ name: 'x', status: 'live' }), 422, 'status'],
  ['product with a non-numeric default_rate', 'POST', () => '/products', () => ({ ...fullProduct, default_rate: 'high' }), 422, 'default_rate'],
  ['product with a fractional credit limit', 'POST', () => '/products', () => ({ ...fullProduct, default_credit_limit_cents: 12.5 }), 422, 'default_credit_limit_cents'],
  ['min pay above 100%', 'POST', () => '/products', () => withPolicy((c) => (c.min_pay = { percentage: 150 })), 422, 'policies.base_policy_config.min_pay.percentage'],
  ['a period that is not an interval', 'POST', () => '/products', () => withPolicy((c) => (c.billing_cycle = { period: 'monthly', billing_due_date_interval: '25 days' })), 422, 'policies.base_policy_config.billing_cycle.period'],
  ['a due date past the next cycle', 'POST', () => '/products', () => withPolicy((c) => (c.billing_cycle = { period: '1 month', billing_due_date_interval: '40 days' })), 422, 'policies.base_policy_config.billing_cycle.billing_due_date_interval'],
  ['an unknown interest type', 'POST', () => '/products', () => withPolicy((c) => ((c.interest_policies as Json).type = 'simple')), 422, 'policies.base_policy_config.interest_policies.type'],
  ['an unknown interest method', 'POST', () => '/products', () => withPolicy((c) => ((c.interest_policies as Json).method = 'daily')), 422, 'policies.base_policy_config.interest_policies.method'],
  ['an unknown day_calc_type', 'POST', () => '/products', () => withPolicy((c) => ((c.interest_policies as Json).day_calc_type = 360)), 422, 'policies.base_policy_config.interest_policies.day_calc_type'],
  ['an interest_calc_time that is no date-time', 'POST', () => '/products', () => withPolicy((c) => ((c.interest_policies as Json).interest_calc_time = 'yesterday')), 422, 'policies.base_policy_config.interest_policies.interest_calc_time'],
  ['a close of business that is no date-time', 'POST', () => '/products', () => withPolicy((c) => (c.close_of_business_and_timezone = '09:00')), 422, 'policies.base_policy_config.close_of_business_and_timezone'],
  // PUT /products/{id} (422)
  ['updating a live product', 'PUT', () => `/products/${liveProductId()}`, () => fullProduct, 422, 'product_id'],
  ['updating a draft without name', 'PUT', () => `/products/${draftProductId()}`, () => ({ description: 'x' }), 422, 'name'],
  // POST /accounts (405)
  ['account without product_id', 'POST', () => '/accounts', () => ({ rate: '6.2' }), 405, 'product_id'],
  ['account with a product_id that is no UUID', 'POST', () => '/accounts', () => ({ product_id: 'card-1' }), 405, 'product_id'],
  ['account on an unknown product', 'POST', () => '/accounts', () => ({ product_id: UNKNOWN }), 405, 'product_id'],
  ['account on a draft product', 'POST', () => '/accounts', () => ({ product_id: draftProductId() }), 405, 'product_id'],
  ['account with a fractional credit limit', 'POST', () => '/accounts', () => ({ product_id: liveProductId(), credit_limit_cents: '4000.5' }), 405, 'credit_limit_cents'],
  ['account with a non-numeric rate', 'POST', () => '/accounts', () => ({ product_id: liveProductId(), rate: 'six' }), 405, 'rate'],
  ['account with external_ids not a list', 'POST', () => '/accounts', () => ({ product_id: liveProductId(), external_ids: 'x' }), 405, 'external_ids'],
  // PUT /accounts/{id} (405)
  ['account update with a negative credit limit', 'PUT', () => `/accounts/${accountOf(2)}`, () => ({ credit_limit_cents: -1 }), 405, 'credit_limit_cents'],
  ['account update with a non-numeric rate', 'PUT', () => `/accounts/${accountOf(2)}`, () => ({ rate: 'x' }), 405, 'rate'],
  // POST charges (422)
  ['charge without amount', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), amount_cents: undefined }), 422, 'amount_cents'],
  ['charge with a fractional amount', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), amount_cents: 12.5 }), 422, 'amount_cents'],
  ['charge of zero', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), amount_cents: 0 }), 422, 'amount_cents'],
  ['charge without effective_at', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), effective_at: undefined }), 422, 'effective_at'],
  ['charge with effective_at no date-time', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), effective_at: '20/07/2020' }), 422, 'effective_at'],
  ['charge effective more than 10 days ago', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), effective_at: iso(new Date(Date.now() - 11 * DAY_MS)) }), 422, 'effective_at'],
  ['charge with a non-numeric rate', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), rate: 'lots' }), 422, 'rate'],
  ['charge without merchant_data', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), merchant_data: undefined }), 422, 'merchant_data'],
  ['charge without mcc_code', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), merchant_data: { name: 'x' } }), 422, 'merchant_data.mcc_code'],
  ['charge with a merchant phone that is no number', 'POST', () => `/accounts/${accountOf(0)}/line_items/charges`, () => ({ ...charge(), merchant_data: { mcc_code: 42, phone_number: 'call us' } }), 422, 'merchant_data.phone_number'],
  // POST payments (422)
  ['payment without amount', 'POST', () => `/accounts/${accountOf(0)}/line_items/payments`, () => ({ effective_at: iso(new Date()) }), 422, 'amount_cents'],
  ['payment with a fractional amount', 'POST', () => `/accounts/${accountOf(0)}/line_items/payments`, () => ({ amount_cents: '1.5' }), 422, 'amount_cents'],
  ['payment with effective_at no date-time', 'POST', () => `/accounts/${accountOf(0)}/line_items/payments`, () => ({ amount_cents: 100, effective_at: 'now' }), 422, 'effective_at'],
  ['payment effective more than 10 days ago', 'POST', () => `/accounts/${accountOf(0)}/line_items/payments`, () => ({ amount_cents: 100, effective_at: iso(new Date(Date.now() - 20 * DAY_MS)) }), 422, 'effective_at'],
  // POST loans (422)
  ['loan without amount', 'POST', () => `/accounts/${accountOf(0)}/line_items/loans`, () => ({ effective_at: iso(new Date()) }), 422, 'original_amount_cents'],
  ['loan without effective_at', 'POST', () => `/accounts/${accountOf(0)}/line_items/loans`, () => ({ original_amount_cents: 600000 }), 422, 'effective_at'],
  ['loan with am_len below 1', 'POST', () => `/accounts/${accountOf(0)}/line_items/loans`, () => ({ original_amount_cents: 600000, effective_at: iso(new Date()), am_len: 0 }), 422, 'am_len'],
  ['loan with a non-numeric interest', 'POST', () => `/accounts/${accountOf(0)}/line_items/loans`, () => ({ original_amount_cents: 600000, effective_at: iso(new Date()), interest_policies: { interest_percent: 'x' } }), 422, 'interest_policies.interest_percent'],
  ['loan with a non-boolean duration limit', 'POST', () => `/accounts/${accountOf(0)}/line_items/loans`, () => ({ original_amount_cents: 600000, effective_at: iso(new Date()), interest_policies: { is_limited_to_loan_duration: 'yes' } }), 422, 'interest_policies.is_limited_to_loan_duration'],
  ['loan reusing a line item id', 'POST', () => `/accounts/${accountOf(0)}/line_items/loans`, () => ({ line_item_id: state().lineItemsOf(accountOf(0))[0]!.lineItemId, original_amount_cents: 600000, effective_at: iso(new Date()) }), 422, 'line_item_id'],
  // POST /customers (422)
  ...(['name_first', 'name_last', 'phone_number', 'address_line_one', 'address_city', 'address_state', 'address_zip', 'email', 'date_of_birth'].map(
    (field): BodyRule => [`customer without ${field}`, 'POST', () => '/customers', () => ({ ...customer(), [field]: undefined }), 422, field],
  )),
  ['customer_id starting with can_', 'POST', () => '/customers', () => ({ ...customer(), customer_id: 'can_1234' }), 422, 'customer_id'],
  ['customer_id already used', 'POST', () => '/customers', () => ({ ...customer(), customer_id: [...state().customers.keys()][0] }), 422, 'customer_id'],
  ['phone not in E.164', 'POST', () => '/customers', () => ({ ...customer(), phone_number: '07700 900123' }), 422, 'phone_number'],
  ['a UK postcode as ZIP', 'POST', () => '/customers', () => ({ ...customer(), address_zip: 'M1 1AE' }), 422, 'address_zip'],
  ['a four digit ZIP', 'POST', () => '/customers', () => ({ ...customer(), address_zip: '1234' }), 422, 'address_zip'],
  ['a country code not in the list', 'POST', () => '/customers', () => ({ ...customer(), address_country_code: 'UK' }), 422, 'address_country_code'],
  ['an email without a domain', 'POST', () => '/customers', () => ({ ...customer(), email: 'marissa@' }), 422, 'email'],
  ['a date of birth that does not exist', 'POST', () => '/customers', () => ({ ...customer(), date_of_birth: '1990-02-30' }), 422, 'date_of_birth'],
  ['a date of birth not in ISO 8601', 'POST', () => '/customers', () => ({ ...customer(), date_of_birth: '20/06/1985' }), 422, 'date_of_birth'],
  ['business details without doing_business_as', 'POST', () => '/customers', () => ({ ...customer(), business_details: { business_ein: '888-88-8888' } }), 422, 'business_details.doing_business_as'],
  ['business details without business_ein', 'POST', () => '/customers', () => ({ ...customer(), business_details: { doing_business_as: 'Umbrella' } }), 422, 'business_details.business_ein'],
  ['more than 100 accounts to assign', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: Array.from({ length: 101 }, () => assignment()) }), 422, 'assign_to_accounts'],
  ['an assignment to an unknown account', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: [assignment({ account_id: UNKNOWN })] }), 422, 'assign_to_accounts[0].account_id'],
  ['an assignment without a role', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: [assignment({ customer_account_role: undefined })] }), 422, 'assign_to_accounts[0].customer_account_role'],
  ['an assignment with an unknown role', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: [assignment({ customer_account_role: 'OWNER' })] }), 422, 'assign_to_accounts[0].customer_account_role'],
  ['a spend limit below 1', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: [assignment({ customer_account_issuer_processor_config: { spend_limit: 0 } })] }), 422, 'assign_to_accounts[0].customer_account_issuer_processor_config.spend_limit'],
  ['an unknown Lithic card type', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: [assignment({ customer_account_issuer_processor_config: { lithic: { type: 'REUSABLE' } } })] }), 422, 'assign_to_accounts[0].customer_account_issuer_processor_config.lithic.type'],
  ['an unknown Lithic card state', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: [assignment({ customer_account_issuer_processor_config: { lithic: { state: 'CLOSED' } } })] }), 422, 'assign_to_accounts[0].customer_account_issuer_processor_config.lithic.state'],
  ['a card program token that is no UUID', 'POST', () => '/customers', () => ({ ...customer(), assign_to_accounts: [assignment({ customer_account_issuer_processor_config: { lithic: { card_program_token: 'abc' } } })] }), 422, 'assign_to_accounts[0].customer_account_issuer_processor_config.lithic.card_program_token'],
];

describe('body rules', () => {
  it.each(bodyRules)('refuses %s', async (_, method, path, body, status, field) => {
    const response = await call(method, path(), { body: body() });
    expect(response.status).toBe(status);
    expect(response.body.message).toEqual(expect.any(String));
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('accepts the reference examples, numbers sent as strings included', async () => {
    const product = await call('POST', '/products', { body: { ...fullProduct, status: 'draft' } });
    expect(product).toEqual({ status: 200, body: { name: 'Blue Cash Express', product_id: expect.any(String), status: 'draft' } });
    const chargeReply = await call('POST', `/accounts/${accountOf(0)}/line_items/charges`, { body: charge() });
    expect(chargeReply).toEqual({ status: 200, body: { line_item_id: expect.any(String) } });
    const account = await call('POST', '/accounts', {
      body: { product_id: liveProductId(), external_ids: [{ name: 'Globex Corporation', id: '22445702' }], credit_limit_cents: '400000', rate: '6.2' },
    });
    expect(account.status).toBe(201);
    expect(account.body).toMatchObject({ account_status: 'active', account_status_subtype: null, credit_limit_cents: '400000', rate: '6.2' });
    const created = await call('POST', '/customers', { body: { ...customer(), customer_id: '0x1234', assign_to_accounts: [assignment()] } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ customer_id: '0x1234', email: 'marissa@protonmail.com' });
    expect(created.body).not.toHaveProperty('assign_to_accounts');
    const exactlyHundred = await call('POST', '/customers', {
      body: { ...customer(), assign_to_accounts: Array.from({ length: 100 }, () => assignment()) },
    });
    expect(exactlyHundred.status).toBe(200);
  });

  it.each([
    ['/products?effective_as_of_date=yesterday', 'effective_as_of_date'],
    ['/accounts?offset=-1', 'offset'],
    ['/accounts?limit=0', 'limit'],
    [`/accounts/ACCOUNT/line_items?line_item_type=charge`, 'line_item_type'],
    [`/accounts/ACCOUNT/statements?effective_as_of_date=2020-13-45`, 'effective_as_of_date'],
  ])('refuses the query %s with 400', async (path, field) => {
    const response = await call('GET', path.replace('ACCOUNT', accountOf(0)));
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe(field);
  });
});

describe('replies, quirks included', () => {
  it('sends account amounts and rates as strings and the subtype as null', async () => {
    const { body } = await call('GET', `/accounts/${accountOf(1)}`);
    expect(body.credit_limit_cents).toMatch(/^\d+$/);
    expect(body.rate).toMatch(/^\d+(\.\d+)?$/);
    expect(body.account_status_subtype).toBeNull();
  });

  it('repeats the matching total as a string on every listed line item', async () => {
    const { body } = await call('GET', `/accounts/${accountOf(0)}/line_items?line_item_type=payments&limit=2`);
    const payments = state().lineItemsOf(accountOf(0)).filter((item) => item.type === 'payment' && item.effectiveAt <= new Date());
    expect(body).toHaveLength(2);
    for (const item of body) expect(item.line_item_count).toBe(String(payments.length));
    expect(body[0]).not.toHaveProperty('rate');
  });

  it('writes statement dates with +00:00 and line item rates with %', async () => {
    const { body } = await call('GET', `/accounts/${accountOf(0)}/statements`);
    expect(body.billing_cycle_start_date).toMatch(/\+00:00$/);
    expect(body.min_pay_due_date).toMatch(/\+00:00$/);
    expect(body.total_balance).toMatch(/^-?\d+$/);
    expect(typeof body.min_pay_amount_cents).toBe('number');
    expect(body.line_items[0].rate).toMatch(/%$/);
    expect(body.line_items[0]).not.toHaveProperty('line_item_count');
  });

  it('sends product summaries as strings', async () => {
    const { body } = await call('GET', `/products/${liveProductId()}/summaries`);
    expect(body).toMatchObject({ total_account_count: expect.stringMatching(/^\d+$/), total_credit_issued: expect.stringMatching(/^\d+$/) });
    expect(body.utilization).toMatch(/^\d+(\.\d)?$/);
  });

  it('answers an account update with 201 and no body, and a deletion with 204', async () => {
    const created = await call('POST', '/accounts', { body: { product_id: liveProductId() } });
    expect(await call('PUT', `/accounts/${created.body.account_id}`, { body: { rate: '5.2', credit_limit_cents: '700000' } })).toEqual({
      status: 201,
      body: undefined,
    });
    expect((await call('GET', `/accounts/${created.body.account_id}`)).body).toMatchObject({ rate: '5.2', credit_limit_cents: '700000' });
    expect(await call('DELETE', `/accounts/${created.body.account_id}`)).toEqual({ status: 204, body: undefined });
  });

  it('answers an unknown route and a wrong method in the vendor error shape', async () => {
    expect(await call('GET', '/nowhere')).toEqual({ status: 404, body: { message: 'No route GET /canopy-servicing/nowhere' } });
    const wrongMethod = await call('PATCH', '/products');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body).toEqual({ message: expect.any(String) });
  });
});

describe('seeded data', () => {
  it('has two live products with policies and one draft', () => {
    // Seeded first, before the products other tests create.
    const products = [...state().products.values()].slice(0, 3);
    expect(products.filter((product) => product.status === 'live')).toHaveLength(2);
    expect(products.filter((product) => product.status === 'draft')).toHaveLength(1);
    for (const product of products.filter((candidate) => candidate.status === 'live')) {
      expect(product.policies?.billingCyclePeriod).toBe('1 month');
    }
  });

  it('gives every demo person an account that names their e-mail and a customer assigned to it', async () => {
    for (const person of sandbox.people) {
      const accountId = state().accountIdByEmail.get(person.email)!;
      const { body } = await call('GET', `/accounts/${accountId}`);
      expect(body.external_account_ids).toContainEqual({ name: 'Rentgraph Tenant', id: person.email });
      const seeded = state().customerByEmail(person.email.toUpperCase())!;
      expect(seeded.customer.customer_id).not.toMatch(/^can_/);
      expect(seeded.customer).toMatchObject({ name_first: person.firstName, phone_number: person.phone });
      expect(seeded.assignments).toEqual([{ account_id: accountId, customer_account_role: 'PRIMARY' }]);
    }
  });

  it('seeds the same ids for the same people', async () => {
    const again = await useSandbox({ people: 12 });
    try {
      expect([...again.simulators.canopyServicing.state.accountIdByEmail]).toEqual([...state().accountIdByEmail]);
      expect([...again.simulators.canopyServicing.state.products.keys()]).toEqual([...state().products.keys()].slice(0, 3));
    } finally {
      await again.close();
    }
  });

  it('spreads charges, payments, interest, fees and loans over at least four monthly cycles', async () => {
    const types = new Set(sandbox.people.flatMap((person) => state().lineItemsOf(state().accountIdByEmail.get(person.email)!).map((item) => item.type)));
    expect([...types].sort()).toEqual(['charge', 'fee', 'interest', 'loan', 'payment']);
    const { body } = await call('GET', `/accounts/${accountOf(2)}/statements_list`);
    expect(body.statements_list.length).toBeGreaterThanOrEqual(4);
    const balances = body.statements_list.map((statement: Json) => statement.total_balance);
    expect(new Set(balances).size).toBeGreaterThan(1);
  });

  it('filters line items and statements by effective_as_of_date', async () => {
    const { body: list } = await call('GET', `/accounts/${accountOf(0)}/statements_list`);
    const secondEnd = list.statements_list[1].billing_cycle_end_date as string;
    // A cycle's statement is cut when the next cycle starts, a second after its inclusive end.
    const cut = new Date(new Date(secondEnd).getTime() + 1_000);
    const asOf = encodeURIComponent(cut.toISOString());
    const { body: items } = await call('GET', `/accounts/${accountOf(0)}/line_items?effective_as_of_date=${asOf}`);
    expect(items.length).toBeLessThan(state().lineItemsOf(accountOf(0)).length);
    expect(items.every((item: Json) => new Date(item.effective_at as string) <= cut)).toBe(true);
    const { body: statements } = await call('GET', `/accounts/${accountOf(0)}/statements_list?effective_as_of_date=${asOf}`);
    expect(statements.statements_list).toHaveLength(2);
    const { body: statement } = await call('GET', `/accounts/${accountOf(0)}/statements?effective_as_of_date=${asOf}`);
    expect(statement.billing_cycle_end_date).toBe(secondEnd);
  });
});

describe('contract', () => {
  const contract = loadContract('canopy-servicing');

  it('documents exactly the routes the simulator serves', () => {
    const routes = sandbox.simulators.canopyServicing.routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(contract.endpoints()).toEqual(routes);
  });

  it('agrees with every exchange of this file, and every endpoint was exercised', async () => {
    // The remaining successful calls no other test made.
    const product = await call('POST', '/products', { body: { name: 'Contract card' } });
    await call('PUT', `/products/${product.body.product_id}`, { body: fullProduct });
    await call('GET', `/products/${product.body.product_id}`);
    await call('GET', '/products');
    await call('DELETE', `/products/${product.body.product_id}`);
    await call('GET', '/accounts?offset=2&limit=3');
    await call('GET', `/accounts/${accountOf(3)}/summaries`);
    const [item] = state().lineItemsOf(accountOf(3));
    await call('POST', `/accounts/${accountOf(3)}/line_items/${item!.lineItemId}/disputes`);
    await call('POST', `/accounts/${accountOf(3)}/line_items/payments`, { body: { amount_cents: 500 } });
    await call('POST', `/accounts/${accountOf(3)}/line_items/loans`, {
      body: { line_item_id: 'test-novo-1', original_amount_cents: 600000, effective_at: iso(new Date()), am_len: 6, interest_policies: { interest_percent: 36, is_limited_to_loan_duration: true } },
    });

    const problems = exchanges.flatMap((exchange) => contract.check(exchange));
    expect(problems).toEqual([]);
    const exercised = new Set(exchanges.filter((exchange) => exchange.reply.status < 300).map((exchange) => exchange.endpoint));
    expect([...exercised].sort()).toEqual(contract.endpoints());
  });
});
