import { AgencyChangeError } from '../../agencies/agency-change-error';
import type { VendorKey } from '../../agencies/agency';
import { Agency } from '../agency';
import { builder } from '../builder';
import { ProblemList } from '../validation-error';
import { asValidationErrors } from './field-errors';
import { requireOperator } from './rights';

const AgencyVendorEnum = builder.enumType('AgencyVendor', {
  values: {
    CANOPY_REFERENCING: { value: 'canopyReferencing' },
    CANOPY_SERVICING: { value: 'canopyServicing' },
    REPOSIT: { value: 'reposit' },
  } as const,
});

const CreateAgencyInput = builder.inputType('CreateAgencyInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: '1 to 63 lower-case letters, digits or "-"; it names the agency in tokens and keys.' }),
    name: t.string({ required: true }),
  }),
});

const DeleteAgencyInput = builder.inputType('DeleteAgencyInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const CanopyReferencingCredentialsInput = builder.inputType('CanopyReferencingCredentialsInput', {
  fields: (t) => ({
    baseUrl: t.string({ required: true, description: 'Canopy gives every client its own base URL.' }),
    clientId: t.string({ required: true }),
    secretKey: t.string({ required: true }),
    apiKey: t.string({ required: true }),
  }),
});

const CanopyServicingCredentialsInput = builder.inputType('CanopyServicingCredentialsInput', {
  fields: (t) => ({
    baseUrl: t.string({ description: 'Canopy Servicing’s own when absent.' }),
    token: t.string({ required: true }),
  }),
});

const RepositCredentialsInput = builder.inputType('RepositCredentialsInput', {
  fields: (t) => ({
    baseUrl: t.string({ description: 'Reposit’s own when absent.' }),
    apiKey: t.string({ required: true }),
  }),
});

const SetAgencyVendorCredentialsInput = builder.inputType('SetAgencyVendorCredentialsInput', {
  description: 'Exactly one vendor’s account, which replaces the one the agency has.',
  fields: (t) => ({
    canopyReferencing: t.field({ type: CanopyReferencingCredentialsInput }),
    canopyServicing: t.field({ type: CanopyServicingCredentialsInput }),
    reposit: t.field({ type: RepositCredentialsInput }),
  }),
});

const AgencyCreated = builder.simpleObject('AgencyCreated', {
  fields: (t) => ({ agency: t.field({ type: Agency }) }),
});

const AgencyDeleted = builder.simpleObject('AgencyDeleted', {
  description: 'Its callers are refused from their next request, and its webhook URLs answer 404.',
  fields: (t) => ({ id: t.id() }),
});

const AgencyVendorCredentialsSet = builder.simpleObject('AgencyVendorCredentialsSet', {
  description: 'Every instance builds the agency’s clients with the new credentials from its next request; they are never shown again.',
  fields: (t) => ({ agency: t.field({ type: Agency }), vendor: t.field({ type: AgencyVendorEnum }) }),
});

const VENDOR_FIELDS = ['canopyReferencing', 'canopyServicing', 'reposit'] as const satisfies readonly VendorKey[];

builder.mutationFields((t) => ({
  createAgency: t.field({
    type: AgencyCreated,
    errors: { types: [AgencyChangeError] },
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Adds a run-time agency, without vendor accounts; for a CRM operator (an API key for all agencies). Needs Redis and CREDENTIALS_KEY.',
    args: { input: t.arg({ type: CreateAgencyInput, required: true }) },
    resolve: async (_root, { input }, ctx, info) => {
      requireOperator(ctx, info, 'creating an agency');
      const agency = await asValidationErrors(ctx.admin.registry.create({ id: String(input.id), name: input.name }));
      return { agency: { id: agency.id, name: agency.name } };
    },
  }),
  deleteAgency: t.field({
    type: AgencyDeleted,
    errors: { types: [AgencyChangeError] },
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Removes a run-time agency and its credentials; for a CRM operator. Configured agencies are removed from their configuration.',
    args: { input: t.arg({ type: DeleteAgencyInput, required: true }) },
    resolve: async (_root, { input }, ctx, info) => {
      requireOperator(ctx, info, 'deleting an agency');
      const id = String(input.id);
      await asValidationErrors(ctx.admin.registry.delete(id));
      return { id };
    },
  }),
  setAgencyVendorCredentials: t.field({
    type: AgencyVendorCredentialsSet,
    errors: { types: [AgencyChangeError] },
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Sets one vendor account of the caller’s own run-time agency (a CRM operator names it with x-agency-id). Credentials are write-only.',
    args: { input: t.arg({ type: SetAgencyVendorCredentialsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const given = VENDOR_FIELDS.filter((vendor) => input[vendor] !== null && input[vendor] !== undefined);
      const problems = new ProblemList();
      if (given.length !== 1) problems.add(given[1] ?? 'canopyReferencing', 'exactlyOne', `give exactly one of ${VENDOR_FIELDS.join(', ')}`);
      problems.throwIfAny();
      const vendor = given[0]!;
      const account = Object.fromEntries(Object.entries(input[vendor]!).filter(([, value]) => value !== null && value !== undefined));
      await asValidationErrors(ctx.admin.registry.setVendorCredentials(ctx.agency.id, vendor, account), (path) => path.replace(/^credentials/, vendor));
      return { agency: { id: ctx.agency.id, name: ctx.agency.name }, vendor };
    },
  }),
}));
