import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/sandbox/server';
import { useGateway, type TestGateway } from '../helpers/gateway';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY_MS = 24 * 60 * 60 * 1000;

let gateway: TestGateway;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  gateway = await useGateway({
    sandbox: {
      people: 25,
      onExchange: (exchange) => {
        if (exchange.vendor === 'canopy-servicing') exchanges.push(exchange);
      },
    },
  });
});
afterAll(() => gateway.close());
afterEach(() => {
  gateway.sandbox.knobs.reset();
  gateway.sandbox.calls.reset();
  exchanges.length = 0;
});

function state() {
  return gateway.sandbox.simulators.canopyServicing.state;
}

function accountOf(index: number): string {
  const id = state().accountIdByEmail.get(gateway.sandbox.people[index]!.email);
  if (!id) throw new Error(`no seeded account for person ${index}`);
  return id;
}

function productNamed(name: string): string {
  const product = [...state().products.values()].find((candidate) => candidate.name === name);
  if (!product) throw new Error(`no product ${name}`);
  return product.productId;
}

describe('products', () => {
  it('lists every product with its policies, Money and enums', async () => {
    const { data, errors } = await gateway.graphql(`{
      products {
        id productId name description createdAt type defaultRate currentAccountIds
        defaultCreditLimit { minorUnits currency decimal }
        basePolicyConfig { minPayPercentage billingCyclePeriod billingDueDateInterval closeOfBusinessAndTimezone
          interestPolicy { type method dayCalcType interestCalcTime } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.products.map((product: { name: string }) => product.name)).toEqual(['Rent Flex Card', 'Deposit Bridge Line', 'Moving Costs Loan']);
    const card = data?.products[0];
    expect(card).toMatchObject({
      id: encodeGlobalID('Product', productNamed('Rent Flex Card')),
      productId: productNamed('Rent Flex Card'),
      type: 'CREDIT',
      defaultRate: 19.9,
      defaultCreditLimit: { minorUnits: 250_000, currency: 'USD', decimal: '2500.00' },
      basePolicyConfig: {
        minPayPercentage: 20,
        billingCyclePeriod: '1 month',
        billingDueDateInterval: '25 days',
        interestPolicy: { type: 'COMPOUND', method: 'AVERAGE_DAILY_BALANCE', dayCalcType: '_365' },
      },
    });
    expect(card.currentAccountIds).toHaveLength(13);
    expect(data?.products[2]).toMatchObject({ name: 'Moving Costs Loan', defaultRate: null, defaultCreditLimit: null, basePolicyConfig: null });
    expect(gateway.sandbox.calls.snapshot()).toEqual({ 'canopy-servicing GET /products': 1 });
  });

  it('answers as of a date: before the draft product existed, it is not listed', async () => {
    const draft = state().products.get(productNamed('Moving Costs Loan'))!;
    const asOf = new Date(draft.createdAt.getTime() - DAY_MS).toISOString();
    const { data } = await gateway.graphql(`query ($asOf: DateTime) { products(asOf: $asOf) { name currentAccountIds } }`, { asOf });
    expect(data?.products.map((product: { name: string }) => product.name)).toEqual(['Rent Flex Card', 'Deposit Bridge Line']);
    expect(data?.products[0].currentAccountIds).toEqual([]);
  });

  it('finds a product by vendor id or global id, null when unknown, and refetches it as a node', async () => {
    const productId = productNamed('Deposit Bridge Line');
    const { data, errors } = await gateway.graphql(
      `query ($a: ID!, $b: ID!, $unknown: ID!) {
        a: product(id: $a) { id name }
        b: product(id: $b) { productId }
        unknown: product(id: $unknown) { id }
        node(id: $b) { __typename ... on Product { productId name } }
      }`,
      { a: productId, b: encodeGlobalID('Product', productId), unknown: UNKNOWN },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      a: { id: encodeGlobalID('Product', productId), name: 'Deposit Bridge Line' },
      b: { productId },
      unknown: null,
      node: { __typename: 'Product', productId, name: 'Deposit Bridge Line' },
    });
  });

  it('gives product summaries now and as of a date, and on the product', async () => {
    const productId = productNamed('Rent Flex Card');
    const effectiveAt = state().accounts.get(accountOf(0))!.effectiveAt;
    const { data, errors } = await gateway.graphql(
      `query ($id: ID!, $before: DateTime) {
        now: productSummary(id: $id) { productId totalAccountCount utilizationPercent totalCreditIssued { minorUnits currency } product { name } }
        before: productSummary(id: $id, asOf: $before) { totalAccountCount totalCreditIssued { minorUnits } effectiveAsOf }
        product(id: $id) { summary { totalAccountCount } }
        unknown: productSummary(id: "${UNKNOWN}") { productId }
      }`,
      { id: productId, before: new Date(effectiveAt.getTime() - 1000).toISOString() },
    );
    expect(errors).toBeUndefined();
    const issued = [...state().accounts.values()]
      .filter((account) => account.productId === productId)
      .reduce((sum, account) => sum + account.creditLimitCents, 0);
    expect(data?.now).toMatchObject({ productId, totalAccountCount: 13, totalCreditIssued: { minorUnits: issued, currency: 'USD' } });
    expect(data?.now.utilizationPercent).toBeGreaterThan(0);
    expect(data?.now.product).toEqual({ name: 'Rent Flex Card' });
    expect(data?.before).toMatchObject({ totalAccountCount: 0, totalCreditIssued: { minorUnits: 0 } });
    expect(data?.product.summary.totalAccountCount).toBe(13);
    expect(data?.unknown).toBeNull();
    // The now-summary is asked twice (root and nested) and read once.
    expect(gateway.sandbox.calls.count('canopy-servicing', 'GET /products/:product_id/summaries')).toBe(3);
  });
});

describe('accounts', () => {
  const ACCOUNT_FIELDS = `id accountId status statusSubtype effectiveAt createdAt productId rate
    creditLimit { minorUnits currency decimal } externalAccountIds { name id } product { name }`;

  it('finds an account by vendor id or global id with every field, null when unknown', async () => {
    const accountId = accountOf(7);
    const { data, errors } = await gateway.graphql(
      `query ($a: ID!, $b: ID!) { a: account(id: $a) { ${ACCOUNT_FIELDS} } b: account(id: $b) { accountId } unknown: account(id: "${UNKNOWN}") { id } }`,
      { a: accountId, b: encodeGlobalID('Account', accountId) },
    );
    expect(errors).toBeUndefined();
    expect(data?.a).toMatchObject({
      id: encodeGlobalID('Account', accountId),
      accountId,
      status: 'SUSPENDED',
      statusSubtype: 'suspended-bankruptcy',
      productId: productNamed('Deposit Bridge Line'),
      rate: 9.5,
      creditLimit: { minorUnits: 200_000, currency: 'USD', decimal: '2000.00' },
      externalAccountIds: [{ name: 'Rentgraph Tenant', id: gateway.sandbox.people[7]!.email }],
      product: { name: 'Deposit Bridge Line' },
    });
    expect(data?.b).toEqual({ accountId });
    expect(data?.unknown).toBeNull();
  });

  it('pages through accounts with cursors and totalCount, priming the account loader', async () => {
    const first = await gateway.graphql(`{ accounts(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { accountId } } } }`);
    expect(first.errors).toBeUndefined();
    const page = first.data?.accounts;
    expect(page.totalCount).toBe(25);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.map((edge: { node: { accountId: string } }) => edge.node.accountId)).toEqual(
      Array.from({ length: 10 }, (_, i) => accountOf(i)),
    );
    const rest = await gateway.graphql(`query ($after: String) { accounts(first: 20, after: $after) { totalCount pageInfo { hasNextPage } edges { node { accountId } } } }`, {
      after: page.pageInfo.endCursor,
    });
    expect(rest.data?.accounts.totalCount).toBe(25);
    expect(rest.data?.accounts.pageInfo.hasNextPage).toBe(false);
    expect(rest.data?.accounts.edges.map((edge: { node: { accountId: string } }) => edge.node.accountId)).toEqual(
      Array.from({ length: 15 }, (_, i) => accountOf(10 + i)),
    );
    expect(exchanges.map((exchange) => exchange.request.query.toString())).toEqual(['offset=0&limit=11', 'offset=10&limit=21']);
  });

  it('refetches an account, a line item and a statement through node(id:)', async () => {
    const accountId = accountOf(1);
    const { data } = await gateway.graphql(`query ($id: ID!) { account(id: $id) {
      id lineItems(first: 1) { edges { node { id lineItemId } } } statements { id statementId totalBalance { minorUnits } } } }`, { id: accountId });
    const account = data?.account;
    const item = account.lineItems.edges[0].node;
    const statement = account.statements[1];
    const refetched = await gateway.graphql(
      `query ($a: ID!, $l: ID!, $s: ID!) {
        a: node(id: $a) { ... on Account { accountId } }
        l: node(id: $l) { ... on LineItem { lineItemId accountId } }
        s: node(id: $s) { ... on Statement { statementId totalBalance { minorUnits } lineItems { lineItemId } } }
      }`,
      { a: account.id, l: item.id, s: statement.id },
    );
    expect(refetched.errors).toBeUndefined();
    expect(refetched.data?.a).toEqual({ accountId });
    expect(refetched.data?.l).toEqual({ lineItemId: item.lineItemId, accountId });
    expect(refetched.data?.s).toMatchObject({ statementId: statement.statementId, totalBalance: statement.totalBalance });
    expect(refetched.data?.s.lineItems.length).toBeGreaterThan(0);
  });
});

describe('account figures', () => {
  it('gives the summary now and as of a date, the account’s asOf being the default', async () => {
    const accountId = accountOf(0);
    const account = state().accounts.get(accountId)!;
    const beforeAnything = new Date(account.effectiveAt.getTime() + 60_000).toISOString();
    const { data, errors } = await gateway.graphql(
      `query ($id: ID!, $asOf: DateTime) {
        now: account(id: $id) { summary { accountId totalBalance { minorUnits currency } availableCredit { minorUnits } effectiveAsOf } }
        then: account(id: $id, asOf: $asOf) { summary { totalBalance { minorUnits } availableCredit { minorUnits } effectiveAsOf } }
        mixed: account(id: $id) { summary(asOf: $asOf) { totalBalance { minorUnits } } }
      }`,
      { id: accountId, asOf: beforeAnything },
    );
    expect(errors).toBeUndefined();
    expect(data?.now.summary.totalBalance.minorUnits).toBeGreaterThan(0);
    expect(data?.now.summary.totalBalance.minorUnits + data?.now.summary.availableCredit.minorUnits).toBe(account.creditLimitCents);
    expect(data?.then.summary).toEqual({ totalBalance: { minorUnits: 0 }, availableCredit: { minorUnits: account.creditLimitCents }, effectiveAsOf: beforeAnything });
    expect(data?.mixed.summary.totalBalance.minorUnits).toBe(0);
  });

  it('lists line items as a connection with totalCount, a type filter and asOf, unlisted types as UNLISTED', async () => {
    const accountId = accountOf(0);
    const items = state().lineItemsOf(accountId);
    const { data, errors } = await gateway.graphql(
      `query ($id: ID!) { account(id: $id) {
        all: lineItems(first: 50) { totalCount edges { node { lineItemId type status effectiveAt originatingAmount { minorUnits currency } balanceAmount { minorUnits } } } }
        charges: lineItems(first: 2, type: CHARGES) { totalCount pageInfo { hasNextPage } edges { node { type merchantData { name mccCode phoneNumber } } } }
        payments: lineItems(first: 50, type: PAYMENTS) { totalCount edges { node { type status } } }
      } }`,
      { id: accountId },
    );
    expect(errors).toBeUndefined();
    const all = data?.account.all;
    expect(all.totalCount).toBe(items.length);
    expect(all.edges.map((edge: { node: { lineItemId: string } }) => edge.node.lineItemId)).toEqual(items.map((item) => item.lineItemId));
    const interest = all.edges.find((edge: { node: { type: string } }) => edge.node.type === 'UNLISTED');
    expect(interest).toBeDefined();
    expect(all.edges[0].node.originatingAmount.currency).toBe('USD');
    expect(data?.account.charges.totalCount).toBe(items.filter((item) => item.type === 'charge').length);
    expect(data?.account.charges.pageInfo.hasNextPage).toBe(true);
    expect(data?.account.charges.edges[0].node).toMatchObject({ type: 'CHARGE', merchantData: { mccCode: expect.any(Number) } });
    expect(new Set(data?.account.payments.edges.map((edge: { node: { type: string } }) => edge.node.type))).toEqual(new Set(['PAYMENT']));

    const firstCharge = items.find((item) => item.type === 'charge')!;
    const asOf = new Date(firstCharge.effectiveAt.getTime() + 1000).toISOString();
    const early = await gateway.graphql(`query ($id: ID!, $asOf: DateTime) { account(id: $id, asOf: $asOf) { lineItems(first: 10) { totalCount } } }`, {
      id: accountId,
      asOf,
    });
    expect(early.data?.account.lineItems.totalCount).toBe(items.filter((item) => item.effectiveAt <= new Date(asOf)).length);
  });

  it('lists statements as of a date and gives each its line items from the statement endpoint at the cut', async () => {
    const accountId = accountOf(2);
    const { data, errors } = await gateway.graphql(
      `query ($id: ID!) { account(id: $id) {
        statements { id statementId availableCredit { minorUnits } totalBalance { minorUnits currency } minPayAmount { minorUnits } minPayDueDate billingCycleStart billingCycleEnd
          account { accountId } lineItems { lineItemId rate effectiveAt } }
        statement { id statementId billingCycleEnd lineItems { lineItemId } }
      } }`,
      { id: accountId },
    );
    expect(errors).toBeUndefined();
    const statements = data?.account.statements;
    expect(statements).toHaveLength(4);
    for (const statement of statements) {
      expect(statement.account.accountId).toBe(accountId);
      expect(statement.totalBalance.currency).toBe('USD');
      const start = new Date(statement.billingCycleStart).getTime();
      const end = new Date(statement.billingCycleEnd).getTime();
      const expected = state().lineItemsOf(accountId).filter((item) => item.effectiveAt.getTime() >= start && item.effectiveAt.getTime() <= end);
      expect(statement.lineItems.map((item: { lineItemId: string }) => item.lineItemId)).toEqual(expected.map((item) => item.lineItemId));
      expect(statement.lineItems.every((item: { rate: number }) => typeof item.rate === 'number')).toBe(true);
    }
    expect(data?.account.statement).toMatchObject({ id: statements[3].id, statementId: statements[3].statementId, billingCycleEnd: statements[3].billingCycleEnd });

    const asOf = new Date(new Date(statements[1].billingCycleEnd).getTime() + 5 * DAY_MS).toISOString();
    const past = await gateway.graphql(`query ($id: ID!, $asOf: DateTime) { account(id: $id) { statements(asOf: $asOf) { statementId asOf } statement(asOf: $asOf) { statementId asOf } } }`, {
      id: accountId,
      asOf,
    });
    expect(past.errors).toBeUndefined();
    // Each answer says the moment Canopy answered it as of (`effective_as_of_date`).
    expect(past.data?.account.statements.map((statement: { asOf: string }) => statement.asOf)).toEqual([asOf, asOf]);
    expect(past.data?.account.statement.asOf).toBe(asOf);
    expect(past.data?.account.statements.map((statement: { statementId: string }) => statement.statementId)).toEqual(
      statements.slice(0, 2).map((statement: { statementId: string }) => statement.statementId),
    );
    expect(past.data?.account.statement.statementId).toBe(statements[1].statementId);
  });

  it('answers a statement’s line items null with STATEMENT_CYCLE_MISMATCH when Canopy cuts later and answers another cycle at the cut', async () => {
    const accountId = accountOf(4);
    // Canopy cuts at its close of business, an hour after each cycle ends.
    state().statementCutLagMs = 60 * 60 * 1000;
    try {
      const { data, errors } = await gateway.graphql(`query ($id: ID!) { account(id: $id) { statements { statementId billingCycleEnd lineItems { lineItemId } } } }`, { id: accountId });
      const statements = data?.account.statements as Array<{ statementId: string; billingCycleEnd: string; lineItems: unknown }>;
      expect(statements.length).toBeGreaterThan(1);
      expect(statements.map((statement) => statement.lineItems)).toEqual(statements.map(() => null));
      expect(errors?.map((error) => error.path)).toEqual(statements.map((_, i) => ['account', 'statements', i, 'lineItems']));
      expect(errors?.map((error) => error.extensions)).toEqual(
        statements.map((statement, i) => ({
          code: 'STATEMENT_CYCLE_MISMATCH',
          vendor: 'canopy-servicing',
          billingCycleEnd: statement.billingCycleEnd,
          // At a cycle's end + 1 s the latest cut is the cycle before's, or none before the first.
          answeredBillingCycleEnd: i === 0 ? null : statements[i - 1]!.billingCycleEnd,
        })),
      );
      expect(errors?.[1]?.message).toMatch(/answered the billing cycle ending .* instead of this one/);
    } finally {
      state().statementCutLagMs = 0;
    }
  });

  it('answers a null statement before the first cut', async () => {
    const account = state().accounts.get(accountOf(3))!;
    const { data, errors } = await gateway.graphql(`query ($id: ID!, $asOf: DateTime) { account(id: $id, asOf: $asOf) { statements { id } statement { id } } }`, {
      id: account.accountId,
      asOf: new Date(account.effectiveAt.getTime() + DAY_MS).toISOString(),
    });
    expect(errors).toBeUndefined();
    expect(data?.account).toEqual({ statements: [], statement: null });
  });
});

describe('REST calls', () => {
  it('reads 20 accounts with product, summary and statements in exactly 42 calls, none repeated', async () => {
    const { data, errors } = await gateway.graphql(`{
      accounts(first: 20) { totalCount edges { node {
        accountId product { name defaultRate } summary { totalBalance { minorUnits } }
        statements { statementId totalBalance { minorUnits } minPayAmount { minorUnits } minPayDueDate }
      } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.accounts.edges).toHaveLength(20);
    // 1 accounts page + 1 products list (two products, answered by one list) + 20 summaries + 20 statement lists.
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'canopy-servicing GET /accounts': 1,
      'canopy-servicing GET /accounts/:account_id/statements_list': 20,
      'canopy-servicing GET /accounts/:account_id/summaries': 20,
      'canopy-servicing GET /products': 1,
    });
    expect(gateway.sandbox.calls.count()).toBe(42);
    const keys = exchanges.map((exchange) => `${exchange.endpoint} ${exchange.request.path}?${exchange.request.query.toString()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('makes one call for one resource asked by several fields at once', async () => {
    const accountId = accountOf(4);
    const { errors } = await gateway.graphql(
      `query ($id: ID!) {
        a: account(id: $id) { summary { totalBalance { minorUnits } } product { name } }
        b: account(id: $id) { summary { availableCredit { minorUnits } } product { productId } }
        node(id: "${encodeGlobalID('Account', accountOf(4))}") { ... on Account { accountId } }
      }`,
      { id: accountId },
    );
    expect(errors).toBeUndefined();
    // One product alone is read by id: a list would be no fewer calls.
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'canopy-servicing GET /accounts/:account_id': 1,
      'canopy-servicing GET /accounts/:account_id/summaries': 1,
      'canopy-servicing GET /products/:product_id': 1,
    });
  });
});

describe('failures', () => {
  it('answers a vendor failure as a GraphQL error with code and vendor, other fields intact', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-servicing', status: 500 });
    const repositId = [...gateway.sandbox.simulators.reposit.state.reposits.keys()][0]!;
    const { data, errors } = await gateway.graphql(`query ($a: ID!, $r: ID!) { account(id: $a) { accountId } reposit(id: $r) { repositId } }`, {
      a: accountOf(0),
      r: repositId,
    });
    expect(data).toEqual({ account: null, reposit: { repositId } });
    expect(errors).toHaveLength(1);
    expect(errors![0]!.path).toEqual(['account']);
    expect(errors![0]!.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'canopy-servicing', status: 500 });
  });

  it('loses only the statement when the statement endpoint fails, not the accounts around it', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-servicing', endpoint: 'GET /accounts/:account_id/statements', status: 500 });
    const { data, errors } = await gateway.graphql(`{ accounts(first: 2) { totalCount edges { node { accountId statement { statementId } } } } }`);
    expect(data?.accounts.totalCount).toBe(25);
    expect(data?.accounts.edges.map((edge: { node: { statement: unknown } }) => edge.node.statement)).toEqual([null, null]);
    expect(errors).toHaveLength(2);
    expect(errors!.map((error) => error.extensions?.vendor)).toEqual(['canopy-servicing', 'canopy-servicing']);
  });

  it('fails one product of many without failing the others', async () => {
    const { data, errors } = await gateway.graphql(
      `query ($a: ID!, $b: ID!) { a: product(id: $a) { name } b: product(id: $b) { name } c: node(id: "${encodeGlobalID('Product', UNKNOWN)}") { id } }`,
      { a: productNamed('Rent Flex Card'), b: UNKNOWN },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { name: 'Rent Flex Card' }, b: null, c: null });
    expect(gateway.sandbox.calls.snapshot()).toEqual({ 'canopy-servicing GET /products': 1 });
  });

  it('reports a bad token as UNAUTHENTICATED', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-servicing', endpoint: 'GET /accounts', status: 401 });
    const { data, errors } = await gateway.graphql(`{ accounts(first: 1) { totalCount } }`);
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', vendor: 'canopy-servicing' });
  });
});
