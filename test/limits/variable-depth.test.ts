import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

const operation = (name: string) => readFileSync(new URL(`../../operations/${name}`, import.meta.url), 'utf8');
const CREATE_CUSTOMER = operation('create-customer.graphql');
const variables = JSON.parse(operation('create-customer.variables.json')) as { input: Record<string, unknown> };
/** createCustomer with its date of birth 6,600 arrays deep: graphql-scalars' Date refusal would overflow the stack writing it out. */
const DEEP_BODY = JSON.stringify({ query: CREATE_CUSTOMER, variables: { input: { ...variables.input, dateOfBirth: '\u0001' } } }).replace(
  '"\\u0001"',
  '['.repeat(6_600) + ']'.repeat(6_600),
);
const REFUSAL = /^Variable "\$input" is nested deeper than 32 levels \(at input\.dateOfBirth\[0\]\[0\]…\)\.$/;

function expectRefused(errors: unknown) {
  const list = errors as Array<{ message: string; extensions?: { code?: string } }>;
  expect(list).toHaveLength(1);
  expect(list[0]!.message).toMatch(REFUSAL);
  expect(list[0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(gateway.sandbox.calls.count()).toBe(0);
}

describe('a variable nested thousands of levels deep', () => {
  it('is refused over POST with a 400 naming the variable and its member, before any vendor is called', async () => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...gateway.authorization, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: DEEP_BODY,
    });
    const body = (await response.body.json()) as { errors?: unknown };
    expect(response.statusCode).toBe(400);
    expectRefused(body.errors);
  });

  it('is refused over Server-Sent Events', async () => {
    const response = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { ...gateway.authorization, 'content-type': 'application/json', accept: 'text/event-stream' }, body: DEEP_BODY });
    const text = await response.body.text();
    const data = /^data: (.*)$/m.exec(text)?.[1];
    expectRefused((JSON.parse(data ?? '{}') as { errors?: unknown }).errors);
  });

  it('is refused over GET', async () => {
    const query = 'query Products($asOf: DateTime) { products(asOf: $asOf) { id } }';
    // Deep enough to pass the limit, short enough for a URL.
    const deep = '{"x":'.repeat(100) + '1' + '}'.repeat(100);
    const response = await request(`${gateway.url}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(`{"asOf":${deep}}`)}`, { headers: { ...gateway.authorization, accept: 'application/json' } });
    const body = (await response.body.json()) as { errors?: Array<{ message: string }> };
    expect(body.errors?.[0]?.message).toMatch(/^Variable "\$asOf" is nested deeper than 32 levels \(at asOf\.x\.x\.x…\)\.$/);
  });

  it('is refused over graphql-ws', async () => {
    // A raw socket: graphql-ws's own client overflows the stack writing such a message out.
    const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    try {
      const messages: Array<{ type: string; payload?: unknown }> = [];
      const answered = new Promise<void>((resolve, reject) => {
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
          messages.push(message);
          if (message.type === 'connection_ack') socket.send(`{"id":"1","type":"subscribe","payload":${DEEP_BODY}}`);
          if (message.type === 'complete' || message.type === 'error') resolve();
        });
        socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
      });
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: gateway.connectionParams }));
      await answered;
      const next = messages.find((message) => message.type === 'next') as { payload: { errors?: unknown } } | undefined;
      expectRefused(next?.payload.errors);
    } finally {
      socket.close();
    }
  });

  it('is not refused at the limit', async () => {
    const query = 'query Products($asOf: DateTime) { products(asOf: $asOf) { id } }';
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...gateway.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { asOf: JSON.parse('['.repeat(32) + ']'.repeat(32)) } }),
    });
    const body = (await response.body.json()) as { errors?: Array<{ message: string }> };
    expect(body.errors?.[0]?.message).not.toMatch(/nested deeper/);
  });
});
