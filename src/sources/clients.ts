import { Pool } from 'undici';
import type { Agency, VendorKey } from '../agencies/agency';
import type { VendorConnections } from '../config';
import { createVendorPool, VendorHttp, type VendorHttpOptions } from './http';
import type { VendorBudgets } from './vendor-budget';
import type { CrmIdentity } from './vendor-module';
import { eachVendor, type VendorAccount, type VendorClients } from './vendors';
import type { VendorName } from './vendor-error';

export type { VendorClients } from './vendors';

/** An agency with an account at every vendor, as the sandbox hands them out. */
export type ResolvedAgency = { id: string } & { [K in VendorKey]: VendorAccount<K> };

/**
 * Keep-alive pools by vendor origin, shared by every agency: credentials are headers, not
 * connections. A pool is opened on an origin's first call and kept for the life of the process.
 */
export interface VendorPools {
  for(vendor: VendorName, key: VendorKey, baseUrl: string): Pool;
  /** Every origin with a pool now, for readiness. */
  open(): Array<{ vendor: VendorName; origin: string; pool: Pool }>;
  close(): Promise<void>;
}

export function createVendorPools(connections?: Partial<VendorConnections>): VendorPools {
  const pools = new Map<string, { vendor: VendorName; origin: string; pool: Pool }>();
  return {
    for(vendor, key, baseUrl) {
      const origin = new URL(baseUrl).origin;
      const id = `${vendor} ${origin}`;
      let entry = pools.get(id);
      if (!entry) pools.set(id, (entry = { vendor, origin, pool: createVendorPool(baseUrl, { connections: connections?.[key] }) }));
      return entry.pool;
    },
    open: () => [...pools.values()],
    async close() {
      await Promise.all([...pools.values()].map(({ pool }) => pool.close()));
      pools.clear();
    },
  };
}

export type VendorHttpTuning = Partial<Pick<VendorHttpOptions, 'headersTimeoutMs' | 'bodyTimeoutMs' | 'retry' | 'onCall'>> & {
  /** Each agency's share of each vendor; unbounded when absent. */
  budgets?: VendorBudgets;
};

/**
 * The vendor clients of one agency. Built once per agency and credential set, and kept: the Canopy
 * client caches its access token, which every request of the agency shares.
 */
export function createVendorClients(agency: Agency, pools: VendorPools, crm: CrmIdentity, tuning: VendorHttpTuning = {}): VendorClients {
  const { budgets, ...httpTuning } = tuning;
  return eachVendor<VendorClients>((vendor, key) => {
    const account = agency.vendors[key];
    const http = new VendorHttp({
      vendor: vendor.name,
      baseUrl: account?.baseUrl ?? 'http://no-account.invalid',
      dispatcher: account ? pools.for(vendor.name, key, account.baseUrl) : undefined,
      readErrorBody: vendor.readErrorBody,
      agencyId: agency.id,
      budget: budgets?.for(agency.id, key),
      ...httpTuning,
    });
    return vendor.createClient(http, account as never, crm) as VendorClients[typeof key];
  });
}
