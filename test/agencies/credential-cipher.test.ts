import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredentialCipher, CredentialOpenError, parseCredentialKey } from '../../src/agencies/credential-cipher';
import { loadConfig } from '../../src/config';

const SECRET = { token: 'servicing-token-that-must-not-show' };

describe('credential cipher', () => {
  const key = randomBytes(32);
  const cipher = createCredentialCipher({ current: key });

  it('seals without the plaintext, with a fresh IV each time, and opens what it sealed', () => {
    const first = cipher.seal('north', 'canopyServicing', SECRET);
    const second = cipher.seal('north', 'canopyServicing', SECRET);
    expect(first).not.toContain(SECRET.token);
    expect(Buffer.from(first.split('.')[4]!, 'base64url').toString('utf8')).not.toContain(SECRET.token);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
    expect(cipher.open('north', 'canopyServicing', first)).toEqual(SECRET);
  });

  it('refuses a value moved to another agency or vendor, or altered', () => {
    const sealed = cipher.seal('north', 'canopyServicing', SECRET);
    expect(() => cipher.open('south', 'canopyServicing', sealed)).toThrow(CredentialOpenError);
    expect(() => cipher.open('north', 'reposit', sealed)).toThrow(CredentialOpenError);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped.writeUInt8(flipped.readUInt8(0) ^ 1, 0);
    parts[4] = flipped.toString('base64url');
    expect(() => cipher.open('north', 'canopyServicing', parts.join('.'))).toThrow(CredentialOpenError);
  });

  it('opens values of the previous key during a key change, and seals new ones with the current key', () => {
    const next = randomBytes(32);
    const old = cipher.seal('north', 'reposit', SECRET);
    const rotated = createCredentialCipher({ current: next, previous: key });
    expect(rotated.open('north', 'reposit', old)).toEqual(SECRET);
    expect(rotated.sealedWithPrevious(old)).toBe(true);
    const resealed = rotated.seal('north', 'reposit', SECRET);
    expect(rotated.sealedWithPrevious(resealed)).toBe(false);
    expect(() => cipher.open('north', 'reposit', resealed)).toThrow(/neither CREDENTIALS_KEY nor CREDENTIALS_KEY_PREVIOUS/);
    expect(() => createCredentialCipher({ current: next }).open('north', 'reposit', old)).toThrow(CredentialOpenError);
  });

  it('reads a key as hex or base64 of 32 bytes, and nothing else', () => {
    const raw = randomBytes(32);
    expect(parseCredentialKey(raw.toString('hex'))).toEqual(raw);
    expect(parseCredentialKey(raw.toString('base64'))).toEqual(raw);
    expect(parseCredentialKey(raw.toString('base64url'))).toEqual(raw);
    expect(parseCredentialKey(randomBytes(16).toString('hex'))).toBeUndefined();
    expect(parseCredentialKey('correct horse battery staple')).toBeUndefined();
  });

  it('config names CREDENTIALS_KEY and its rule, and never shows the value', () => {
    expect(() => loadConfig({ CREDENTIALS_KEY: 'too-short-secret' })).toThrow(/^CREDENTIALS_KEY: expected 32 bytes, as 64 hex digits or base64$/);
    expect(() => loadConfig({ CREDENTIALS_KEY_PREVIOUS: randomBytes(32).toString('hex') })).toThrow(/CREDENTIALS_KEY: expected a value, because CREDENTIALS_KEY_PREVIOUS is set/);
    const hex = randomBytes(32).toString('hex');
    expect(loadConfig({ CREDENTIALS_KEY: hex }).credentialKeys?.current).toEqual(Buffer.from(hex, 'hex'));
  });
});
