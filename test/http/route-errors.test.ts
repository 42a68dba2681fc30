import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type Plugin } from 'graphql-yoga';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { withRouteErrors } from '../../src/http/route-errors';
import { schema } from '../../src/schema';
import { useGateway } from '../helpers/gateway';

const SECRET_DETAIL = 'Cannot read /srv/rentgraph/src/secret-path.ts';

/** A Yoga over real HTTP whose one route throws, synchronously or not. */
async function serveThrowingRoute(throwing: 'sync' | 'async') {
  const route: Plugin = {
    onRequest({ url }) {
      if (url.pathname !== '/broken') return;
      if (throwing === 'sync') throw new Error(SECRET_DETAIL);
      return Promise.reject(new Error(SECRET_DETAIL));
    },
  };
  const logged: unknown[] = [];
  const yoga = createYoga({ schema, plugins: withRouteErrors([route], (error) => logged.push(error)) });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    logged,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a route that throws', () => {
  it.each(['sync', 'async'] as const)('(%s) answers a bare 500, and its error goes to the log only', async (throwing) => {
    await using served = await serveThrowingRoute(throwing);
    const response = await request(`${served.url}/broken`);
    const body = await response.body.text();
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(body)).toEqual({ error: 'The gateway failed to answer this request.' });
    expect(body).not.toContain('secret-path');
    expect(served.logged).toEqual([expect.objectContaining({ message: SECRET_DETAIL })]);
  });
});

describe('report links that are not even well-formed', () => {
  it.each(['%', '%E0%A4%A', '..%2F%2E%2E'])('are refused as invalid, with no stack or path in the body: /reports/canopy/%s', async (tail) => {
    await using gateway = await useGateway();
    const response = await request(`${gateway.url}/reports/canopy/${tail}?expires=99999999999&signature=x`);
    const body = await response.body.text();
    expect(response.statusCode).toBe(403);
    expect(body).not.toMatch(/\bat |\/src\/|\.ts\b|URIError/);
    expect(gateway.sandbox.calls.snapshot()).toEqual({});
  });
});
