/**
 * A vendor enum as documented, that may still bring a value the docs do not list. Such a value
 * is kept verbatim, never dropped and never a crash; the schema decides how to show it.
 */
export type OpenEnum<T extends string> = T | (string & {});

export function isListed<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
