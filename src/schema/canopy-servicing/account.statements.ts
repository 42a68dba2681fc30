import { createGraphQLError } from 'graphql-yoga';
import { asOfKey } from '../../sources/canopy-servicing/loaders';
import { builder } from '../builder';
import { Account } from './account';
import { Statement, statementAsOf } from './statement';

builder.objectField(Account, 'statements', (t) =>
  t.field({
    nullable: false,
    type: [Statement],
    description: 'Every statement cut up to the date (the account’s date, or now, when absent), oldest first.',
    args: {
      asOf: t.arg({ type: 'DateTime' }),
      latest: t.arg.int({ description: 'Only the newest this many statements (still oldest first).' }),
    },
    resolve: async (account, { asOf, latest }, ctx) => {
      const list = await ctx.loaders.canopyServicing.statementList.load(asOfKey(account.accountId, asOf ?? account.asOf));
      const statements = list.statements.map((statement) => ({ ...statement, accountId: list.accountId, effectiveAsOf: list.effectiveAsOf }));
      if (latest == null) return statements;
      if (latest < 0) {
        throw createGraphQLError(`latest: must be 0 or more, got ${latest}`, { extensions: { code: 'BAD_USER_INPUT', field: 'latest', rule: 'min' } });
      }
      return latest === 0 ? [] : statements.slice(-latest);
    },
  }),
);

builder.objectField(Account, 'statement', (t) =>
  t.field({
    type: Statement,
    nullable: true,
    description:
      'The most recent statement as of the date (the account’s date, or now, when absent), with its line items; null before the first cut.',
    args: { asOf: t.arg({ type: 'DateTime' }) },
    resolve: (account, { asOf }, ctx) => statementAsOf(ctx, account.accountId, asOf ?? account.asOf),
  }),
);
