import { createHash } from 'node:crypto';

/** A UUID-shaped id that is always the same for the same name, so seeded ids are stable. */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`canopy-servicing:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 24-character id in the style of Canopy's customer ids (`31mNprzLd2bKl6koVna68ARM`). */
export function canopyStyleId(name: string): string {
  const bytes = createHash('sha256').update(`canopy-servicing:${name}`).digest();
  return Array.from(bytes.subarray(0, 24), (byte) => BASE62[byte % 62]).join('');
}
