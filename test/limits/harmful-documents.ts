/** Two demo tenants share this one's second reposit (the sandbox's seed gives every fourth Reposit a co-tenant). */
export const SHARING_TENANT = 'tomasz.nowak@example.com';

/**
 * `tenant { reposits { tenants { tenant { reposits { … } } } } }`, `levels` times: where two
 * tenants share a reposit, the answer doubles at each level.
 */
export function sharedRepositNesting(levels: number): string {
  return `{ tenant(email: "${SHARING_TENANT}") { ${'reposits { tenants { tenant { '.repeat(levels)}email${' } } }'.repeat(levels)} } }`;
}

/** A selection nested `levels` deep: `{ tenant(…) { reposits { tenants { tenant { reposits { …`. */
export function deepNesting(levels: number): string {
  const fields = ['reposits', 'tenants', 'tenant'];
  const open = Array.from({ length: levels }, (_, i) => `${fields[i % 3]} {`).join(' ');
  return `{ tenant(email: "${SHARING_TENANT}") { ${open} email ${'}'.repeat(levels)} } }`;
}
