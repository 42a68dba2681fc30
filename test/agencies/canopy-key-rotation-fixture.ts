import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createCredentialCipher } from '../../src/agencies/credential-cipher';
import type { CanopyKeyReconciliationOptions } from '../../src/agencies/canopy-key-rotation';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { CanopyReferencingClient } from '../../src/sources/canopy-referencing/client';
import { canopyReferencingErrorBody } from '../../src/sources/canopy-referencing/error-body';
import { VendorError } from '../../src/sources/vendor-error';
import { useSandbox } from '../helpers/sandbox';

export const AGENCY_ID = 'north';
export const CONFIGURED_KEY: string = SANDBOX_CREDENTIALS.canopyReferencing.secretKey;

/**
 * A sandbox Canopy over HTTP and the shared Redis under a prefix of the test's own. `instance()`
 * is what one gateway process holds: its own Redis connection and its own Canopy connections.
 */
export async function useRotationFixture() {
  const sandbox = await useSandbox();
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const cipher = createCredentialCipher({ current: randomBytes(32) });
  const connections: Redis[] = [];
  const admin = connect();

  function connect(): Redis {
    const redis = new Redis({ host: '127.0.0.1', port: 6379 });
    connections.push(redis);
    return redis;
  }

  function instance(overrides: Partial<CanopyKeyReconciliationOptions> = {}) {
    const http = sandbox.http('canopy-referencing', { readErrorBody: canopyReferencingErrorBody });
    const { clientId, apiKey } = SANDBOX_CREDENTIALS.canopyReferencing;
    const options: CanopyKeyReconciliationOptions = {
      redis: connect(),
      prefix,
      cipher,
      agencyId: AGENCY_ID,
      configuredKey: CONFIGURED_KEY,
      canopyClient: (secretKey) => new CanopyReferencingClient({ http, clientId, apiKey, secretKey }),
      ...overrides,
    };
    return options;
  }

  /** Whether the sandbox exchanges a JWT signed with `secretKey`, asked by a client with no token yet. */
  async function accepts(secretKey: string): Promise<boolean> {
    try {
      await instance().canopyClient(secretKey).requestAccessToken();
      return true;
    } catch (error) {
      if (error instanceof VendorError && error.status === 401) return false;
      throw error;
    }
  }

  /** Every key of the test and its raw value, as Redis holds it. */
  async function rawRecords(): Promise<Record<string, string>> {
    const keys = await admin.keys(`${prefix}:*`);
    const values = keys.length > 0 ? await admin.mget(...keys) : [];
    return Object.fromEntries(keys.map((key, i) => [key, values[i] ?? '']));
  }

  async function close(): Promise<void> {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    for (const redis of connections) redis.disconnect();
    await sandbox.close();
  }

  return {
    sandbox,
    prefix,
    cipher,
    admin,
    instance,
    accepts,
    rawRecords,
    /** The key the sandbox Canopy holds now, as an operator would get it from Canopy. */
    liveKey: () => sandbox.simulators.canopyReferencing.state.secretKey,
    refreshCalls: () => sandbox.calls.count('canopy-referencing', 'POST /referencing-requests/client/refresh'),
    close,
    [Symbol.asyncDispose]: close,
  };
}

export type RotationFixture = Awaited<ReturnType<typeof useRotationFixture>>;
