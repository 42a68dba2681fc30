/** Hostile values shared by the webhook and GraphQL mutators. */
import type { Random } from './prng';

export const UNICODE_PIECES = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u0000',
  '\u202e', // right-to-left override
  '\u200f',
  '\ufeff',
  '🏠🔑',
  'e\u0301',
  '\uffff',
];

export const BAD_PERCENT_ESCAPES = ['%', '%E', '%zz', '%E0%A4%A', '%C0%AF', '%ff%fe', '%%41', '%u0041'];

export const DOT_SEGMENTS = ['.', '..'];

export const INVALID_EMAILS = ['not-an-email', '@reposit.co.uk', 'tenant@', 'tenant reposit.co.uk'];

/** Numbers as raw JSON text, some beyond what a double or a safe integer holds. */
export const ODD_NUMBERS = ['1e309', '-1e309', '1e21', '9007199254740993', '-1', '0.5', '-0', '1e-400', '123456789012345678901234567890'];

/** A value of another JSON type than `value`. */
export function otherType(value: unknown, random: Random): unknown {
  const kinds: Array<[string, () => unknown]> = [
    ['number', () => random.pick([0, -1, 1.5, 42, 1e20])],
    ['string', () => random.pick(['', ' ', 'x', '42', 'null', 'true'])],
    ['boolean', () => random.chance(0.5)],
    ['null', () => null],
    ['array', () => random.pick([[], [value], ['x', 1]])],
    ['object', () => random.pick([{}, { value }])],
  ];
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return random.pick(kinds.filter(([name]) => name !== kind))[1]();
}

/** Arrays or objects nested `depth` levels deep, as JSON text. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

export function hugeString(random: Random): string {
  return random.pick(['x', 'é', '🏠', 'ab\u0000']).repeat(random.int(4_000, 20_000));
}

/** `text` with `piece` put in at a random place. */
export function insertInto(text: string, piece: string, random: Random): string {
  const at = random.int(0, text.length);
  return text.slice(0, at) + piece + text.slice(at);
}
