import { randomUUID } from 'node:crypto';
import { serverAudits } from 'graphql-http';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { wsClient } from '../helpers/subscriptions';

/**
 * graphql-http's audits of the GraphQL over HTTP spec, against the gateway's own Node listener
 * on a real port: the direct execution of JSON requests and Yoga behind it.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

describe('GraphQL over HTTP', () => {
  // Each audit passes only when ok: a warning (a spec SHOULD) counts as a failure too.
  it.each(serverAudits({ url: () => `${gateway.url}/graphql` }).map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    const explanation = result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`;
    expect(explanation).toBe('ok');
  });
});

/** The status of an HTTP request for `query` from a client that accepts the GraphQL response type. */
async function statusOf(method: 'GET' | 'POST', query: string): Promise<number> {
  const accept = 'application/graphql-response+json';
  const response =
    method === 'POST'
      ? await request(`${gateway.url}/graphql`, { method, headers: { accept, 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      : await request(`${gateway.url}/graphql?${new URLSearchParams({ query })}`, { headers: { accept } });
  await response.body.dump();
  return response.statusCode;
}

async function failOverWebSocket(query: string): Promise<unknown> {
  const client = wsClient(gateway.url);
  try {
    return await new Promise((resolve) => client.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve(undefined) }));
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
