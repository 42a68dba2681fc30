import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';

/** A mutation that runs without a vendor: its typed ValidationError is proof it ran. */
const MUTATION = 'mutation { linkTenant(input: { email: "not-an-e-mail" }) { __typename } }';
const QUERY = '{ agency { id } }';

/**
 * AUTH=off, where no credential header stands between a page on another site and a mutation: agency
 * `default` with one real vendor (Reposit, at an address that answers nothing; the others simulated).
 */
let unauthenticated: GatewayProcess;
let authenticated: TestGateway;

beforeAll(async () => {
  [unauthenticated, authenticated] = await Promise.all([
    startGatewayProcess(
      { AUTH: 'off', REPOSIT_BASE_URL: 'http://127.0.0.1:9/deposits', REPOSIT_API_KEY: 'cross-site-test-reposit-key', SANDBOX_EVENTS: '0' },
      { sandbox: false },
    ),
    useGateway(),
  ]);
  await unauthenticated.waitFor('/healthz 200', () => unauthenticated.get('/healthz'), (answer) => answer?.status === 200);
}, 60_000);
afterAll(async () => {
  await unauthenticated?.stop();
  await authenticated?.close();
});

/** What a `<form>` on any site can POST, or an `<img>` can GET, without a preflight. */
const SIMPLE_REQUESTS = [
  ['an urlencoded POST', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: MUTATION }).toString() }],
  ['a multipart POST', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: MUTATION })}\r\n--x--\r\n` }],
  ['a text/plain POST', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: MUTATION }) }],
  ['a GET with no header', { method: 'GET', path: `?${new URLSearchParams({ query: QUERY })}`, headers: {} }],
] as const;

async function send(url: string, init: { method: 'GET' | 'POST'; path?: string; headers: Record<string, string>; body?: string }) {
  const answer = await request(`${url}/graphql${init.path ?? ''}`, {
    method: init.method,
    headers: { origin: 'https://evil.example', accept: 'application/graphql-response+json', ...init.headers },
    body: init.body,
  });
  const text = await answer.body.text();
  return { status: answer.statusCode, body: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe('requests a browser could send from any site without a preflight', () => {
  it.each(SIMPLE_REQUESTS)('refuses %s with 403, naming what to send instead, before anything runs', async (_name, init) => {
    const answer = await send(unauthenticated.url, init);
    expect(answer.status).toBe(403);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('CROSS_SITE_REQUEST_REFUSED');
    expect(answer.body.errors?.[0]?.message).toContain('application/json');
    expect(answer.body.errors?.[0]?.message).toContain('graphql-require-preflight');
  });

  it('runs the same mutation POSTed as JSON, which a browser preflights', async () => {
    const answer = await send(unauthenticated.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: MUTATION }) });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ linkTenant: { __typename: 'ValidationError' } });
  });

  it.each(['graphql-require-preflight', 'apollo-require-preflight', 'x-graphql-yoga-csrf'])('runs a GET that carries %s', async (header) => {
    const answer = await send(unauthenticated.url, { method: 'GET', path: `?${new URLSearchParams({ query: QUERY })}`, headers: { [header]: '1' } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ agency: { id: 'default' } });
  });

  it('with authentication on, runs a GET or an urlencoded POST that carries the bearer token, which a browser preflights', async () => {
    const get = await send(authenticated.url, { method: 'GET', path: `?${new URLSearchParams({ query: QUERY })}`, headers: authenticated.authorization });
    expect(get.body.data).toEqual({ agency: { id: 'sandbox-north' } });
    const form = await send(authenticated.url, {
      method: 'POST',
      headers: { ...authenticated.authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: QUERY }).toString(),
    });
    expect(form.body.data).toEqual({ agency: { id: 'sandbox-north' } });
  });

  it('with authentication on, answers a simple request without a credential 401, as any other', async () => {
    const [, urlencoded] = SIMPLE_REQUESTS[0];
    expect((await send(authenticated.url, urlencoded)).status).toBe(401);
  });
});
