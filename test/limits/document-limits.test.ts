import { errorLines } from '../helpers/memory-logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { deepNesting, sharedRepositNesting } from './harmful-documents';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

async function post(query: string) {
  const response = await request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { ...gateway.authorization, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.statusCode, body: (await response.body.json()) as { data?: unknown; errors?: Array<{ message: string }> } };
}

/** A graphql-ws client authenticated as `sandbox-north`. */
const wsClient = () =>
  createClient({ url: `${gateway.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: gateway.connectionParams });

async function expectStillServing() {
  const health = await request(`${gateway.url}/healthz`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
  const next = await post('{ tenant(email: "amara.okafor@example.com") { email reposits { id } } }');
  expect(next.body.errors).toBeUndefined();
  expect(next.body.data).toMatchObject({ tenant: { email: 'amara.okafor@example.com' } });
}

describe('document limits', () => {
  it('refuses the shared-reposit nesting 22 levels deep before execution, naming the depth limit, and keeps serving', async () => {
    const logged = gateway.logLines.length;
    const { status, body } = await post(sharedRepositNesting(22));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/depth limit of 10 exceeded, found 68/);
    expect(gateway.sandbox.calls.count()).toBe(0);
    expect(errorLines(gateway.logLines.slice(logged))).toEqual([]);
    await expectStillServing();
  });

  it('refuses a document nested 1,800 levels deep in the parser, naming the token limit, with no stack trace logged', async () => {
    const logged = gateway.logLines.length;
    const { body } = await post(deepNesting(1_800));
    expect(body.errors?.[0]?.message).toBe('Syntax Error: Token limit of 1000 exceeded: a document may have at most 1000 tokens.');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(errorLines(gateway.logLines.slice(logged))).toEqual([]);
    await expectStillServing();
  });

  it('holds over GET', async () => {
    const response = await request(`${gateway.url}/graphql?query=${encodeURIComponent(sharedRepositNesting(4))}`, {
      headers: { ...gateway.authorization, accept: 'application/json' },
    });
    const body = (await response.body.json()) as { errors?: Array<{ message: string }> };
    expect(body.errors?.[0]?.message).toMatch(/depth limit of 10 exceeded/);
  });

  it('holds over Server-Sent Events', async () => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...gateway.authorization, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: deepNesting(1_800) }),
    });
    const text = await response.body.text();
    expect(text).toMatch(/Token limit of 1000 exceeded/);
  });

  it('holds over graphql-ws, for the depth and the token limit', async () => {
    const client = wsClient();
    try {
      for (const [query, limit] of [
        [sharedRepositNesting(22), /depth limit of 10 exceeded/],
        [deepNesting(1_800), /Token limit of 1000 exceeded/],
      ] as const) {
        const errors = await new Promise<unknown>((resolve, reject) => {
          client.subscribe({ query }, { next: () => reject(new Error('answered')), error: resolve, complete: () => reject(new Error('completed')) });
        });
        expect(JSON.stringify(errors)).toMatch(limit);
      }
    } finally {
      await client.dispose();
    }
    await expectStillServing();
  });

  it('lets GraphiQL introspect the schema', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const { body } = await post(getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
  });
});
