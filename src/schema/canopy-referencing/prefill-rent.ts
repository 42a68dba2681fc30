import { PAYMENT_FREQUENCY_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyRent, CanopyRentData } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { PaymentFrequencyEnum } from './enums';
import { validatePrefillRent, type PrefillRentInputShape, type RentInputShape } from './prefill-rent.validation';

const RentInput = builder.inputRef<RentInputShape>('RentInput').implement({
  description: 'One rent the renter paid during the last year.',
  fields: (t) => ({
    name: t.string({ required: true }),
    paymentFrequency: t.field({ type: PaymentFrequencyEnum, required: true }),
    rentPaymentAmountPence: t.field({ type: 'SafeInt', required: true, description: 'Each payment in pence: whole pounds.' }),
    rentPaidTo: t.string({ required: true }),
  }),
});

const PrefillRentInput = builder.inputRef<PrefillRentInputShape>('PrefillRentInput').implement({
  description: 'Rent history to prefill a renter’s Rent Passport with.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The renter the data is about.' }),
    homeowner: t.boolean({ required: true }),
    rentsDuringLastYear: t.boolean({ required: true }),
    rents: t.field({ type: [RentInput], description: 'Rents during the last year: at least one when rentsDuringLastYear is true.' }),
  }),
});

const Rent = builder.objectRef<CanopyRent>('RenterRent').implement({
  description: 'One rent the renter paid, as Canopy holds it.',
  fields: (t) => ({
    name: t.exposeString('name'),
    paymentFrequency: t.field({
      type: PaymentFrequencyEnum,
      resolve: (rent) => listed('PaymentFrequency', PAYMENT_FREQUENCY_VALUES, rent.paymentFrequency),
    }),
    rentPaymentAmount: t.field({ type: Money, description: 'Each payment.', resolve: (rent) => money(rent.rentPaymentAmount, 'GBP') }),
    rentPaidTo: t.exposeString('rentPaidTo'),
  }),
});

const PrefilledRent = builder.objectRef<CanopyRentData>('PrefilledRent').implement({
  description: 'The rent history Canopy now holds for the renter.',
  fields: (t) => ({
    email: t.exposeString('email'),
    homeowner: t.exposeBoolean('homeowner'),
    rentsDuringLastYear: t.exposeBoolean('rentsDuringLastYear'),
    rents: t.field({ type: [Rent], nullable: true, authScopes: { pii: true }, resolve: (data) => data.rents ?? [] }),
  }),
});

builder.mutationField('prefillRent', (t) =>
  t.field({
    type: PrefilledRent,
    errors: {},
    description: 'Prefills the renter’s Rent Passport with their rent history; it replaces what was set before.',
    args: { input: t.arg({ type: PrefillRentInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.clients.canopyReferencing.setRent(input.email.trim(), validatePrefillRent(input)),
  }),
);
