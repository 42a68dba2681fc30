import { builder } from '../builder';
import { linkAfterVendorWrite, withUnlinked } from '../links-after-write';
import { vendorIdOf } from '../global-id';
import { Reposit } from './reposit';
import { validateCreateReposit, type AddressInputShape, type CreateRepositInputShape } from './create-reposit.validation';

const RepositAddressInput = builder.inputRef<AddressInputShape>('RepositAddressInput').implement({
  description: 'A postal address for Reposit.',
  fields: (t) => ({
    line1: t.string({ required: true, description: 'First line of the address.' }),
    line2: t.string({ description: 'Second line of the address.' }),
    town: t.string({ required: true, description: 'Town or city.' }),
    country: t.string({ required: true, description: 'ISO 3166-1 alpha-3 country code, e.g. GBR.' }),
    postcode: t.string({ required: true, description: 'Postcode; a UK one (e.g. EC2M 6YP) when the country is GBR.' }),
  }),
});

const LandlordInput = builder.inputRef<CreateRepositInputShape['landlord']>('LandlordInput').implement({
  description: 'The landlord, named on the insurance policies; a person or a company.',
  fields: (t) => ({
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    email: t.string({ required: true, description: 'Where Reposit sends the policy documents.' }),
    address: t.field({ type: RepositAddressInput, required: true, description: 'Home or business address.' }),
  }),
});

const CreateRepositInput = builder.inputRef<CreateRepositInputShape>('CreateRepositInput').implement({
  description: 'Everything Reposit needs to create a Reposit for a tenancy.',
  fields: (t) => ({
    address: t.field({
      type: RepositAddressInput,
      required: true,
      description: 'Address of the property on the tenancy agreement.',
    }),
    landlord: t.field({ type: LandlordInput, required: true }),
    agentId: t.id({
      required: true,
      description: 'The agent who receives the Reposit’s notifications: an `agentId` (or global id) from `repositSupplier.agents`.',
    }),
    monthlyRentPence: t.field({ type: 'SafeInt', required: true, description: 'Monthly rent in pence.' }),
    headcount: t.int({ description: 'Total number of tenants; the number of `tenantEmails` when left out, and must equal it.' }),
    startDate: t.field({ type: 'Date', required: true, description: 'Start date of the tenancy.' }),
    endDate: t.field({ type: 'Date', required: true, description: 'End date of the tenancy; after the start.' }),
    tenantEmails: t.stringList({ required: true, description: 'E-mail addresses of every tenant on the tenancy agreement.' }),
    letOnly: t.boolean({
      description: 'True if the landlord will manage the claims process instead of the agent. Defaults to false.',
    }),
  }),
});

builder.mutationField('createReposit', (t) =>
  t.field({
    type: Reposit,
    errors: { result: withUnlinked },
    description: 'Creates a Reposit; Reposit then e-mails the tenants, who confirm, sign and pay before it becomes active.',
    args: { input: t.arg({ type: CreateRepositInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = validateCreateReposit({ ...input, agentId: vendorIdOf('RepositAgent', String(input.agentId)) });
      const reposit = await ctx.clients.reposit.createReposit(request);
      ctx.loaders.reposit.reposit.prime(reposit.id, reposit);
      return linkAfterVendorWrite(ctx, reposit, reposit.tenants.map((tenant) => ({ email: tenant.email, kind: 'reposit', vendorId: reposit.id })));
    },
  }),
);
