import { PRODUCT_STATUS_VALUES, type ProductCreated } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { vendorIdOf } from '../global-id';
import { ProblemList } from '../validation-error';
import { listed } from '../vendor-enum';
import { DayCalcTypeEnum, InterestMethodEnum, InterestPolicyTypeEnum, ProductStatusEnum, ProductTypeEnum } from './enums';
import { forgetServicingAnswers } from './forget';
import { orNull } from '../not-found';
import { loadProduct, Product } from './product';
import {
  validateProduct,
  type BasePolicyConfigInputShape,
  type InterestPolicyInputShape,
  type ProductInputShape,
} from './product.validation';
import { checkUuid } from '../input-checks';
import { given } from './rules';

/** Canopy answers these writes with a body or with a bare 204: what it did not say stays null. */
const ProductWriteResult = builder.objectRef<ProductCreated>('ProductWriteResult').implement({
  description: 'What Canopy answers to a product created, updated or deleted.',
  fields: (t) => ({
    productId: t.exposeID('productId', {
      nullable: true,
      description: 'Null only for a product created when Canopy answered without a body: Canopy generates the id and did not say it.',
    }),
    name: t.string({ nullable: true, resolve: (result) => result.name ?? null }),
    status: t.field({
      type: ProductStatusEnum,
      nullable: true,
      description: 'LIVE or DRAFT; absent after a deletion or when Canopy answered without a body. Draft products need more policy configuration to launch.',
      resolve: (result) => listed('ProductStatus', PRODUCT_STATUS_VALUES, result.status),
    }),
    product: t.field({
      type: Product,
      nullable: true,
      description: 'The product as Canopy now has it; null once deleted, or when its id is not known.',
      resolve: (result, _args, ctx) => (result.productId === undefined ? null : orNull(loadProduct(ctx, result.productId))),
    }),
  }),
});

const InterestPolicyInput = builder.inputRef<InterestPolicyInputShape>('InterestPolicyInput').implement({
  fields: (t) => ({
    type: t.field({ type: InterestPolicyTypeEnum }),
    method: t.field({ type: InterestMethodEnum, description: 'The actual base formula used to calculate and assign interest.' }),
    dayCalcType: t.field({ type: DayCalcTypeEnum, description: 'How many days there are in a year for the calculation.' }),
    interestCalcTime: t.field({ type: 'DateTime', description: 'Interest is calculated based on this time plus the interval time.' }),
  }),
});

const BasePolicyConfigInput = builder.inputRef<BasePolicyConfigInputShape>('BasePolicyConfigInput').implement({
  description: 'A base group of policies that define a product.',
  fields: (t) => ({
    minPayPercentage: t.float({ description: 'Share of the total balance due as minimum payment: 20 means 20%.' }),
    billingCyclePeriod: t.string({ description: "The length of the billing cycle, e.g. '1 month', '3 months' or '7 days'." }),
    billingDueDateInterval: t.string({
      description: "The time between the statement cut and the due date, e.g. '25 days'; cannot exceed the start of the next cycle.",
    }),
    interestPolicy: t.field({ type: InterestPolicyInput }),
    closeOfBusinessAndTimezone: t.field({
      type: 'DateTime',
      description: 'Time and timezone of the close of business, for statement cuts.',
    }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The body `POST /products` and `PUT /products/{id}` share. */
function productFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return {
    name: t.string({ required: true, description: 'The name of the product.' }),
    type: t.field({ type: ProductTypeEnum, description: 'CREDIT when absent.' }),
    defaultRate: t.float({ description: 'Default interest rate for the product’s accounts in percent: 5.2 means 5.2%.' }),
    defaultCreditLimitCents: t.field({ type: 'SafeInt', description: 'Default credit limit of the product’s accounts, in US cents.' }),
    description: t.string(),
    status: t.field({
      type: ProductStatusEnum,
      description: 'LIVE only with every field a live product needs; when absent, LIVE if they are all there and DRAFT if not.',
    }),
    basePolicyConfig: t.field({ type: BasePolicyConfigInput }),
  };
}

const CreateProductInput = builder.inputRef<ProductInputShape>('CreateProductInput').implement({
  description: 'A live product needs a name, a default rate, a default credit limit and base policies (minimum payment and billing cycle).',
  fields: (t) => productFields(t),
});

type UpdateProductInputShape = ProductInputShape & { productId: string; asOf?: Date | null };

const UpdateProductInput = builder.inputRef<UpdateProductInputShape>('UpdateProductInput').implement({
  description: 'Replaces the configuration of a product; Canopy updates draft products only.',
  fields: (t) => ({
    productId: t.id({ required: true, description: 'The product’s Canopy id or global id.' }),
    asOf: t.field({ type: 'DateTime', description: 'The effective date of the update; now when absent.' }),
    ...productFields(t),
  }),
});

const DeleteProductInput = builder.inputRef<{ productId: string }>('DeleteProductInput').implement({
  fields: (t) => ({ productId: t.id({ required: true, description: 'The product’s Canopy id or global id.' }) }),
});

builder.mutationField('createProduct', (t) =>
  t.field({
    type: ProductWriteResult,
    errors: {},
    description: 'Configures a new credit product.',
    args: { input: t.arg({ type: CreateProductInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await ctx.clients.canopyServicing.createProduct(validateProduct(input));
      forgetServicingAnswers(ctx);
      return result;
    },
  }),
);

builder.mutationField('updateProduct', (t) =>
  t.field({
    type: ProductWriteResult,
    errors: {},
    description: 'Adds configuration to a draft product; it goes live once complete, unless the status says DRAFT.',
    args: { input: t.arg({ type: UpdateProductInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      const productId = vendorIdOf('Product', String(input.productId));
      checkUuid(problems, 'productId', productId);
      const body = validateProduct(input, problems);
      const result = await ctx.clients.canopyServicing.updateProduct(productId, body, { effectiveAsOf: given(input.asOf) });
      forgetServicingAnswers(ctx);
      return result;
    },
  }),
);

builder.mutationField('deleteProduct', (t) =>
  t.field({
    type: ProductWriteResult,
    errors: {},
    description: 'Deletes a product.',
    args: { input: t.arg({ type: DeleteProductInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      const productId = vendorIdOf('Product', String(input.productId));
      checkUuid(problems, 'productId', productId);
      problems.throwIfAny();
      const result = await ctx.clients.canopyServicing.deleteProduct(productId);
      forgetServicingAnswers(ctx);
      return result;
    },
  }),
);
