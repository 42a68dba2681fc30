import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_HEADERS } from '../../src/http/cors';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { runOperation, type Transport } from '../helpers/transports';

const APP = 'https://app.agency.example';
const EVIL = 'https://evil.example';
const DEV_SERVER = 'http://localhost:5173';
const WHO = { query: '{ agency { id } }' };
const HTTP_TRANSPORTS: Transport[] = ['POST', 'GET', 'SSE'];

let listed: TestGateway;
let development: TestGateway;
let production: TestGateway;
let withCredentials: TestGateway;

beforeAll(async () => {
  [listed, development, production, withCredentials] = await Promise.all([
    useGateway({ env: { CORS_ORIGINS: `${APP},https://crm.example:8443` } }),
    useGateway(),
    useGateway({ env: { NODE_ENV: 'production' } }),
    useGateway({ env: { CORS_ORIGINS: APP, CORS_CREDENTIALS: '1' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([listed, development, production, withCredentials].map((gateway) => gateway?.close()));
});

/** A browser's preflight for a JSON POST with a bearer token (and, if given, another header). */
async function preflight(gateway: TestGateway, origin: string, extraHeader?: string) {
  const answer = await request(`${gateway.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': ['authorization', 'content-type', ...(extraHeader ? [extraHeader] : [])].join(','),
    },
  });
  await answer.body.dump();
  return { status: answer.statusCode, headers: answer.headers };
}

/** The same operation from a page on `origin`, as a browser sends it after its preflight. */
const fromPage = (gateway: TestGateway, transport: Transport, origin: string) =>
  runOperation(gateway.url, transport, WHO, { credential: { kind: 'token', token: gateway.token }, headers: { origin } });

describe('CORS_ORIGINS', () => {
  it('answers a listed origin\'s preflight with that origin, the methods and the fixed list of headers', async () => {
    const answer = await preflight(listed, APP, 'x-custom-header');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(APP);
    expect(answer.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    expect(answer.headers['access-control-allow-headers']).toBe(ALLOWED_HEADERS.join(', '));
    // The requested header is not echoed back: a browser then refuses to send it.
    expect(answer.headers['access-control-allow-headers']).not.toContain('x-custom-header');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    expect(answer.headers.vary).toContain('Origin');
  });

  it('answers a preflight from an origin not listed with no CORS header at all', async () => {
    for (const origin of [EVIL, 'https://app.agency.example.evil.example', 'http://app.agency.example', 'https://crm.example', 'null']) {
      const answer = await preflight(listed, origin);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-headers']).toBeUndefined();
      expect(answer.headers['access-control-allow-methods']).toBeUndefined();
    }
  });

  it.each(HTTP_TRANSPORTS)('lets a listed origin read the answer over %s, and no other', async (transport) => {
    for (const origin of [APP, 'https://crm.example:8443']) {
      const allowed = await fromPage(listed, transport, origin);
      expect(allowed.data).toEqual({ agency: { id: 'sandbox-north' } });
      expect(allowed.headers['access-control-allow-origin']).toBe(origin);
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(allowed.headers['access-control-expose-headers']).toBe('retry-after, www-authenticate');
    }
    const refused = await fromPage(listed, transport, EVIL);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(refused.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('always allows the gateway\'s own origin (PUBLIC_URL), and no loopback origin once the list is given', async () => {
    expect((await preflight(listed, new URL(listed.url).origin)).headers['access-control-allow-origin']).toBe(new URL(listed.url).origin);
    expect((await preflight(listed, DEV_SERVER)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(HTTP_TRANSPORTS)('with CORS_CREDENTIALS=1 allows credentials for a listed origin over %s', async (transport) => {
    const allowed = await fromPage(withCredentials, transport, APP);
    expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect((await fromPage(withCredentials, transport, EVIL)).headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('without CORS_ORIGINS', () => {
  it.each(HTTP_TRANSPORTS)('outside production allows loopback origins (a front end\'s dev server) over %s, and no other site', async (transport) => {
    for (const origin of [DEV_SERVER, 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
      expect((await fromPage(development, transport, origin)).headers['access-control-allow-origin']).toBe(origin);
    }
    expect((await fromPage(development, transport, EVIL)).headers['access-control-allow-origin']).toBeUndefined();
    expect((await fromPage(development, transport, 'http://localhost.evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(HTTP_TRANSPORTS)('in production allows no other origin than its own over %s', async (transport) => {
    for (const origin of [DEV_SERVER, EVIL]) {
      expect((await fromPage(production, transport, origin)).headers['access-control-allow-origin']).toBeUndefined();
    }
    const own = new URL(production.url).origin;
    expect((await fromPage(production, transport, own)).headers['access-control-allow-origin']).toBe(own);
  });
});
