import { asOfKey } from '../../sources/canopy-servicing/loaders';
import type { AccountSummary as AccountSummaryShape } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { money, Money } from '../money';
import { Account } from './account';

const AccountSummary = builder.objectRef<AccountSummaryShape>('AccountSummary').implement({
  description: 'The balances of an account as of a date.',
  fields: (t) => ({
    accountId: t.exposeID('accountId', { nullable: false }),
    availableCredit: t.field({
      nullable: false,
      type: Money,
      description: 'The total available credit of the account.',
      resolve: (summary) => money(summary.availableCreditCents, 'USD'),
    }),
    totalBalance: t.field({
      nullable: false,
      type: Money,
      description: 'The total balance of the account.',
      resolve: (summary) => money(summary.totalBalanceCents, 'USD'),
    }),
    effectiveAsOf: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The moment the balances are as of.',
      resolve: (summary) => summary.effectiveAsOf ?? null,
    }),
  }),
});

builder.objectField(Account, 'summary', (t) =>
  t.field({
    nullable: false,
    type: AccountSummary,
    description: 'The account’s balances as of the date (the account’s date, or now, when absent).',
    args: { asOf: t.arg({ type: 'DateTime' }) },
    resolve: (account, { asOf }, ctx) => ctx.loaders.canopyServicing.accountSummary.load(asOfKey(account.accountId, asOf ?? account.asOf)),
  }),
);
