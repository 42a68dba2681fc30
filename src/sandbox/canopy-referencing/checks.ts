/**
 * Field checks that collect every problem of a body at once, with Joi-style types and messages,
 * as Canopy's validation answers them.
 */
import type { FieldProblem } from './errors';

export type Json = Record<string, unknown>;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export class FieldChecks {
  readonly problems: FieldProblem[] = [];

  fail(type: string, path: string, message: string): void {
    this.problems.push({ type, path, message });
  }

  private present(value: unknown, path: string, required: boolean): boolean {
    if (value !== undefined) return true;
    if (required) this.fail('any.required', path, `"${path}" is required`);
    return false;
  }

  object(value: unknown, path: string, required = true): Json | undefined {
    if (!this.present(value, path, required)) return undefined;
    if (isRecord(value)) return value;
    this.fail('object.base', path, `"${path}" must be of type object`);
    return undefined;
  }

  string(value: unknown, path: string, required = true): string | undefined {
    if (!this.present(value, path, required)) return undefined;
    if (typeof value !== 'string') {
      this.fail('string.base', path, `"${path}" must be a string`);
      return undefined;
    }
    if (value.trim() === '') {
      this.fail('string.empty', path, `"${path}" is not allowed to be empty`);
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: string, required = true): boolean | undefined {
    if (!this.present(value, path, required)) return undefined;
    if (typeof value === 'boolean') return value;
    this.fail('boolean.base', path, `"${path}" must be a boolean`);
    return undefined;
  }

  integer(value: unknown, path: string, required = true): number | undefined {
    if (!this.present(value, path, required)) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail('number.base', path, `"${path}" must be a number`);
      return undefined;
    }
    if (!Number.isInteger(value)) {
      this.fail('number.integer', path, `"${path}" must be an integer`);
      return undefined;
    }
    return value;
  }

  date(value: unknown, path: string, required = true): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    if (isIsoDate(text)) return text;
    this.fail('date.format', path, `"${path}" must be in YYYY-MM-DD format`);
    return undefined;
  }

  email(value: unknown, path: string, required = true): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    if (EMAIL_PATTERN.test(text)) return text;
    this.fail('string.email', path, `"${path}" must be a valid email`);
    return undefined;
  }

  uuid(value: unknown, path: string, required = true): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    if (UUID_PATTERN.test(text)) return text;
    this.fail('string.guid', path, `"${path}" must be a valid GUID`);
    return undefined;
  }

  url(value: unknown, path: string, required = true): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    try {
      if (['http:', 'https:'].includes(new URL(text).protocol)) return text;
    } catch {
      // falls through to the refusal below
    }
    this.fail('string.uri', path, `"${path}" must be a valid uri`);
    return undefined;
  }

  oneOf<T extends string>(value: unknown, path: string, values: readonly T[], required = true): T | undefined {
    if (!this.present(value, path, required)) return undefined;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.fail('any.only', path, `"${path}" must be one of [${values.join(', ')}]`);
    return undefined;
  }

  array(value: unknown, path: string, min: number, required = true): unknown[] | undefined {
    if (!this.present(value, path, required)) return undefined;
    if (!Array.isArray(value)) {
      this.fail('array.base', path, `"${path}" must be an array`);
      return undefined;
    }
    if (value.length < min) {
      this.fail('array.min', path, `"${path}" must contain at least ${min} items`);
      return undefined;
    }
    return value;
  }

  /** A field that is not allowed in this combination (Joi's `forbidden()`). */
  forbidden(value: unknown, path: string, why: string): void {
    if (value !== undefined) this.fail('any.unknown', path, `"${path}" is not allowed ${why}`);
  }
}
