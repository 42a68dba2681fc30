import { createHash } from 'node:crypto';
import type { GatewayContext } from '../../context';
import type { Customer as CustomerRecord, CustomerInput } from '../../sources/canopy-servicing/types';
import { VendorError } from '../../sources/vendor-error';
import { builder } from '../builder';
import { linkAfterVendorWrite, withUnlinked } from '../links-after-write';
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
    errors: { result: withUnlinked },
    description:
      'Creates a customer and assigns it to accounts; the customer’s e-mail is linked to each of them. Without a `customerId` the gateway chooses one from the input, so the same input sent again answers the customer already made.',
    args: { input: t.arg({ type: CreateCustomerInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const validated = validateCreateCustomer(input);
      const request = { ...validated, customerId: validated.customerId ?? customerIdFor(ctx.agency.id, validated) };
      const customer = await createOrRecognise(ctx, request, validated.customerId === undefined);
      forgetServicingAnswers(ctx);
      const accountIds = (request.assignToAccounts ?? []).map((assignment) => assignment.accountId);
      const links = accountIds.map((vendorId) => ({ email: request.email, kind: 'account' as const, vendorId }));
      return linkAfterVendorWrite(ctx, { ...customer, accountIds }, links);
    },
  }),
);

/**
 * The id of a customer the caller left unnamed: a digest of the agency and the input, so a retry
 * of the same mutation (after a lost answer) names the same customer, which Canopy then refuses
 * to make twice. `rg_` marks the gateway's ids; the create-customer page forbids only `can_`.
 */
function customerIdFor(agencyId: string, input: CustomerInput): string {
  return `rg_${createHash('sha256').update(JSON.stringify([agencyId, input])).digest('hex').slice(0, 32)}`;
}

/** Canopy refusing the gateway's own digest id as used is this same input made before: that customer. */
async function createOrRecognise(ctx: GatewayContext, request: CustomerInput & { customerId: string }, idIsOurs: boolean): Promise<CustomerRecord> {
  try {
    return await ctx.clients.canopyServicing.createCustomer(request);
  } catch (error) {
    if (!idIsOurs || !(error instanceof VendorError) || error.fieldErrors?.customer_id === undefined) throw error;
    const { assignToAccounts: _assignments, ...fields } = request;
    return fields;
  }
}
