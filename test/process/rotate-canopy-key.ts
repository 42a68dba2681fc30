/**
 * One rotation of agency `default`'s Canopy secret key, run as a process of its own exactly as a
 * gateway instance runs it (`loadConfig` of the same environment, its own Redis connection), so a
 * test can SIGKILL it mid-way. Prints `step <name>` as each step completes, never a key; with
 * HOLD_AT=<step> it stops there and waits to be killed. LOCK_TTL_MS shortens the rotation lock a
 * killed process leaves behind.
 */
import { Redis } from 'ioredis';
import { rotateCanopySecretKey } from '../../src/agencies/canopy-key-rotation';
import { createCredentialCipher } from '../../src/agencies/credential-cipher';
import { loadConfig } from '../../src/config';
import { createVendorClients, createVendorPools } from '../../src/sources/clients';

const config = loadConfig();
const canopy = config.agency.canopyReferencing;
if (!canopy || !config.credentialKeys) throw new Error('CANOPY_* and CREDENTIALS_KEY are needed');
const redis = new Redis(config.redisUrl);
const pools = createVendorPools();

const secretKey = await rotateCanopySecretKey({
  redis,
  prefix: config.redisKeyPrefix,
  cipher: createCredentialCipher(config.credentialKeys),
  agencyId: 'default',
  configuredKey: canopy.secretKey,
  lockTtlMs: Number(process.env.LOCK_TTL_MS ?? 120_000),
  canopyClient: (key) =>
    createVendorClients({ id: 'default', name: 'Default agency', source: 'environment', vendors: { canopyReferencing: { ...canopy, secretKey: key } } }, pools, {
      repositReferrerToken: undefined,
    }).canopyReferencing,
  onStep: (step) => {
    console.log(`step ${step}`);
    if (step === process.env.HOLD_AT) return new Promise<never>(() => undefined);
  },
});
console.log(`rotated (${secretKey === canopy.secretKey ? 'unchanged' : 'new key stored'})`);
redis.disconnect();
await pools.close();
