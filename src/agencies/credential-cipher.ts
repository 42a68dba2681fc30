import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { VendorKey } from './agency';

/** The format of a sealed value; part of the authenticated data, so a value cannot pass for another version's. */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals credentials for Redis with AES-256-GCM. Each value gets a fresh IV, and its authenticated
 * data binds the agency, the vendor and the format version: a value copied to another agency or
 * vendor fails to open. During a key change the previous key still opens what it sealed; every
 * new value is sealed with the current one.
 */
export interface CredentialCipher {
  seal(agencyId: string, vendor: VendorKey | string, value: unknown): string;
  /** Throws CredentialOpenError when no key opens the value or it was sealed for another agency or vendor. */
  open(agencyId: string, vendor: VendorKey | string, sealed: string): unknown;
  /** Whether `sealed` was sealed with a key other than the current one (to re-seal it). */
  sealedWithPrevious(sealed: string): boolean;
}

export class CredentialOpenError extends Error {
  override name = 'CredentialOpenError';
}

export interface CredentialKeys {
  current: Buffer;
  /** CREDENTIALS_KEY_PREVIOUS: opens values sealed before the key changed. */
  previous?: Buffer;
}

export function createCredentialCipher(keys: CredentialKeys): CredentialCipher {
  const byId = new Map<string, Buffer>([[keyId(keys.current), keys.current]]);
  if (keys.previous) byId.set(keyId(keys.previous), keys.previous);
  const currentId = keyId(keys.current);
  const additionalData = (agencyId: string, vendor: string) => Buffer.from(`rentgraph-credentials\n${VERSION}\n${agencyId}\n${vendor}`);

  return {
    seal(agencyId, vendor, value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(agencyId, vendor));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(agencyId, vendor, sealed) {
      const [version, id, iv, tag, ciphertext] = sealed.split('.');
      if (version !== VERSION || !id || !iv || !tag || ciphertext === undefined) throw new CredentialOpenError('not a sealed credential');
      const key = byId.get(id);
      if (!key) throw new CredentialOpenError('sealed with a key that is neither CREDENTIALS_KEY nor CREDENTIALS_KEY_PREVIOUS');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(additionalData(agencyId, vendor));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
        return JSON.parse(plaintext.toString('utf8'));
      } catch {
        throw new CredentialOpenError(`does not open for agency ${agencyId} and ${vendor}`);
      }
    },
    sealedWithPrevious: (sealed) => sealed.split('.')[1] !== currentId,
  };
}

/** Names a key without revealing it: a value says which key sealed it. */
function keyId(key: Buffer): string {
  return createHash('sha256').update('rentgraph-credentials-key').update(key).digest('hex').slice(0, 12);
}

/** CREDENTIALS_KEY and CREDENTIALS_KEY_PREVIOUS: 32 bytes, as 64 hex digits or base64 (either alphabet). */
export function parseCredentialKey(raw: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(raw)) return undefined;
  const key = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}
