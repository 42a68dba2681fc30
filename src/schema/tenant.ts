import { createGraphQLError } from 'graphql-yoga';
import { isEmail, normaliseEmail } from '../links/email';
import { builder } from './builder';
import { checkListArgument } from './list-argument';
import { Account, loadAccounts } from './canopy-servicing/account';
import { prefetchAccountParts } from './canopy-servicing/account.prefetch';
import {
  loadReferencingRequests,
  ReferencingRequest,
  referencingRequestEmail,
} from './canopy-referencing/referencing-request';
import { loadReposits, Reposit, RepositTenant } from './reposit/reposit';

export interface TenantShape {
  /** Normalised: trimmed and lower-cased. */
  email: string;
}

export const Tenant = builder.objectRef<TenantShape>('Tenant').implement({
  description:
    'The person renting: the same human in Canopy Referencing, Reposit and Canopy Servicing, joined by e-mail (trimmed, lower-cased).',
  fields: (t) => ({
    email: t.exposeString('email'),
    referencingRequests: t.field({
      type: [ReferencingRequest],
      nullable: true,
      description: 'Screening requests for this renter, newest first. Null when Canopy Referencing failed.',
      resolve: async (tenant, _, ctx) => loadReferencingRequests(ctx, await ctx.loaders.links.referencingRequest.load(tenant.email)),
    }),
    reposits: t.field({
      type: [Reposit],
      nullable: true,
      description: 'Reposits this person is a tenant on, newest first. Null when Reposit failed.',
      resolve: async (tenant, _, ctx) => loadReposits(ctx, await ctx.loaders.links.reposit.load(tenant.email)),
    }),
    accounts: t.field({
      type: [Account],
      nullable: true,
      description: 'Credit accounts of this person, newest first. Null when Canopy Servicing failed.',
      resolve: async (tenant, _, ctx, info) => {
        const ids = await ctx.loaders.links.account.load(tenant.email);
        prefetchAccountParts(ctx, ids, info);
        return loadAccounts(ctx, ids);
      },
    }),
  }),
});

export function tenantOf(email: string): TenantShape {
  return { email: normaliseEmail(email) };
}

function checkedEmail(email: string, argument: string): TenantShape {
  const tenant = tenantOf(email);
  if (!isEmail(tenant.email)) {
    throw createGraphQLError(`${argument}: must be an e-mail address, got ${JSON.stringify(email)}`, {
      extensions: { code: 'BAD_USER_INPUT', field: argument, rule: 'format' },
    });
  }
  return tenant;
}

builder.queryFields((t) => ({
  tenant: t.field({
    type: Tenant,
    nullable: true,
    description: 'One tenant by e-mail, with everything the vendors hold about them.',
    args: { email: t.arg.string({ required: true }) },
    resolve: (_, { email }) => checkedEmail(email, 'email'),
  }),
  tenants: t.field({
    type: [Tenant],
    description: 'Several tenants at once (a list screen): their vendor calls are batched together.',
    args: { emails: t.arg.stringList({ required: true }) },
    resolve: (_, { emails }) => {
      checkListArgument('emails', emails);
      return emails.map((email, i) => checkedEmail(email, `emails.${i}`));
    },
  }),
}));

builder.objectField(ReferencingRequest, 'tenant', (t) =>
  t.field({ type: Tenant, resolve: (request) => tenantOf(referencingRequestEmail(request)) }),
);

builder.objectField(RepositTenant, 'tenant', (t) => t.field({ type: Tenant, resolve: (tenant) => tenantOf(tenant.email) }));
