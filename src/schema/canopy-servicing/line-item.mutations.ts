import type { GatewayContext } from '../../context';
import { lineItemKey } from '../../sources/canopy-servicing/loaders';
import type { LineItemCreated } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { Account, loadAccount } from './account';
import { ExternalIdInput } from './external-id';
import { forgetServicingAnswers } from './forget';
import { ChargeStatusEnum } from './enums';
import { LineItem } from './line-item';
import {
  validateCharge,
  validateLoan,
  validatePayment,
  type CreateChargeInputShape,
  type CreateLoanInputShape,
  type CreatePaymentInputShape,
} from './line-item.validation';
import { orNull } from '../not-found';

interface CreatedLineItemShape extends LineItemCreated {
  accountId: string;
}

const CreatedLineItem = builder.objectRef<CreatedLineItemShape>('CreatedLineItem').implement({
  description: 'A charge, payment or loan Canopy recorded.',
  fields: (t) => ({
    lineItemId: t.exposeID('lineItemId', {
      nullable: true,
      description:
        'The id in Canopy of the new line item. Null only for a payment Canopy recorded with an empty answer and does not list yet: `referenceId` names it.',
    }),
    referenceId: t.exposeString('referenceId', { nullable: true, description: 'A payment’s reference id: yours, or the gateway’s when you gave none.' }),
    accountId: t.exposeID('accountId', { nullable: false }),
    lineItem: t.field({
      type: LineItem,
      nullable: true,
      description: 'The line item as Canopy lists it now; a charge the account cannot carry shows as DECLINED.',
      resolve: (created, _args, ctx) =>
        created.lineItemId === undefined ? null : orNull(ctx.loaders.canopyServicing.lineItem.load(lineItemKey(created.accountId, created.lineItemId))),
    }),
    account: t.field({ type: Account, nullable: true, resolve: (created, _args, ctx) => orNull(loadAccount(ctx, created.accountId)) }),
  }),
});

async function recorded(ctx: GatewayContext, accountId: string, pending: Promise<LineItemCreated>): Promise<CreatedLineItemShape> {
  const created = await pending;
  forgetServicingAnswers(ctx);
  return { ...created, accountId };
}

const MerchantDataInput = builder.inputRef<CreateChargeInputShape['merchantData']>('MerchantDataInput').implement({
  fields: (t) => ({
    name: t.string(),
    id: t.string(),
    mccCode: t.int({ required: true, description: 'Merchant category code.' }),
    phoneNumber: t.string(),
  }),
});

const CreateChargeInput = builder.inputRef<CreateChargeInputShape>('CreateChargeInput').implement({
  description: 'A charge (a purchase or draw) on an account.',
  fields: (t) => ({
    accountId: t.id({ required: true, description: 'The account’s Canopy id or global id.' }),
    lineItemId: t.string({
      description: 'The id of the charge; the gateway chooses one when absent. Sending a charge again with its id never charges twice.',
    }),
    status: t.field({ type: ChargeStatusEnum, description: 'AUTHORIZED, then VALID once settled; Canopy decides when absent.' }),
    amountCents: t.field({ type: 'SafeInt', required: true, description: 'The amount of the charge in US cents, a positive integer.' }),
    effectiveAt: t.field({
      type: 'DateTime',
      description: 'When the charge takes effect: at most 10 days in the past. A charge with no date takes effect now, when the gateway sends it.',
    }),
    rate: t.float({ description: 'The rate for this charge in percent (15.5 means 15.5%); the account’s rate when absent.' }),
    merchantData: t.field({ type: MerchantDataInput, required: true }),
    referenceId: t.string({ description: 'A unique id in your system for the charge.' }),
    externalIds: t.field({ type: [ExternalIdInput] }),
  }),
});

const CreatePaymentInput = builder.inputRef<CreatePaymentInputShape>('CreatePaymentInput').implement({
  description: 'A payment by the account holder.',
  fields: (t) => ({
    accountId: t.id({ required: true, description: 'The account’s Canopy id or global id.' }),
    amountCents: t.field({ type: 'SafeInt', required: true, description: 'The amount of the payment in US cents, a positive integer.' }),
    effectiveAt: t.field({ type: 'DateTime', description: 'When the payment takes effect: at most 10 days in the past; now when absent.' }),
    referenceId: t.string({ description: 'A unique id in your system for the payment.' }),
    externalIds: t.field({ type: [ExternalIdInput] }),
  }),
});

const CreateLoanInput = builder.inputRef<CreateLoanInputShape>('CreateLoanInput').implement({
  description: 'A further installment loan on a revolving line of credit; its due dates follow those of the loans already on the account.',
  fields: (t) => ({
    accountId: t.id({ required: true, description: 'The account’s Canopy id or global id.' }),
    lineItemId: t.string({ description: 'The id of the loan; Canopy generates one when absent.' }),
    originalAmountCents: t.field({ type: 'SafeInt', required: true, description: 'The amount lent in US cents, a positive integer.' }),
    effectiveAt: t.field({ type: 'DateTime', description: 'When the loan takes effect; a loan with no date takes effect now, when the gateway sends it.' }),
    amortisationLength: t.int({ description: 'The number of billing cycles the loan is amortised over.' }),
    interestPercent: t.float({ description: 'The loan’s interest rate in percent: 36 means 36%.' }),
    isLimitedToLoanDuration: t.boolean({ description: 'Whether interest accrues only for the loan’s duration.' }),
  }),
});

builder.mutationField('createCharge', (t) =>
  t.field({
    type: CreatedLineItem,
    errors: {},
    description: 'Records a charge on an account.',
    args: { input: t.arg({ type: CreateChargeInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { accountId, charge } = validateCharge(input);
      return recorded(ctx, accountId, ctx.clients.canopyServicing.createCharge(accountId, charge));
    },
  }),
);

builder.mutationField('createPayment', (t) =>
  t.field({
    type: CreatedLineItem,
    errors: {},
    description: 'Records a payment on an account.',
    args: { input: t.arg({ type: CreatePaymentInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { accountId, payment } = validatePayment(input);
      return recorded(ctx, accountId, ctx.clients.canopyServicing.createPayment(accountId, payment));
    },
  }),
);

builder.mutationField('createLoan', (t) =>
  t.field({
    type: CreatedLineItem,
    errors: {},
    description: 'Adds an installment loan to a revolving account (Canopy’s MultiLoan).',
    args: { input: t.arg({ type: CreateLoanInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { accountId, loan } = validateLoan(input);
      return recorded(ctx, accountId, ctx.clients.canopyServicing.createLoan(accountId, loan));
    },
  }),
);
