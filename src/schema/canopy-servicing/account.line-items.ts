import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { lineItemPageKey } from '../../sources/canopy-servicing/loaders';
import { builder } from '../builder';
import { Account } from './account';
import { LineItemTypeFilterEnum } from './enums';
import { LineItem } from './line-item';

builder.objectField(Account, 'lineItems', (t) =>
  t.connection(
    {
      nullable: false,
      type: LineItem,
      description: 'The account’s charges, payments and other line items, by effective date.',
      args: {
        type: t.arg({ type: LineItemTypeFilterEnum, description: 'Only charges or only payments; every type when absent.' }),
        asOf: t.arg({ type: 'DateTime', description: 'The line items as of this moment (the account’s date when absent).' }),
      },
      resolve: async (account, args, ctx) => {
        let totalCount: number | null = null;
        const connection = await resolveOffsetConnection({ args }, async ({ offset, limit }) => {
          const key = lineItemPageKey({ accountId: account.accountId, asOf: args.asOf ?? account.asOf, type: args.type, offset, limit });
          const page = await ctx.loaders.canopyServicing.lineItemPage.load(key);
          totalCount = page.totalCount;
          return page.lineItems;
        });
        return { ...connection, totalCount };
      },
    },
    {
      name: 'LineItemConnection',
      fields: (tc) => ({
        totalCount: tc.int({
          nullable: true,
          description: 'Line items the query matches across every page; null on an empty page past the end, where Canopy says nothing.',
          resolve: (c) => c.totalCount,
        }),
      }),
    },
    { name: 'LineItemEdge' },
  ),
);
