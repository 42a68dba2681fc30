/**
 * Field readers for request bodies. Each reads one value, records what is wrong with it under
 * its path, and returns the value it could read. The vendor is lenient where its own examples
 * are: numbers may come as numeric strings (`"700000"`), rates with a trailing `%`.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

interface Rule {
  required?: boolean;
}

type Json = Record<string, unknown>;

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

function missing(value: unknown, field: string, rule: Rule, problems: Problems): boolean {
  if (!absent(value)) return false;
  if (rule.required) problems.add(field, 'is required');
  return true;
}

export function readObject(value: unknown, field: string, problems: Problems, rule: Rule = {}): Json | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Json;
  problems.add(field, 'must be an object');
  return undefined;
}

export function readString(
  value: unknown,
  field: string,
  problems: Problems,
  rule: Rule & { pattern?: RegExp; patternMessage?: string } = {},
): string | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  if (typeof value !== 'string') {
    problems.add(field, 'must be a string');
    return undefined;
  }
  if (rule.required && value.trim() === '') {
    problems.add(field, 'is required');
    return undefined;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    problems.add(field, rule.patternMessage ?? `must match ${rule.pattern.source}`);
    return undefined;
  }
  return value;
}

export function readEnum<T extends string>(
  value: unknown,
  values: readonly T[],
  field: string,
  problems: Problems,
  rule: Rule = {},
): T | undefined {
  // The reference writes `day_calc_type` as "365" in examples and as a number in its field list.
  const text = typeof value === 'number' ? String(value) : value;
  if (missing(text, field, rule, problems)) return undefined;
  if (typeof text === 'string' && (values as readonly string[]).includes(text)) return text as T;
  problems.add(field, `must be one of ${values.join(', ')}`);
  return undefined;
}

export function readInteger(value: unknown, field: string, problems: Problems, rule: Rule & { min?: number } = {}): number | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    problems.add(field, 'must be an integer');
    return undefined;
  }
  if (rule.min !== undefined && number < rule.min) {
    problems.add(field, `must be at least ${rule.min}`);
    return undefined;
  }
  return number;
}

/** A number, or a numeric string with an optional `%` (`"15.5%"`). */
export function readDecimal(value: unknown, field: string, problems: Problems, rule: Rule & { min?: number } = {}): number | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  const number = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*%?\s*$/.test(value) ? Number.parseFloat(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    problems.add(field, 'must be a number');
    return undefined;
  }
  if (rule.min !== undefined && number < rule.min) {
    problems.add(field, `must be at least ${rule.min}`);
    return undefined;
  }
  return number;
}

export function readBoolean(value: unknown, field: string, problems: Problems, rule: Rule = {}): boolean | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  if (typeof value === 'boolean') return value;
  problems.add(field, 'must be true or false');
  return undefined;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An RFC 3339 date-time with its offset. */
export function parseDateTime(value: string): Date | undefined {
  if (!DATE_TIME.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function readDateTime(value: unknown, field: string, problems: Problems, rule: Rule = {}): Date | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  const date = typeof value === 'string' ? parseDateTime(value) : undefined;
  if (!date) problems.add(field, 'must be an RFC 3339 date-time, e.g. 2020-07-20T09:11:28Z');
  return date;
}

/** An ISO 8601 calendar date (`YYYY-MM-DD`) that exists. */
export function readDate(value: unknown, field: string, problems: Problems, rule: Rule = {}): string | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    problems.add(field, 'must be a date as YYYY-MM-DD');
    return undefined;
  }
  return value as string;
}

export function readArray(value: unknown, field: string, problems: Problems, rule: Rule & { max?: number } = {}): unknown[] | undefined {
  if (missing(value, field, rule, problems)) return undefined;
  if (!Array.isArray(value)) {
    problems.add(field, 'must be an array');
    return undefined;
  }
  if (rule.max !== undefined && value.length > rule.max) {
    problems.add(field, `must not have more than ${rule.max} elements`);
    return undefined;
  }
  return value;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const E164 = /^\+[1-9]\d{1,14}$/;
/** Five digits, or ZIP+4 with or without its hyphen. */
export const US_ZIP = /^\d{5}(-?\d{4})?$/;
/** Deliberately plain: one @, something either side, a dot in the domain. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The reference's `phonenumber` format: digits with the usual separators, 7 to 15 digits. */
export const PHONE = /^\+?[\d\s().-]{7,20}$/;
