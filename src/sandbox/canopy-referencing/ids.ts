import { createHash, randomUUID } from 'node:crypto';

/** A UUID-shaped id that is the same for the same parts on every run, so tests can find seeded objects. */
export function stableUuid(...parts: Array<string | number>): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Canopy puts a fresh id on every answer. */
export function newRequestId(): string {
  return randomUUID();
}
