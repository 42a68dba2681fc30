import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { useGateway, type TestGateway } from '../helpers/gateway';

const QUERY = '{ tenant(email: "amara.okafor@example.com") { email reposits { id } } }';
/** Clients, or operations on one socket, that each leave a hanging Reposit call behind. */
const CLIENTS = 5;

let gateway: TestGateway;
beforeAll(async () => {
  // Quick timeouts and retries: left alone, each operation's Reposit call is tried three times within a second.
  gateway = await useGateway({ vendorHttp: { headersTimeoutMs: 200, retry: { baseDelayMs: 5, maxDelayMs: 20 } } });
  await gateway.graphql(QUERY); // warm: the first operation compiles its plan
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.sandbox.knobs.reset();
  gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 'hang' });
  gateway.sandbox.calls.reset();
});

/** Clients that give up once their Reposit calls are out; the calls made by then, and those made in the second after. */
async function clientsGiveUp(send: (signal: AbortSignal) => Promise<unknown>) {
  const controllers = Array.from({ length: CLIENTS }, () => new AbortController());
  const answers = controllers.map((controller) => send(controller.signal).catch(() => undefined));
  while (gateway.sandbox.calls.count('reposit') < CLIENTS) await sleep(10);
  for (const controller of controllers) controller.abort();
  await Promise.all(answers);
  const byAbort = gateway.sandbox.calls.count('reposit');
  await sleep(1_000);
  return { byAbort, after: gateway.sandbox.calls.count('reposit') - byAbort };
}

describe('a client that goes away', () => {
  it('stops its vendor calls on the direct path (a JSON POST): no retry after it left', async () => {
    const calls = await clientsGiveUp((signal) =>
      request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { ...gateway.authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: QUERY }),
        signal,
      }),
    );
    expect(calls.byAbort).toBe(CLIENTS);
    expect(calls.after).toBe(0);
  });

  it('stops its vendor calls on Yoga’s path (a GET): no retry after it left', async () => {
    const calls = await clientsGiveUp((signal) =>
      request(`${gateway.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { ...gateway.authorization, accept: 'application/json' }, signal }),
    );
    expect(calls.byAbort).toBe(CLIENTS);
    expect(calls.after).toBe(0);
  });

  it('is the only thing that stops them: a client that waits gets the retried answer', async () => {
    const { data, errors } = await gateway.graphql(QUERY);
    expect(data?.tenant.reposits).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'reposit' });
    expect(gateway.sandbox.calls.count('reposit')).toBe(3);
  });
});

/** A graphql-ws client authenticated as `sandbox-north`. */
const wsClient = () =>
  createClient({ url: `${gateway.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: gateway.connectionParams });

/** Sends QUERY over `client`; the answer, and the function that sends `complete` for it. */
function send(client: Client) {
  let unsubscribe = () => {};
  const answer = new Promise<FormattedExecutionResult<Record<string, unknown>, unknown> | undefined>((resolve, reject) => {
    let result: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
    unsubscribe = client.subscribe({ query: QUERY }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
  });
  return { answer, unsubscribe };
}

async function untilRepositCalls(count: number) {
  while (gateway.sandbox.calls.count('reposit') < count) await sleep(10);
}

describe('a graphql-ws client that goes away', () => {
  it('stops the vendor calls of its queries when its socket closes: no retry after it left', async () => {
    const client = wsClient();
    for (let i = 0; i < CLIENTS; i++) void send(client).answer.catch(() => undefined);
    await untilRepositCalls(CLIENTS);
    await client.dispose();
    const byLeaving = gateway.sandbox.calls.count('reposit');
    await sleep(1_000); // left alone, each query would be retried in this second
    expect(byLeaving).toBe(CLIENTS);
    expect(gateway.sandbox.calls.count('reposit')).toBe(byLeaving);
  });

  it('stops the vendor calls of the queries it completes, and of those only', async () => {
    const client = wsClient();
    try {
      const completed = Array.from({ length: CLIENTS - 1 }, () => send(client));
      const kept = send(client);
      await untilRepositCalls(CLIENTS);
      for (const operation of completed) operation.unsubscribe();
      // The kept query is retried twice and answers as a query whose client waits; the completed ones are not retried.
      const { data, errors } = (await kept.answer) ?? {};
      expect((data as { tenant: { reposits: unknown } }).tenant.reposits).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'reposit' });
      expect(gateway.sandbox.calls.count('reposit')).toBe(CLIENTS + 2);
    } finally {
      await client.dispose();
    }
  });
});
