import { ASSUMED } from './assumed-sizes';
import type { CostTable } from './field-cost';

const REPOSIT = { calls: 1, primes: ['reposit'] } as const;

/** Reposit's fields that call it. */
export const repositCosts: CostTable = {
  vendor: 'reposit',
  fields: {
    'Query.reposit': { ...REPOSIT, summary: '1 Reposit call, plus those of the Reposit’s fields' },
    'Query.repositSupplier': { calls: 1, perRequest: true, read: 'supplier', summary: '1 Reposit call, plus 1 for its agents' },
    'Tenant.reposits': { ...REPOSIT, links: 'reposit' },
    'RepositEvent.reposit': REPOSIT,
    'Reposit.tenants': { items: ASSUMED.repositTenants },
    'Reposit.policies': { calls: 1, read: 'policies', items: ASSUMED.list },
    // The landlord is at the Reposit's `landlordUrl`: the Reposit itself is in its loader already.
    'Reposit.landlord': { calls: 1, read: 'landlord' },
    'RepositSupplier.agents': { calls: 1, read: 'agents', items: ASSUMED.agents },
    'RepositSupplier.createdAt': { calls: 1, perRequest: true, read: 'supplier' },
    'Mutation.createReposit': {
      calls: 1,
      primes: ['reposit'],
      sizes: (args) => ({ 'Reposit.tenants': ((args.input as { tenantEmails?: unknown[] } | undefined)?.tenantEmails ?? []).length }),
      summary: '1 Reposit call',
    },
  },
};
