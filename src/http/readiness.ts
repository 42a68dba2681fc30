import type { RedisClient } from '../redis-client';
import type { VendorKey } from '../agencies/agency';
import type { VendorPools } from '../sources/clients';
import { VENDORS } from '../sources/vendors';
import type { ReadinessCheck } from './health-routes';

/** Redis (or, on a cluster, a node of it) answers a PING on a ready connection; `where` is said without a password. */
export function redisReadiness(redis: RedisClient, where: string): ReadinessCheck {
  return {
    name: 'redis',
    async check() {
      if (redis.status !== 'ready') throw new Error(`not connected to ${where} (${redis.status})`);
      await redis.ping();
    },
  };
}

/**
 * Each vendor answers HTTP at every origin some agency uses: its status does not matter here,
 * only that it answers. One check per vendor, over the origins of the agencies served now.
 */
export function vendorReadiness(pools: VendorPools, accounts: () => Array<{ vendor: VendorKey; baseUrl: string }>): ReadinessCheck[] {
  return Object.values(VENDORS).map((vendor) => ({
    name: vendor.name,
    async check() {
      const origins = accounts().filter((account) => account.vendor === vendor.key);
      await Promise.all(
        origins.map(async ({ baseUrl }) => {
          const response = await pools.for(vendor.name, vendor.key, baseUrl).request({ method: 'HEAD', path: '/', headersTimeout: 2_000 });
          await response.body.dump();
        }),
      );
    },
  }));
}
