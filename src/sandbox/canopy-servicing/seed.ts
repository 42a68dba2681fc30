import type { DemoPerson } from '../demo-people';
import { inIdSpace } from '../id-space';
import { canopyStyleId, stableUuid } from './ids';
import { statementsAsOf } from './ledger';
import type { AccountRecord, CanopyServicingState, LineItemRecord, ProductRecord } from './state';

/** Billing cycles of seeded activity, all closed by the time the simulator starts. */
const SEEDED_CYCLES = 4;
const DAY_MS = 24 * 60 * 60 * 1000;
const LATE_FEE_CENTS = 2_500;

const MERCHANTS = [
  { name: 'Corner Grocer', id: 'merchant-grocer', mcc_code: 5411, phone_number: '+441612000101' },
  { name: 'Metro Cabs', id: 'merchant-cabs', mcc_code: 4121, phone_number: '+441612000102' },
  { name: 'Home Fit Furniture', id: 'merchant-furniture', mcc_code: 5712, phone_number: '+441612000103' },
  { name: 'City Utilities', id: 'merchant-utilities', mcc_code: 4900, phone_number: '+441612000104' },
  { name: 'Deansgate Diner', id: 'merchant-diner', mcc_code: 5812, phone_number: '+441612000105' },
];

/** Midnight UTC on the first day of the month `SEEDED_CYCLES` months before the month of `now`. */
function seedStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - SEEDED_CYCLES, 1));
}

/**
 * Three products (two live, one draft), and for every demo person a customer and an account
 * opened at `seedStart(now)` with four monthly cycles of charges, payments, interest, a late fee
 * for those who missed a payment and a loan for every fourth person. The same people always
 * give the same ids and amounts; dates follow the calendar so the cycles are recent.
 */
export function seedState(state: CanopyServicingState, people: DemoPerson[], now: Date): void {
  const start = seedStart(now);
  const products = seedProducts(state, start);
  people.forEach((person, i) => {
    const product = products[i % 2]!;
    const account = seedAccount(state, person, i, product, start);
    seedActivity(state, account, product, i, start);
    seedCustomer(state, person, account);
  });
}

function seedProducts(state: CanopyServicingState, start: Date): ProductRecord[] {
  const createdAt = new Date(start.getTime() - 400 * DAY_MS);
  const interestPolicy = { type: 'compound', method: 'average daily balance', dayCalcType: 365, interestCalcTime: createdAt };
  const products: ProductRecord[] = [
    {
      productId: stableUuid(inIdSpace(state.idSpace, 'product:rent-flex-card')),
      name: 'Rent Flex Card',
      description: 'Revolving card for rent and moving costs.',
      type: 'credit',
      status: 'live',
      defaultRate: 19.9,
      defaultCreditLimitCents: 250_000,
      policies: {
        minPayPercentage: 20,
        billingCyclePeriod: '1 month',
        billingDueDateInterval: '25 days',
        interestPolicy,
        closeOfBusinessAndTimezone: createdAt,
      },
      createdAt,
    },
    {
      productId: stableUuid(inIdSpace(state.idSpace, 'product:deposit-bridge-line')),
      name: 'Deposit Bridge Line',
      description: 'Line of credit that bridges a deposit between two tenancies.',
      type: 'credit',
      status: 'live',
      defaultRate: 9.5,
      defaultCreditLimitCents: 150_000,
      policies: {
        minPayPercentage: 10,
        billingCyclePeriod: '1 month',
        billingDueDateInterval: '21 days',
        interestPolicy,
        closeOfBusinessAndTimezone: createdAt,
      },
      createdAt,
    },
    {
      productId: stableUuid(inIdSpace(state.idSpace, 'product:moving-costs-loan')),
      name: 'Moving Costs Loan',
      description: 'Installment loan, still being configured.',
      type: 'credit',
      status: 'draft',
      createdAt: new Date(start.getTime() - 30 * DAY_MS),
    },
  ];
  for (const product of products) state.products.set(product.productId, product);
  return products;
}

function seedAccount(state: CanopyServicingState, person: DemoPerson, i: number, product: ProductRecord, start: Date): AccountRecord {
  const suspended = i % 10 === 7;
  const account: AccountRecord = {
    accountId: stableUuid(inIdSpace(state.idSpace, `account:${person.email}`)),
    productId: product.productId,
    status: suspended ? 'suspended' : 'active',
    statusSubtype: suspended ? 'suspended-bankruptcy' : null,
    effectiveAt: start,
    createdAt: new Date(start.getTime() + i * 1_000),
    externalIds: [{ name: 'Rentgraph Tenant', id: person.email }],
    creditLimitCents: (product.defaultCreditLimitCents ?? 0) + (i % 3) * 50_000,
    rate: product.defaultRate ?? 0,
  };
  state.accounts.set(account.accountId, account);
  state.accountIdByEmail.set(person.email.toLowerCase(), account.accountId);
  return account;
}

