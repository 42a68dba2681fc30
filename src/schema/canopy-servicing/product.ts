import type { GatewayContext } from '../../context';
import { asOfKey, dateKey } from '../../sources/canopy-servicing/loaders';
import { PRODUCT_TYPE_VALUES, type Product as ProductRecord } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { nodeIdParser, vendorIdArgument } from '../global-id';
import { CANOPY_SERVICING_ID } from '../../sources/id-formats';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { ProductTypeEnum } from './enums';
import { nullWhereNotFound, orNull } from '../not-found';
import { BasePolicyConfig } from './policy';

/** A product as Canopy had it at `asOf` (now when absent), which its nested fields default to. */
export type ProductShape = ProductRecord & { asOf?: Date };

export async function loadProduct(ctx: GatewayContext, productId: string, asOf?: Date | null): Promise<ProductShape> {
  const product = await ctx.loaders.canopyServicing.product.load(asOfKey(productId, asOf));
  return asOf ? { ...product, asOf } : product;
}

export const Product = builder.node(builder.objectRef<ProductShape>('Product'), {
  description: 'A credit product configured in Canopy, with the policies that drive the behaviour of its accounts.',
  id: { resolve: (product) => product.productId, parse: nodeIdParser('Product', CANOPY_SERVICING_ID) },
  loadMany: async (ids, ctx) => nullWhereNotFound(await ctx.loaders.canopyServicing.product.loadMany(ids.map((id) => asOfKey(id)))),
  fields: (t) => ({
    productId: t.exposeID('productId', { nullable: false, description: 'The Canopy-generated id of the product.' }),
    name: t.string({ nullable: true, description: 'Name of the product, e.g. Express Card.', resolve: (p) => p.name ?? null }),
    description: t.string({ nullable: true, resolve: (p) => p.description ?? null }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the product was created on the server.',
      resolve: (p) => p.createdAt ?? null,
    }),
    type: t.field({ type: ProductTypeEnum, nullable: true, resolve: (p) => listed('ProductType', PRODUCT_TYPE_VALUES, p.type) }),
    basePolicyConfig: t.field({
      type: BasePolicyConfig,
      nullable: true,
      description: 'The policies that drive product behaviour.',
      resolve: (p) => p.policies.basePolicyConfig ?? null,
    }),
    defaultRate: t.float({
      nullable: true,
      description: 'The default interest rate in percent (3.2 means 3.2%); an account may override it.',
      resolve: (p) => p.defaultRate ?? null,
    }),
    defaultCreditLimit: t.field({
      type: Money,
      nullable: true,
      description: 'The default maximum principal credit available to an account; an account may override it.',
      resolve: (p) => (p.defaultCreditLimitCents === undefined ? null : money(p.defaultCreditLimitCents, 'USD')),
    }),
    currentAccountIds: t.idList({
      nullable: false,
      description: 'The ids of the product’s accounts.',
      resolve: (p) => p.currentAccountIds,
    }),
  }),
});

builder.queryField('products', (t) =>
  t.field({
    nullable: false,
    type: [Product],
    description: 'Every product configured in Canopy, as of the date (now when absent).',
    args: { asOf: t.arg({ type: 'DateTime', description: 'Answer as Canopy would have at this moment.' }) },
    resolve: async (_root, { asOf }, ctx) => {
      const products = await ctx.loaders.canopyServicing.products.load(dateKey(asOf));
      return asOf ? products.map((product) => ({ ...product, asOf })) : products;
    },
  }),
);

builder.queryField('product', (t) =>
  t.field({
    type: Product,
    nullable: true,
    description: 'A product by its Canopy id or global id, as of the date (now when absent); null if Canopy does not know it.',
    args: {
      id: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', description: 'Answer as Canopy would have at this moment.' }),
    },
    resolve: (_root, { id, asOf }, ctx) => orNull(loadProduct(ctx, vendorIdArgument('id', 'Product', id, CANOPY_SERVICING_ID), asOf)),
  }),
);
