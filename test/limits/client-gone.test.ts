import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { useGateway, type TestGateway } from '../helpers/gateway';

const QUERY = '{ tenant(email: "amara.okafor@example.com") { email reposits { id } } }';
const CLIENTS = 5;

let gateway: TestGateway;
beforeAll(async () => {
  // Quick timeouts and retries: left alone, each client's Reposit call is tried three times within a second.
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
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: QUERY }),
        signal,
      }),
    );
    expect(calls.byAbort).toBe(CLIENTS);
    expect(calls.after).toBe(0);
  });

  it('stops its vendor calls on Yoga’s path (a GET): no retry after it left', async () => {
    const calls = await clientsGiveUp((signal) =>
      request(`${gateway.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' }, signal }),
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
