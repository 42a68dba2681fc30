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

const AMARA = 'amara.okafor@example.com';

/** `count` aliases of a root field that calls Reposit: `a0: tenant(…) { reposits { address { town } } } a1: …`. */
export function rootAliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: tenant(email: "${AMARA}") { reposits { address { town } } }`).join(' ')} }`;
}

/** `count` directives on one field that calls Reposit: `town @include(if: true)`, `count` times. */
export function manyDirectives(count: number): string {
  return `{ tenant(email: "${AMARA}") { reposits { address { ${'town @include(if: true) '.repeat(count)}} } } }`;
}

/**
 * A shallow document of exactly `tokens` tokens (an even number, 26 or more) that calls Reposit:
 * one fragment spread over and over. Distinct fields would do too, but not one field repeated:
 * graphql-js gives up validating ("Validation aborted.") a selection of a thousand equal fields.
 */
export function manyTokens(tokens: number): string {
  const spreads = (tokens - 24) / 2;
  if (!Number.isInteger(spreads) || spreads < 1) throw new Error(`manyTokens: ${tokens} is not an even number of 26 or more`);
  return `{ tenant(email: "${AMARA}") { reposits { id ${'...Address '.repeat(spreads)}} } } fragment Address on Reposit { address { town } }`;
}

/**
 * Nesting 13 deep (fragments counted as a level), hidden in a fragment named `__schema`:
 * graphql-armor-max-depth up to 2.4.1 skipped any node of that name, the spread included, as if
 * it were introspection's field.
 */
export const depthBehindSchemaFragment = `{ tenant(email: "${SHARING_TENANT}") { reposits { tenants { tenant { ...__schema } } } } }
fragment __schema on Tenant { reposits { tenants { tenant { reposits { tenants { tenant { email } } } } } } }`;

/**
 * Nesting 13 deep through a fragment spread twice, shallow first: graphql-armor-max-depth up to
 * 2.4.1 cached the depth the first spread reached and took it for the second's too.
 */
export const depthBehindCachedFragment = `{ tenant(email: "${SHARING_TENANT}") { ...Shares reposits { tenants { tenant { reposits { tenants { tenant { ...Shares } } } } } } } }
fragment Shares on Tenant { reposits { tenants { tenant { email } } } }`;

/**
 * Vendor-call budgets no estimate reaches: for a gateway that tests what stops an operation the
 * estimate lets through (the answer budget), with MAX_VENDOR_CALLS also out of the way.
 */
export const UNBOUNDED_VENDOR_CALLS = { VENDOR_CALLS_PER_PRINCIPAL: String(Number.MAX_SAFE_INTEGER), VENDOR_CALLS_PER_AGENCY: String(Number.MAX_SAFE_INTEGER) };
