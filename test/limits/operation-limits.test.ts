import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { runOperation, TRANSPORTS, type RunOptions, type Transport } from '../helpers/transports';
import {
  deepNesting,
  depthBehindCachedFragment,
  depthBehindSchemaFragment,
  manyDirectives,
  manyTokens,
  rootAliases,
} from './harmful-documents';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());

/** Every transport, and POST twice: to the direct listener, and (a query string sends it past) to Yoga's own. */
const ROUTES: Array<[string, Transport, RunOptions]> = [
  ...TRANSPORTS.map((transport): [string, Transport, RunOptions] => [transport, transport, {}]),
  ['POST to Yoga', 'POST', { urlParams: { via: 'yoga' } }],
];

const run = (route: (typeof ROUTES)[number], query: string) =>
  runOperation(gateway.url, route[1], { query }, { ...route[2], credential: { kind: 'token', token: gateway.token } });

/** Each limit with its default, a document one over it, and one at it. */
const LIMITS = [
  { limit: 'depth', over: deepNesting(9), at: deepNesting(8), refusal: 'Syntax Error: Query depth limit of 10 exceeded, found 11.' },
  { limit: 'tokens', over: manyTokens(1_002), at: manyTokens(1_000), refusal: 'Syntax Error: Token limit of 1000 exceeded: a document may have at most 1000 tokens.' },
  { limit: 'aliases', over: rootAliases(16), at: rootAliases(15), refusal: 'Syntax Error: Aliases limit of 15 exceeded, found 16.' },
  { limit: 'directives', over: manyDirectives(21), at: manyDirectives(20), refusal: 'Syntax Error: Directives limit of 20 exceeded, found 21.' },
];

describe.each(ROUTES)('over %s', (...route) => {
  it.each(LIMITS)('refuses a document over the $limit limit with a message naming it and the count, before any vendor call', async ({ over, refusal }) => {
    const seen = await run(route, over);
    expect(seen.errors?.map((error) => error.message)).toEqual([refusal]);
    expect(seen.data).toBeUndefined();
    if (route[0] !== 'SSE' && route[0] !== 'graphql-ws') expect(seen.status).toBe(400);
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it.each(LIMITS)('answers a document at the $limit limit', async ({ at }) => {
    const seen = await run(route, at);
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toBeDefined();
    expect(gateway.sandbox.calls.count()).toBeGreaterThan(0);
  });
});

describe('the depth limit through fragments (graphql-armor-max-depth 2.4.2 and later)', () => {
  it.each([
    ['a fragment named __schema', depthBehindSchemaFragment],
    ['a fragment spread shallow first, then deep', depthBehindCachedFragment],
  ])('counts the depth behind %s, and refuses it before any vendor call', async (_, query) => {
    const seen = await run(ROUTES[0]!, query);
    expect(seen.errors?.map((error) => error.message)).toEqual(['Syntax Error: Query depth limit of 10 exceeded, found 13.']);
    expect(gateway.sandbox.calls.count()).toBe(0);
  });

  it('still lets GraphiQL introspect deeper than the limit', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const seen = await run(ROUTES[0]!, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true }));
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.__schema.types.length).toBeGreaterThan(0);
  });
});

describe('root fields', () => {
  it('runs a root field repeated without an alias once: only aliases add root fields, and MAX_ALIASES bounds them', async () => {
    const field = 'tenant(email: "amara.okafor@example.com") { reposits { address { town } } }';
    const once = await run(ROUTES[0]!, `{ ${field} }`);
    const calls = gateway.sandbox.calls.count();
    expect(calls).toBeGreaterThan(0);
    gateway.sandbox.calls.reset();
    const thrice = await run(ROUTES[0]!, `{ ${field} ${field} ${field} }`);
    expect(thrice.data).toEqual(once.data);
    expect(gateway.sandbox.calls.count()).toBe(calls);
  });
});

describe('batched requests (a JSON array)', () => {
  const batch = JSON.stringify([{ query: rootAliases(1) }, { query: rootAliases(1) }]);
  it.each([
    ['the direct listener', '/graphql'],
    ['Yoga', '/graphql?via=yoga'],
  ])('are refused by %s with 400 and a message naming the rule, before any vendor call', async (_, path) => {
    const response = await request(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { ...gateway.authorization, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: batch,
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toEqual({ errors: [{ message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(gateway.sandbox.calls.count()).toBe(0);
  });
});
