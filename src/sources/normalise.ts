/**
 * Readers for the shapes vendors send loosely: numbers as strings (`"400000"`, `"6.2"`,
 * `"15.5%"`), timestamps as strings. Each names the field it reads, so a surprising payload
 * fails with a message that says where.
 */
import { diagnose } from '../logging/diagnostics';

export class PayloadError extends Error {
  override name = 'PayloadError';
}

/** The field a refusal names, for a log line that must not quote the value: every message starts `field: `. */
export function fieldNamedIn(message: string): string | undefined {
  const end = message.indexOf(':');
  return end > 0 ? message.slice(0, end) : undefined;
}

/**
 * A received value as an error message quotes it: short, and never by serialising a structure,
 * which a deeply nested payload would make throw.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A number sent as a number or as a numeric string, with an optional trailing `%`. */
export function toNumber(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const trimmed = value.trim().replace(/%$/, '').trim();
    const parsed = trimmed === '' ? Number.NaN : Number(trimmed);
    if (Number.isFinite(parsed)) return parsed;
  }
  throw new PayloadError(`${field}: expected a number, got ${shown(value)}`);
}

export function toOptionalNumber(value: unknown, field: string): number | undefined {
  return value === undefined || value === null || value === '' ? undefined : toNumber(value, field);
}

/** An integer amount (cents, pence) sent as a number or a numeric string. */
export function toInteger(value: unknown, field: string): number {
  const number = toNumber(value, field);
  if (!Number.isSafeInteger(number)) throw new PayloadError(`${field}: expected a whole number, got ${shown(value)}`);
  return number;
}

export function toOptionalInteger(value: unknown, field: string): number | undefined {
  return value === undefined || value === null || value === '' ? undefined : toInteger(value, field);
}

/**
 * An ISO 8601 timestamp or date, as a string: the vendors' docs give every timestamp that way,
 * so a number (which `new Date` would read as epoch milliseconds) is refused, not guessed at.
 */
export function toDate(value: unknown, field: string): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new PayloadError(`${field}: expected a date, got ${shown(value)}`);
}

export function toOptionalDate(value: unknown, field: string): Date | undefined {
  return value === undefined || value === null || value === '' ? undefined : toDate(value, field);
}

/** Whole pounds or dollars with up to two decimals, as integer minor units, without float drift. */
export function toMinorUnits(value: unknown, field: string): number {
  const text = typeof value === 'number' ? value.toFixed(2) : String(value).trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new PayloadError(`${field}: expected an amount with at most two decimals, got ${shown(value)}`);
  const [, sign, whole, fraction = ''] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -minor : minor;
}

/** A JSON object (not null, not an array). */
export function toRecord(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PayloadError(`${field}: expected an object, got ${shown(value)}`);
  }
  return value as Record<string, unknown>;
}

/** A non-empty string. */
export function toText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new PayloadError(`${field}: expected a string, got ${shown(value)}`);
  return value;
}

const warnedFields = new Set<string>();

/**
 * Reads one field without failing the answer around it. `read` is the documented reading; a
 * value it refuses is read by `nearest` (the closest honest value, e.g. `"1234.5"` pounds as
 * 123450 pence) or else becomes undefined, and the field is logged once per process: its name
 * and the kind of value, never the value, which may be personal data.
 */
export function lenient<T>(
  value: unknown,
  field: string,
  read: (value: unknown, field: string) => T | undefined,
  nearest?: (value: unknown, field: string) => T | undefined,
): T | undefined {
  try {
    return read(value, field);
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    if (!warnedFields.has(field)) {
      warnedFields.add(field);
      diagnose('warn', 'vendor payload', `${field} is not as documented (got ${value === null ? 'null' : typeof value}); read leniently`);
    }
    if (!nearest) return undefined;
    try {
      return nearest(value, field);
    } catch (fallback) {
      if (fallback instanceof PayloadError) return undefined;
      throw fallback;
    }
  }
}
