import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A Reposit-style id (`rep_xdFEdfgeDxoC`) derived from a key, so the same seed always gives the
 * same ids and tests can find them again.
 */
export function repositStyleId(prefix: 'sup' | 'usr' | 'rep' | 'pol' | 'doc', key: string, length = 14): string {
  const digest = createHash('sha256').update(`${prefix}:${key}`).digest();
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[digest[i]! % ALPHABET.length];
  return `${prefix}_${id}`;
}
