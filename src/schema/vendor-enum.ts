import { builder } from './builder';
import { diagnose } from '../logging/diagnostics';

/** The internal value that an undocumented vendor value resolves to; GraphQL shows it as `UNLISTED`. */
export const UNLISTED = '\u0000unlisted';

const warned = new Set<string>();

/**
 * A GraphQL enum of a documented vendor enum, plus `UNLISTED`: a value the vendor sends that
 * its documentation does not list shows as `UNLISTED` (and is logged once), instead of failing
 * the query. Vendor values that are not valid GraphQL names ("average daily balance", "365")
 * get one: upper case, `_` for anything else, `_` first if it starts with a digit.
 */
export function vendorEnum<T extends string>(name: string, values: readonly T[], description?: string) {
  const entries: Record<string, { value: string; description?: string }> = Object.fromEntries(
    values.map((value) => [graphqlName(value), { value }]),
  );
  entries.UNLISTED = { value: UNLISTED, description: 'A value the vendor sent that its documentation does not list.' };
  return builder.enumType(name, { description, values: entries });
}

/** The value for a `vendorEnum` field: the vendor's value if documented, else UNLISTED. */
export function listed<T extends string>(enumName: string, values: readonly T[], value: string): string;
export function listed<T extends string>(enumName: string, values: readonly T[], value: string | null | undefined): string | null;
export function listed<T extends string>(enumName: string, values: readonly T[], value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if ((values as readonly string[]).includes(value)) return value;
  const key = `${enumName}:${value}`;
  if (!warned.has(key)) {
    warned.add(key);
    diagnose('warn', 'vendor payload', `${enumName}: the vendor sent a value its documentation does not list (${value.length} characters); shown as UNLISTED`);
  }
  return UNLISTED;
}

function graphqlName(value: string): string {
  const name = value.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
