import { ASSUMED, pageSize } from './assumed-sizes';
import type { CostTable } from './field-cost';

const ACCOUNT = { calls: 1, read: 'account' } as const;
/** Products of one date asked together are one list call. */
const PRODUCT = { calls: 1, read: 'product', batched: true } as const;
/** One line item is found by scanning its account's pages of 100. */
const LINE_ITEM = { calls: ASSUMED.lineItemScanPages, read: 'lineItem' } as const;
const LISTED_ACCOUNTS = { calls: 1, perItem: true, primes: ['account'], items: ASSUMED.accounts } as const;

/** Canopy Servicing's fields that call it. */
export const canopyServicingCosts: CostTable = {
  vendor: 'canopyServicing',
  fields: {
    'Query.account': { calls: 1, primes: ['account'], summary: '1 Canopy Servicing call, plus those of the account’s fields' },
    'Query.accounts': {
      calls: 1,
      sizes: (args) => ({ 'AccountConnection.edges': pageSize(args) }),
      summary: '1 Canopy Servicing call for the page, plus those of each account’s fields',
    },
    // A page's size is its field's `first` or `last` (`sizes` above); 20 when neither.
    'AccountConnection.edges': { primes: ['account'], items: 20 },
    'LineItemConnection.edges': { items: 20 },
    'Query.products': { calls: 1, primes: ['product'], items: ASSUMED.products, summary: '1 Canopy Servicing call, plus those of each product’s fields' },
    'Query.product': { calls: 1, primes: ['product'], summary: '1 Canopy Servicing call, plus those of the product’s fields' },
    'Query.productSummary': { calls: 1, summary: '1 Canopy Servicing call' },
    'Tenant.accounts': { calls: 1, primes: ['account'], links: 'account' },
    'Account.product': PRODUCT,
    'Account.summary': { calls: 1, read: 'summary' },
    'Account.lineItems': { calls: 1, primesBelow: ['account'], sizes: (args) => ({ 'LineItemConnection.edges': pageSize(args) }) },
    'Account.statements': {
      calls: 1,
      primes: ['statementList'],
      primesBelow: ['account'],
      items: (args) => (typeof args.latest === 'number' ? Math.max(0, Math.min(args.latest, ASSUMED.statements)) : ASSUMED.statements),
    },
    'Account.statement': { calls: 1, primes: ['statement'], primesBelow: ['account'] },
    'Statement.account': ACCOUNT,
    'Statement.lineItems': { calls: 1, read: 'statement', items: ASSUMED.statementLineItems },
    'Statement.statementId': { calls: 1, read: 'statementList' },
    'Product.summary': { calls: 1, read: 'productSummary' },
    'Product.currentAccounts': LISTED_ACCOUNTS,
    'ProductSummary.product': PRODUCT,
    'ProductWriteResult.product': PRODUCT,
    'LineItem.account': ACCOUNT,
    'LineItem.product': PRODUCT,
    'Customer.accounts': LISTED_ACCOUNTS,
    'CreatedLineItem.lineItem': LINE_ITEM,
    'CreatedLineItem.account': ACCOUNT,
    'Dispute.lineItem': LINE_ITEM,
    'Dispute.account': ACCOUNT,
    'Mutation.createAccount': { calls: 1, primes: ['account'], summary: '1 Canopy Servicing call' },
    'Mutation.updateAccount': { calls: 2, primes: ['account'], summary: '2 Canopy Servicing calls (the update, and the account read back)' },
    'Mutation.deleteAccount': { calls: 1, summary: '1 Canopy Servicing call' },
    'Mutation.createCharge': { calls: 1, summary: '1 Canopy Servicing call, plus those of the line item and account asked back' },
    'Mutation.createPayment': { calls: 1, summary: '1 Canopy Servicing call, plus those of the line item and account asked back' },
    'Mutation.createLoan': { calls: 1, summary: '1 Canopy Servicing call, plus those of the line item and account asked back' },
    'Mutation.createCustomer': {
      calls: 1,
      sizes: (args) => ({ 'Customer.accounts': ((args.input as { assignToAccounts?: unknown[] } | undefined)?.assignToAccounts ?? []).length }),
      summary: '1 Canopy Servicing call, plus 1 per account asked back',
    },
    'Mutation.createProduct': { calls: 1, summary: '1 Canopy Servicing call' },
    'Mutation.updateProduct': { calls: 1, summary: '1 Canopy Servicing call' },
    'Mutation.deleteProduct': { calls: 1, summary: '1 Canopy Servicing call' },
    'Mutation.disputeLineItem': { calls: 1, summary: '1 Canopy Servicing call' },
  },
};
