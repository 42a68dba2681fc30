import { execute, getOperationAST, parse, type ExecutionResult } from 'graphql';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../../src/auth/jwt';
import type { Principal } from '../../src/auth/principal';
import { loadConfig } from '../../src/config';
import { TEST_JWT_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { generatedCases, operationCases, type CorpusCase } from './execution-corpus';

/**
 * The gateway's answer over HTTP against graphql-js's own `execute` on the same schema and a
 * context from the gateway's own factory, request by request. A leaf that differs between two
 * graphql-js runs, one before and one after the gateway's (an id or a timestamp the sandbox makes
 * up, a balance a mutation moves), must only keep its JSON type; everything else must be equal.
 */
let gateway: TestGateway;
/** Who the gateway's token names, verified as the gateway verifies it: the reference runs as the same caller. */
let principal: Principal;
beforeAll(async () => {
  gateway = await useGateway();
  principal = await createJwtVerifier(loadConfig({ AUTH_JWT_SECRET: TEST_JWT_SECRET }).auth).verify(gateway.token);
});
afterAll(() => gateway.close());

interface Answer {
  data?: unknown;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number> }>;
}

/** What is compared: data (absent stays absent) and the errors' messages and paths, in a stable order. */
function comparable(answer: Answer): unknown {
  const errors = answer.errors
    ?.map((error) => ({ message: error.message, path: error.path ?? null }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)) || a.message.localeCompare(b.message));
  return JSON.parse(JSON.stringify({ data: answer.data, errors }));
}

async function reference(testCase: CorpusCase): Promise<unknown> {
  const { schema, contextFactory } = gateway.yoga.getEnveloped({ principal });
  const result: ExecutionResult = await execute({
    schema,
    document: parse(testCase.query),
    contextValue: await contextFactory(),
    variableValues: testCase.variables,
  });
  return comparable(result);
}

async function overHttp(testCase: CorpusCase, method: 'POST' | 'GET'): Promise<unknown> {
  const params: Record<string, unknown> = { query: testCase.query };
  if (testCase.variables !== undefined) params.variables = testCase.variables;
  const headers = { ...gateway.authorization, accept: 'application/graphql-response+json' };
  const response =
    method === 'POST'
      ? await request(`${gateway.url}/graphql`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(params) })
      : await request(`${gateway.url}/graphql?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]))}`, { headers });
  return comparable((await response.body.json()) as Answer);
}

/** Where `actual` departs from `expected`, given a second run `again` of the reference that marks the volatile leaves. */
function departures(expected: unknown, again: unknown, actual: unknown, at = '$'): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (same(expected, again)) return same(expected, actual) ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
  if (isRecord(expected) && isRecord(again) && isRecord(actual) && Array.isArray(expected) === Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) => departures(expected[key], again[key], actual[key], `${at}.${key}`));
  }
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  return kind(expected) === kind(actual) ? [] : [`${at}: a ${kind(expected)} expected, got ${JSON.stringify(actual)}`];
}

const isMutation = (query: string) => getOperationAST(parse(query))?.operation === 'mutation';

const corpus = [...operationCases(), ...generatedCases()];

describe('execution matches graphql-js', () => {
  it('covers every operation document and the generated corners', () => {
    expect(operationCases().length).toBeGreaterThanOrEqual(20);
    expect(corpus.length).toBeGreaterThan(50);
  });

  it.each(corpus.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    if (testCase.fault) gateway.sandbox.knobs.addFault(testCase.fault);
    try {
      // The gateway is asked between the two reference runs: a value that changes with time (a
      // summary dated now, to the second) is the same in all three, or differs between the two.
      const expected = await reference(testCase);
      const post = await overHttp(testCase, 'POST');
      // GET may carry queries only; it is answered by Yoga, not the direct listener.
      const get = isMutation(testCase.query) ? undefined : await overHttp(testCase, 'GET');
      const again = await reference(testCase);
      expect(departures(expected, again, post)).toEqual([]);
      if (get) expect(departures(expected, again, get)).toEqual([]);
    } finally {
      gateway.sandbox.knobs.reset();
    }
  });
});
