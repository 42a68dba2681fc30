import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { CanopyReferencingClient } from '../../src/sources/canopy-referencing/client';
import { canopyReferencingErrorBody } from '../../src/sources/canopy-referencing/error-body';
import { createVendorPool, VendorHttp } from '../../src/sources/http';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A Canopy that spells the token's scheme its own way, and records the Authorization it is sent. */
async function canopyHandingOut(accessToken: string) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    req.resume();
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/token')) {
      res.end(JSON.stringify({ success: true, access_token: accessToken, expires: Math.floor(Date.now() / 1000) + 1200 }));
      return;
    }
    seen.push(req.headers);
    res.end(JSON.stringify({ success: true, requestId: 'request_id', data: { branches: [] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pool = createVendorPool(baseUrl);
  closers.push(async () => {
    await pool.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const http = new VendorHttp({ vendor: 'canopy-referencing', baseUrl, dispatcher: pool, readErrorBody: canopyReferencingErrorBody });
  const client = new CanopyReferencingClient({ http, clientId: 'client-1', secretKey: 'secret', apiKey: 'key' });
  return { client, seen };
}

it.each(['bearer abc.def', 'BEARER abc.def', 'Bearer abc.def'])('sends a token handed out as %j with its own prefix, not a second one', async (token) => {
  const { client, seen } = await canopyHandingOut(token);
  await client.listBranches();
  expect(seen[0]?.authorization).toBe(token);
});

it('adds the prefix to a token handed out without one', async () => {
  const { client, seen } = await canopyHandingOut('abc.def');
  await client.listBranches();
  expect(seen[0]?.authorization).toBe('Bearer abc.def');
});
