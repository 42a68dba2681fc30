import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { GatewayContext } from '../../context';
import { accountPageKey } from '../../sources/canopy-servicing/loaders';
import { ACCOUNT_STATUS_VALUES, type Account as AccountRecord } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { nodeIdParser, vendorIdArgument } from '../global-id';
import { CANOPY_SERVICING_ID } from '../../sources/id-formats';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { AccountStatusEnum } from './enums';
import { ExternalId } from './external-id';
import { foundOnly, nullWhereNotFound, orNull } from '../not-found';
import { loadProduct, Product } from './product';

/** An account, with the date (`asOf`) its nested figures default to; now when absent. */
export type AccountShape = AccountRecord & { asOf?: Date };

export async function loadAccount(ctx: GatewayContext, accountId: string, asOf?: Date | null): Promise<AccountShape> {
  const account = await ctx.loaders.canopyServicing.account.load(accountId);
  return asOf ? { ...account, asOf } : account;
}

/** Accounts through the loader, in the order asked; ids Canopy does not know are skipped, any other failure is thrown. */
export async function loadAccounts(ctx: GatewayContext, ids: string[]): Promise<AccountShape[]> {
  return foundOnly(await ctx.loaders.canopyServicing.account.loadMany(ids));
}

export const Account = builder.node(builder.objectRef<AccountShape>('Account'), {
  description: 'A customer account under a credit product: line items, balances and statements are kept per account.',
  id: { resolve: (account) => account.accountId, parse: nodeIdParser('Account', CANOPY_SERVICING_ID) },
  loadMany: async (ids, ctx) => nullWhereNotFound(await ctx.loaders.canopyServicing.account.loadMany(ids)),
  fields: (t) => ({
    accountId: t.exposeID('accountId', { nullable: false, description: 'The Canopy-generated id of the account.' }),
    status: t.field({
      type: AccountStatusEnum,
      nullable: true,
      description: 'The status of the account; active upon creation.',
      resolve: (account) => listed('AccountStatus', ACCOUNT_STATUS_VALUES, account.status),
    }),
    statusSubtype: t.string({
      nullable: true,
      description: 'The subtype of the status, e.g. suspended-bankruptcy; null upon creation.',
      resolve: (account) => account.statusSubtype ?? null,
    }),
    effectiveAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the account became (or becomes) active.',
      resolve: (account) => account.effectiveAt ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the account was created in the API.',
      resolve: (account) => account.createdAt ?? null,
    }),
    productId: t.id({ nullable: true, resolve: (account) => account.productId ?? null }),
    product: t.field({
      nullable: false,
      type: Product,
      description: 'The product the account is under.',
      resolve: (account, _args, ctx) => loadProduct(ctx, account.productId ?? '', account.asOf),
    }),
    externalAccountIds: t.field({
      nullable: false,
      type: [ExternalId],
      description: 'Ids connecting the account to users in other systems.',
      resolve: (account) => account.externalAccountIds,
    }),
    creditLimit: t.field({
      type: Money,
      nullable: true,
      description: 'The total amount the account can borrow.',
      resolve: (account) => (account.creditLimitCents === undefined ? null : money(account.creditLimitCents, 'USD')),
    }),
    rate: t.float({
      nullable: true,
      description: 'The percentage interest applied to the account: 6.2 means 6.2%.',
      resolve: (account) => account.rate ?? null,
    }),
  }),
});

builder.objectField(Product, 'currentAccounts', (t) =>
  t.field({
    type: [Account],
    nullable: true,
    description: 'The product’s accounts (one call each).',
    resolve: (product, _args, ctx) => loadAccounts(ctx, product.currentAccountIds),
  }),
);

builder.queryField('account', (t) =>
  t.field({
    type: Account,
    nullable: true,
    description: 'An account by its Canopy id or global id; `asOf` dates its figures. Null if Canopy does not know it.',
    args: {
      id: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', description: 'The date the account’s summary, line items and statements default to.' }),
    },
    resolve: (_root, { id, asOf }, ctx) => orNull(loadAccount(ctx, vendorIdArgument('id', 'Account', id, CANOPY_SERVICING_ID), asOf)),
  }),
);

builder.queryField('accounts', (t) =>
  t.connection(
    {
      nullable: false,
      type: Account,
      description: 'Every account under any of the products, oldest first.',
      resolve: async (_root, args, ctx) => {
        let totalCount = 0;
        const connection = await resolveOffsetConnection({ args }, async ({ offset, limit }) => {
          const page = await ctx.loaders.canopyServicing.accountPage.load(accountPageKey(offset, limit));
          totalCount = page.totalCount;
          return page.accounts;
        });
        return { ...connection, totalCount };
      },
    },
    {
      name: 'AccountConnection',
      fields: (tc) => ({
        totalCount: tc.int({ nullable: false, description: 'Accounts in all, across every page.', resolve: (c) => c.totalCount }),
      }),
    },
    { name: 'AccountEdge' },
  ),
);
