import { errorLines } from '../helpers/memory-logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { wsClient } from '../helpers/subscriptions';
import { deepNesting, sharedRepositNesting, UNBOUNDED_VENDOR_CALLS } from '../limits/harmful-documents';

const QUERY = '{ tenant(email: "amara.okafor@example.com") { email reposits { id } } }';

let gateway: TestGateway;
beforeAll(async () => {
  // The depth limit raised, so that the answer budget is what stops the deep nesting.
  gateway = await useGateway({
    // What is tested is the answer budget: the vendor-call estimate of a deep nesting, far above what it calls, is let through.
    limits: { maxDepth: 1_000, maxAnswerNodes: 2_000, maxVendorCalls: Infinity },
    env: UNBOUNDED_VENDOR_CALLS,
  });
});
afterAll(() => gateway.close());

/** One operation over `client`: its last result, or the errors it was refused with. */
function run(client: Client, query: string, variables?: Record<string, unknown>) {
  return new Promise<{ result?: FormattedExecutionResult<Record<string, unknown>, unknown>; refused?: unknown }>((resolve) => {
    let result: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
    client.subscribe({ query, variables }, { next: (value) => (result = value), error: (refused) => resolve({ refused }), complete: () => resolve({ result }) });
  });
}

/** Sends one raw subscribe message after the handshake; the close code and every message the socket received. */
function rawSubscribe(payload: unknown) {
  const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const received: unknown[] = [];
  return new Promise<{ code: number; received: unknown[] }>((resolve) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: gateway.connectionParams })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      received.push(message);
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload }));
      else socket.close();
    });
    socket.on('close', (code) => resolve({ code, received }));
  });
}

describe('an operation refused over graphql-ws', () => {
  it('is answered with an error for that operation alone: the socket and a query in flight on it run on, and nothing is logged', async () => {
    const logged = gateway.logLines.length;
    const client = wsClient(gateway.url, gateway.connectionParams);
    gateway.sandbox.knobs.setLatency({ fixedMs: 300 }, 'reposit');
    try {
      const inFlight = run(client, QUERY);
      const unparsable = await run(client, '{ tenant(email: ');
      const overTokenLimit = await run(client, deepNesting(1_800));
      expect(JSON.stringify(unparsable.refused)).toMatch(/Syntax Error/);
      expect(JSON.stringify(overTokenLimit.refused)).toMatch(/Token limit of 1000 exceeded/);
      // Answered on the same socket: a socket closed by the refusals would have ended it with its close event.
      const answered = await inFlight;
      expect(answered.result?.errors).toBeUndefined();
      expect(answered.result?.data).toMatchObject({ tenant: { email: 'amara.okafor@example.com' } });
      expect(errorLines(gateway.logLines.slice(logged))).toEqual([]);
    } finally {
      gateway.sandbox.knobs.reset();
      await client.dispose();
    }
  });

  it('closes the socket with 4400, the protocol’s answer, when the message itself is malformed, and logs nothing', async () => {
    const logged = gateway.logLines.length;
    for (const payload of [{ query: 5 }, { query: QUERY, variables: 'amara' }, { query: QUERY, variables: ['amara'] }]) {
      const { code, received } = await rawSubscribe(payload);
      expect(code).toBe(4400);
      expect(received).toEqual([{ type: 'connection_ack' }]);
    }
    expect(errorLines(gateway.logLines.slice(logged))).toEqual([]);
  });

  it('is stopped by the answer budget, with one clear error, when it is a query', async () => {
    const client = wsClient(gateway.url, gateway.connectionParams);
    try {
      const { result } = await run(client, sharedRepositNesting(12));
      expect(result?.data).toBeNull();
      expect(result?.errors).toHaveLength(1);
      expect(result?.errors?.[0]?.extensions).toMatchObject({ code: 'ANSWER_TOO_LARGE', limit: 2_000 });
      expect((await run(client, sharedRepositNesting(1))).result?.errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });
});
