import type { GatewayContext } from '../../context';
import {
  REPOSIT_TENANT_STATUS_VALUES,
  type Reposit as RepositShape,
  type RepositTenant as RepositTenantShape,
} from '../../sources/reposit/types';
import { foundOnly, orNull } from '../not-found';
import { builder } from '../builder';
import { nodeIdParser, vendorIdArgument } from '../global-id';
import { REPOSIT_ID } from '../../sources/id-formats';
import { canonicalRepositId } from '../../sources/reposit/reposit-id';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { RepositAddress } from './address';
import { RepositAgent } from './agent';
import { RepositStatusEnum, RepositTenantStatusEnum } from './enums';
import { RepositSupplier } from './supplier';

export type { RepositShape, RepositTenantShape };

/** One Reposit through the loader; null when Reposit does not know the id. */
export function repositOrNull(ctx: GatewayContext, id: string): Promise<RepositShape | null> {
  return orNull(ctx.loaders.reposit.reposit.load(id));
}

/** Reposits through the loader, in the order asked; ids Reposit does not know are skipped, any other failure is thrown. */
export async function loadReposits(ctx: GatewayContext, ids: string[]): Promise<RepositShape[]> {
  return foundOnly(await ctx.loaders.reposit.reposit.loadMany(ids));
}

export const RepositTenant = builder.objectRef<RepositTenantShape>('RepositTenant').implement({
  description: 'A tenant on a Reposit, and how far they have got through it.',
  fields: (t) => ({
    email: t.exposeString('email', { nullable: false, description: 'The tenant’s e-mail, as the Reposit lists it.' }),
    status: t.field({
      nullable: false,
      type: RepositTenantStatusEnum,
      resolve: (tenant) => listed('RepositTenantStatus', REPOSIT_TENANT_STATUS_VALUES, tenant.status),
    }),
    createdAt: t.field({
      nullable: false,
      type: 'DateTime',
      description: 'When the tenant was added to the Reposit.',
      resolve: (tenant) => tenant.createdAt,
    }),
  }),
});

export const Reposit = builder.node(builder.objectRef<RepositShape>('Reposit'), {
  description:
    'A deposit replacement for one tenancy: once every tenant has confirmed, signed and paid, it becomes active and the landlord is covered by an insurance policy.',
  id: { resolve: (reposit) => reposit.id, parse: nodeIdParser('Reposit', REPOSIT_ID) },
  loadOne: (id, ctx) => repositOrNull(ctx, id),
  fields: (t) => ({
    repositId: t.exposeID('id', { nullable: false, description: 'Reposit’s id of the Reposit (`rep_…`).' }),
    monthlyRent: t.field({
      nullable: false,
      type: Money,
      description: 'Monthly rent.',
      resolve: (reposit) => money(reposit.monthlyRentPence, 'GBP'),
    }),
    headcount: t.exposeInt('headcount', { nullable: false, description: 'Total number of tenants on the tenancy agreement.' }),
    startDate: t.field({
      nullable: false,
      type: 'Date',
      description: 'Start date of the tenancy.',
      resolve: (reposit) => reposit.startDate,
    }),
    endDate: t.field({
      nullable: false,
      type: 'Date',
      description: 'End date of the tenancy.',
      resolve: (reposit) => reposit.endDate,
    }),
    letOnly: t.exposeBoolean('letOnly', {
      nullable: false,
      description: 'True if the landlord, not the agent, manages the claims process. False when Reposit leaves it unset.',
    }),
    status: t.field({ nullable: false, type: RepositStatusEnum, resolve: (reposit) => reposit.status }),
    createdAt: t.field({
      nullable: false,
      type: 'DateTime',
      description: 'When the Reposit was created.',
      resolve: (reposit) => reposit.createdAt,
    }),
    closedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the Reposit closed on expiry.',
      resolve: (reposit) => reposit.closedAt ?? null,
    }),
    deactivatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the Reposit was deactivated by hand.',
      resolve: (reposit) => reposit.deactivatedAt ?? null,
    }),
    address: t.field({
      nullable: true,
      authScopes: { pii: true },
      type: RepositAddress,
      description: 'Address of the property on the tenancy agreement.',
      resolve: (reposit) => reposit.address,
    }),
    agent: t.field({
      nullable: false,
      type: RepositAgent,
      description: 'The agent user that owns the Reposit.',
      resolve: (reposit) => reposit.agent,
    }),
    supplier: t.field({
      nullable: false,
      type: RepositSupplier,
      description: 'The letting agency that manages the property.',
      resolve: (reposit) => reposit.supplier,
    }),
    tenants: t.field({
      nullable: false,
      type: [RepositTenant],
      description: 'Every tenant and their status.',
      resolve: (reposit) => reposit.tenants,
    }),
  }),
});

builder.queryField('reposit', (t) =>
  t.field({
    type: Reposit,
    nullable: true,
    description: 'A Reposit by Reposit’s id (`rep_…`, or the `ep_…` its tenant webhooks name it by) or its global id; null if Reposit does not know it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => repositOrNull(ctx, canonicalRepositId(vendorIdArgument('id', 'Reposit', args.id, REPOSIT_ID))),
  }),
);
