import type { Redis } from 'ioredis';
import type { VendorPools } from '../sources/clients';
import type { ReadinessCheck } from './health-routes';
import { redactUrl } from './redact-url';

/** Redis answers a PING on a ready connection. */
export function redisReadiness(redis: Redis, url: string): ReadinessCheck {
  const shown = redactUrl(url);
  return {
    name: 'redis',
    async check() {
      if (redis.status !== 'ready') throw new Error(`not connected to ${shown} (${redis.status})`);
      await redis.ping();
    },
  };
}

/** Each vendor's origin answers HTTP at all: its status does not matter here, only that it answers. */
export function vendorReadiness(pools: VendorPools): ReadinessCheck[] {
  return Object.entries(pools).map(([vendor, pool]) => ({
    name: vendor,
    async check() {
      const response = await pool.request({ method: 'HEAD', path: '/', headersTimeout: 2_000 });
      await response.body.dump();
    },
  }));
}
