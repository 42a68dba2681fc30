/** Paths into a JSON value, as the gateway names them in its refusals: `data.tenant.email`, `items[0].id`. */
export type JsonPath = Array<string | number>;
type Json = unknown;

export function formatPath(path: JsonPath): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

/** Every path in the value, the root (`[]`) included, parents before children. */
export function allPaths(value: Json, path: JsonPath = []): JsonPath[] {
  const children =
    Array.isArray(value) ? value.flatMap((item, i) => allPaths(item, [...path, i]))
    : value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, item]) => allPaths(item, [...path, key]))
    : [];
  return [path, ...children];
}

export function getAt(value: Json, path: JsonPath): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], value);
}

/** A deep copy of the value with the member at `path` replaced (or removed, for `undefined`). */
export function withAt(value: Json, path: JsonPath, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, Json>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path.at(-1)!;
  if (replacement !== undefined) (parent as Record<string | number, Json>)[key] = replacement;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key];
  return copy;
}

/** True when `a` is `b`, or one lies inside the other. */
export function related(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return inside(a, b) || inside(b, a);
}
