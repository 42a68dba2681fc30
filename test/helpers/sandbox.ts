import type { Pool } from 'undici';
import { createVendorPool, VendorHttp, type VendorHttpOptions } from '../../src/sources/http';
import type { VendorName } from '../../src/sources/vendor-error';
import { startSandbox, type StartSandboxOptions } from '../../src/sandbox/start';

/**
 * A running sandbox on an ephemeral port, with `http(vendor)` to reach one of its vendors over
 * real HTTP. Close it in `afterAll`/`afterEach`, or hold it with `await using`.
 */
export async function useSandbox(options: StartSandboxOptions = {}) {
  const sandbox = await startSandbox(options);
  const pools: Pool[] = [];

  async function close(): Promise<void> {
    await Promise.all(pools.map((pool) => pool.close()));
    await sandbox.close();
  }

  return {
    ...sandbox,
    /** A VendorHttp for one sandbox vendor on a pool of its own; retries are quick so tests stay fast. */
    http(vendor: VendorName, overrides: Partial<VendorHttpOptions> = {}): VendorHttp {
      const baseUrl = sandbox.baseUrls[vendor];
      const pool = createVendorPool(baseUrl);
      pools.push(pool);
      return new VendorHttp({
        vendor,
        baseUrl,
        dispatcher: pool,
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
        ...overrides,
      });
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

export type TestSandbox = Awaited<ReturnType<typeof useSandbox>>;
