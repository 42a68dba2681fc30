import type { GatewayContext } from '../../context';
import { asOfKey } from '../../sources/canopy-servicing/loaders';
import type { ProductSummary as ProductSummaryRecord } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { vendorIdArgument } from '../global-id';
import { CANOPY_SERVICING_ID } from '../../sources/id-formats';
import { money, Money } from '../money';
import { orNull } from '../not-found';
import { loadProduct, Product } from './product';

type ProductSummaryShape = ProductSummaryRecord & { asOf?: Date };

async function loadProductSummary(ctx: GatewayContext, productId: string, asOf?: Date | null): Promise<ProductSummaryShape> {
  const summary = await ctx.loaders.canopyServicing.productSummary.load(asOfKey(productId, asOf));
  return asOf ? { ...summary, asOf } : summary;
}

const ProductSummary = builder.objectRef<ProductSummaryShape>('ProductSummary').implement({
  description: 'Summary statistics of a product, for analytics, as of a date.',
  fields: (t) => ({
    productId: t.exposeID('productId', { nullable: false }),
    product: t.field({
      type: Product,
      nullable: true,
      resolve: (summary, _args, ctx) => orNull(loadProduct(ctx, summary.productId, summary.asOf)),
    }),
    totalAccountCount: t.exposeInt('totalAccountCount', { nullable: false, description: 'Total number of accounts under the product.' }),
    totalCreditIssued: t.field({
      nullable: false,
      type: Money,
      description: 'Total credit issued to the accounts under the product.',
      resolve: (summary) => money(summary.totalCreditIssuedCents, 'USD'),
    }),
    utilizationPercent: t.exposeFloat('utilizationPercent', {
      nullable: false,
      description: 'The percent utilization rate of the product: 30 means 30%.',
    }),
    effectiveAsOf: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The moment the figures are as of.',
      resolve: (summary) => summary.effectiveAsOf ?? null,
    }),
  }),
});

builder.objectField(Product, 'summary', (t) =>
  t.field({
    type: ProductSummary,
    nullable: true,
    description: 'Summary statistics of the product, as of the date (the product’s own date when absent).',
    args: { asOf: t.arg({ type: 'DateTime' }) },
    resolve: (product, { asOf }, ctx) => loadProductSummary(ctx, product.productId, asOf ?? product.asOf),
  }),
);

builder.queryField('productSummary', (t) =>
  t.field({
    type: ProductSummary,
    nullable: true,
    description: 'Summary statistics of a product by its Canopy id or global id; null if Canopy does not know it.',
    args: {
      id: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', description: 'Answer as Canopy would have at this moment.' }),
    },
    resolve: (_root, { id, asOf }, ctx) => orNull(loadProductSummary(ctx, vendorIdArgument('id', 'Product', id, CANOPY_SERVICING_ID), asOf)),
  }),
);
