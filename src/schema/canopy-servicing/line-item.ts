import { lineItemKey } from '../../sources/canopy-servicing/loaders';
import {
  LINE_ITEM_STATUS_VALUES,
  LINE_ITEM_TYPE_VALUES,
  type LineItem as LineItemShape,
  type MerchantData as MerchantDataShape,
} from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { Account, loadAccount } from './account';
import { LineItemStatusEnum, LineItemTypeEnum } from './enums';
import { ExternalId } from './external-id';
import { nullWhereNotFound, orNull } from '../not-found';
import { loadProduct, Product } from './product';

const MerchantData = builder.objectRef<MerchantDataShape>('MerchantData').implement({
  description: 'The merchant of a charge.',
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (merchant) => merchant.name ?? null }),
    id: t.string({ nullable: true, resolve: (merchant) => merchant.id ?? null }),
    mccCode: t.int({ nullable: true, description: 'Merchant category code.', resolve: (merchant) => merchant.mccCode ?? null }),
    phoneNumber: t.string({ nullable: true, resolve: (merchant) => merchant.phoneNumber ?? null }),
  }),
});

export const LineItem = builder.node(builder.objectRef<LineItemShape>('LineItem'), {
  description: 'A charge to an account, a payment by the account holder, a loan, or an item Canopy posts itself (interest, fees).',
  // The global id names the account too: Canopy reads line items only per account.
  id: { resolve: (item) => lineItemKey(item.accountId, item.lineItemId) },
  loadMany: async (ids, ctx) => nullWhereNotFound(await ctx.loaders.canopyServicing.lineItem.loadMany(ids)),
  fields: (t) => ({
    lineItemId: t.exposeID('lineItemId', { nullable: false, description: 'The Canopy id of the line item.' }),
    accountId: t.exposeID('accountId', { nullable: false, description: 'The account of the line item.' }),
    account: t.field({
      type: Account,
      nullable: true,
      resolve: (item, _args, ctx) => orNull(loadAccount(ctx, item.accountId)),
    }),
    status: t.field({
      nullable: false,
      type: LineItemStatusEnum,
      resolve: (item) => listed('LineItemStatus', LINE_ITEM_STATUS_VALUES, item.status),
    }),
    type: t.field({ nullable: false, type: LineItemTypeEnum, resolve: (item) => listed('LineItemType', LINE_ITEM_TYPE_VALUES, item.type) }),
    originatingAmount: t.field({
      type: Money,
      nullable: true,
      description: 'The originating amount of the line item.',
      resolve: (item) => (item.originatingAmountCents === undefined ? null : money(item.originatingAmountCents, 'USD')),
    }),
    originalAmount: t.field({
      type: Money,
      nullable: true,
      description: 'The amount the charge or loan was created with, where Canopy sends it (the line items guide’s `original_amount_cents`).',
      resolve: (item) => (item.originalAmountCents === undefined ? null : money(item.originalAmountCents, 'USD')),
    }),
    balanceAmount: t.field({
      type: Money,
      nullable: true,
      description: 'The current balance of the line item, with the interest accrued per the product’s policy and the account’s rate.',
      resolve: (item) => (item.balanceAmountCents === undefined ? null : money(item.balanceAmountCents, 'USD')),
    }),
    rate: t.float({
      nullable: true,
      description: 'The percentage rate applied to the line item (15.5 means 15.5%); given on a statement’s line items.',
      resolve: (item) => item.rate ?? null,
    }),
    merchantData: t.field({ type: MerchantData, nullable: true, resolve: (item) => item.merchantData ?? null }),
    effectiveAt: t.field({
      nullable: false,
      type: 'DateTime',
      description: 'When the line item became (or becomes) active.',
      resolve: (item) => item.effectiveAt,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the line item was created in the API.',
      resolve: (item) => item.createdAt ?? null,
    }),
    productId: t.id({ nullable: true, resolve: (item) => item.productId ?? null }),
    product: t.field({
      type: Product,
      nullable: true,
      resolve: (item, _args, ctx) => (item.productId ? orNull(loadProduct(ctx, item.productId)) : null),
    }),
    description: t.string({
      nullable: true,
      description: 'A description of the line item, more common for adjustments.',
      resolve: (item) => item.description ?? null,
    }),
    referenceId: t.string({
      nullable: true,
      description: 'The id in your system associated with the line item.',
      resolve: (item) => item.referenceId ?? null,
    }),
    disputeId: t.id({
      nullable: true,
      description: 'The id of a dispute of the line item, if any.',
      resolve: (item) => item.disputeId ?? null,
    }),
    externalIds: t.field({ nullable: false, type: [ExternalId], resolve: (item) => item.externalIds }),
  }),
});
