import { builder } from '../builder';
import { CountryCodeEnum, CustomerAccountRoleEnum, LithicCardStateEnum, LithicCardTypeEnum } from './enums';
import { Customer } from './customer';
import { validateCreateCustomer, type AccountAssignmentInputShape, type CreateCustomerInputShape } from './customer.validation';
import { forgetServicingAnswers } from './forget';

type IssuerProcessorConfigShape = NonNullable<AccountAssignmentInputShape['issuerProcessorConfig']>;

const LithicCardInput = builder.inputRef<NonNullable<IssuerProcessorConfigShape['lithic']>>('LithicCardInput').implement({
  fields: (t) => ({
    memo: t.string({ description: 'Friendly name to identify the card.' }),
    type: t.field({ type: LithicCardTypeEnum }),
    state: t.field({ type: LithicCardStateEnum }),
    cardProgramToken: t.string({ description: 'Token (a UUID) of the card program under which to create the card.' }),
  }),
});

const IssuerProcessorConfigInput = builder.inputRef<IssuerProcessorConfigShape>('IssuerProcessorConfigInput').implement({
  fields: (t) => ({
    spendLimitCents: t.field({
      type: 'SafeInt',
      description: 'Spending limit of the card in US cents, at least 1; only the issuer processor’s own limit applies when absent.',
    }),
    lithic: t.field({ type: LithicCardInput }),
  }),
});

const AccountAssignmentInput = builder.inputRef<AccountAssignmentInputShape>('AccountAssignmentInput').implement({
  fields: (t) => ({
    accountId: t.id({ required: true, description: 'The account’s Canopy id or global id.' }),
    role: t.field({ type: CustomerAccountRoleEnum, description: 'The customer’s role on the account; PRIMARY when absent.' }),
    customerAccountExternalId: t.string({ description: 'A unique number for the customer on the account, e.g. a card number.' }),
    issuerProcessorConfig: t.field({ type: IssuerProcessorConfigInput }),
  }),
});

const BusinessDetailsInput = builder.inputRef<NonNullable<CreateCustomerInputShape['businessDetails']>>('BusinessDetailsInput').implement({
  fields: (t) => ({
    legalName: t.string(),
    doingBusinessAs: t.string({ required: true, description: 'The DBA name of the business.' }),
    ein: t.string({ required: true, description: 'EIN of the business.' }),
  }),
});

const CreateCustomerInput = builder.inputRef<CreateCustomerInputShape>('CreateCustomerInput').implement({
  description: 'A customer, with a US address as Canopy requires.',
  fields: (t) => ({
    customerId: t.string({ description: 'Your id for the customer, not starting with can_; Canopy generates one when absent.' }),
    namePrefix: t.string(),
    firstName: t.string({ required: true }),
    middleName: t.string(),
    lastName: t.string({ required: true }),
    nameSuffix: t.string(),
    phoneNumber: t.string({ required: true, description: 'In E.164 format, e.g. +14105556789.' }),
    addressLineOne: t.string({ required: true }),
    addressLineTwo: t.string(),
    city: t.string({ required: true }),
    state: t.string({ required: true }),
    zip: t.string({ required: true, description: "Five digit ZIP code or nine digit 'ZIP+4'." }),
    countryCode: t.field({ type: CountryCodeEnum }),
    ssn: t.string({ description: 'Social security number.' }),
    internationalCustomerId: t.string({ description: 'Any country-specific unique identifier of the customer.' }),
    email: t.string({ required: true, description: 'The customer’s e-mail: each assigned account shows under `tenant(email:)`.' }),
    dateOfBirth: t.field({ type: 'Date', required: true }),
    businessDetails: t.field({ type: BusinessDetailsInput }),
    assignToAccounts: t.field({
      type: [AccountAssignmentInput],
      description: 'Existing accounts to assign the customer to, at most 100.',
    }),
  }),
});

builder.mutationField('createCustomer', (t) =>
  t.field({
    type: Customer,
    errors: {},
    description: 'Creates a customer and assigns it to accounts; the customer’s e-mail is linked to each of them.',
    args: { input: t.arg({ type: CreateCustomerInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = validateCreateCustomer(input);
      const customer = await ctx.clients.canopyServicing.createCustomer(request);
      forgetServicingAnswers(ctx);
      const accountIds = (request.assignToAccounts ?? []).map((assignment) => assignment.accountId);
      await Promise.all(accountIds.map((accountId) => ctx.links.link(ctx.agency.id, request.email, 'account', accountId)));
      return { ...customer, accountIds };
    },
  }),
);
