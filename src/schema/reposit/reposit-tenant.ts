import { REPOSIT_TENANT_STATUS_VALUES, type RepositTenant as RepositTenantShape } from '../../sources/reposit/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { RepositTenantStatusEnum } from './enums';

export type { RepositTenantShape };

export const RepositTenant = builder.objectRef<RepositTenantShape>('RepositTenant').implement({
  description: 'A tenant on a Reposit, and how far they have got through it.',
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The tenant’s e-mail, as the Reposit lists it.' }),
    status: t.field({
      type: RepositTenantStatusEnum,
      resolve: (tenant) => listed('RepositTenantStatus', REPOSIT_TENANT_STATUS_VALUES, tenant.status),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the tenant was added to the Reposit.',
      resolve: (tenant) => tenant.createdAt,
    }),
  }),
});