function seedActivity(state: CanopyServicingState, account: AccountRecord, product: ProductRecord, i: number, start: Date): void {
  let serial = 0;
  const add = (item: Omit<LineItemRecord, 'lineItemId' | 'accountId' | 'productId' | 'createdAt' | 'referenceId' | 'externalIds' | 'rate'> & { rate?: number }) => {
    const lineItemId = stableUuid(`line-item:${account.accountId}:${serial++}`);
    state.addLineItem({
      rate: account.rate,
      ...item,
      lineItemId,
      accountId: account.accountId,
      productId: account.productId,
      createdAt: item.effectiveAt,
      referenceId: stableUuid(`reference:${lineItemId}`),
      externalIds: [],
    });
  };
  const day = (cycleStart: Date, n: number, hour = 12) => new Date(cycleStart.getTime() + (n - 1) * DAY_MS + hour * 3_600_000);
  const statementId = (cycle: number) => stableUuid(`statement:${account.accountId}:${cycle}`);

  for (let cycle = 0; cycle < SEEDED_CYCLES; cycle++) {
    const cycleStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + cycle, 1));
    const items = state.lineItemsOf(account.accountId);
    const previous = statementsAsOf(account, product, items, cycleStart, statementId).at(-1);

    if (previous && previous.totalBalanceCents > 0) {
      add({
        type: 'interest',
        status: 'posted',
        amountCents: Math.round((previous.totalBalanceCents * account.rate) / 100 / 12),
        effectiveAt: cycleStart,
        description: 'Interest charged',
      });
    }
    const merchant = (k: number) => MERCHANTS[(i + cycle + k) % MERCHANTS.length]!;
    add({ type: 'charge', status: 'posted', amountCents: 4_500 + ((i * 37 + cycle * 53) % 60) * 100, merchantData: merchant(0), effectiveAt: day(cycleStart, 3) });
    add({ type: 'charge', status: 'posted', amountCents: 1_200 + ((i * 11 + cycle * 7) % 30) * 100, merchantData: merchant(1), effectiveAt: day(cycleStart, 12) });
    if (cycle === 1 && i % 5 === 2) {
      add({ type: 'charge', status: 'declined', amountCents: 900_000, merchantData: merchant(2), effectiveAt: day(cycleStart, 14) });
    }
    if (cycle === 1 && i % 4 === 0) {
      add({ type: 'loan', status: 'posted', amountCents: 60_000, effectiveAt: day(cycleStart, 5), description: 'Installment loan' });
    }
    if (!previous || previous.totalBalanceCents <= 0) continue;

    const missed = cycle === 2 && i % 3 === 1;
    if (missed) {
      add({ type: 'fee', status: 'posted', amountCents: LATE_FEE_CENTS, effectiveAt: new Date(previous.minPayDueDate.getTime() + DAY_MS), description: 'Late payment fee' });
      continue;
    }
    if (cycle === 2 && i % 5 === 3) {
      add({ type: 'payment', status: 'unsuccessful', amountCents: previous.minPayAmountCents, effectiveAt: day(cycleStart, 8), description: 'Payment returned' });
    }
    const paysInFull = i % 2 === 0;
    add({
      type: 'payment',
      status: 'successful',
      amountCents: paysInFull ? previous.totalBalanceCents : Math.max(previous.minPayAmountCents, Math.round(previous.totalBalanceCents / 2)),
      effectiveAt: day(cycleStart, 18),
    });
  }
}

function seedCustomer(state: CanopyServicingState, person: DemoPerson, account: AccountRecord): void {
  const customerId = `cus_${canopyStyleId(inIdSpace(state.idSpace, `customer:${person.email}`))}`;
  state.customers.set(customerId, {
    customer: {
      customer_id: customerId,
      name_first: person.firstName,
      name_last: person.lastName,
      phone_number: person.phone,
      address_line_one: `${person.address.houseNumber} ${person.address.street}`,
      address_city: person.address.town,
      address_state: 'Greater Manchester',
      // Migrated from a UK book: the postcode is kept as it was, though the API would ask for a ZIP.
      address_zip: person.address.postCode,
      address_country_code: person.address.countryCode,
      email: person.email,
      date_of_birth: person.dateOfBirth,
    },
    assignments: [{ account_id: account.accountId, customer_account_role: 'PRIMARY' }],
  });
}
