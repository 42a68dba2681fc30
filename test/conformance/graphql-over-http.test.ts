import { randomUUID } from 'node:crypto';
import { serverAudits } from 'graphql-http';
import { createClient } from 'graphql-ws';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useGateway, type TestGateway } from '../helpers/gateway';

/**
 * graphql-http's audits of the GraphQL over HTTP spec, against the gateway's own Node listener
 * on a real port: the direct execution of JSON requests and Yoga behind it.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

/** The audits' requests, as a client authenticated as `sandbox-north` sends them. */
const authenticatedFetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', gateway.authorization.authorization);
  return fetch(input, { ...init, headers });
};

describe('GraphQL over HTTP', () => {
  // Each audit passes only when ok: a warning (a spec SHOULD) counts as a failure too.
  it.each(serverAudits({ url: () => `${gateway.url}/graphql`, fetchFn: authenticatedFetch }).map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    const explanation = result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`;
    expect(explanation).toBe('ok');
  });
});

/** The status of an HTTP request for `query` from a client that accepts the GraphQL response type. */
async function statusOf(method: 'GET' | 'POST', query: string): Promise<number> {
  const headers = { ...gateway.authorization, accept: 'application/graphql-response+json' };
  const response =
    method === 'POST'
      ? await request(`${gateway.url}/graphql`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      : await request(`${gateway.url}/graphql?${new URLSearchParams({ query })}`, { headers });
  await response.body.dump();
  return response.statusCode;
}

/** Sends `query` over an authenticated graphql-ws socket; the server's errors for it, or a throw if the socket was refused. */
async function failOverWebSocket(query: string): Promise<unknown> {
  const client = createClient({
    url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: gateway.connectionParams,
  });
  try {
    const failure = await new Promise((resolve) => client.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve(undefined) }));
    // graphql-ws hands a document's errors over as an array, a closed socket as its close event.
    if (!Array.isArray(failure)) throw new Error(`graphql-ws did not answer the document: ${String(failure)}`);
    return failure;
  } finally {
    await client.dispose();
  }
}

const FIRST_MET_BY = [
  ['the direct listener (a JSON POST)', (query: string) => statusOf('POST', query)],
  ['graphql-ws', failOverWebSocket],
] as const;

describe.each([
  ['does not parse', () => `{ tenant(email: "${randomUUID()}") {`],
  ['does not validate', () => `{ tenant(email: "${randomUUID()}") { noSuchField } }`],
])('a document that %s', (_kind, makeDocument) => {
  it.each(FIRST_MET_BY)('answers 400 over HTTP after %s met it first', async (_name, meetFirst) => {
    const document = makeDocument();
    await meetFirst(document);
    expect(await statusOf('POST', document)).toBe(400);
    expect(await statusOf('GET', document)).toBe(400);
  });
});
