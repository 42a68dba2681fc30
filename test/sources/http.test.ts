import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVendorPool, encodePath, VendorHttp, type VendorHttpOptions } from '../../src/sources/http';
import { VendorError } from '../../src/sources/vendor-error';
import { fixtureSimulator } from '../helpers/fixture-simulator';
import { startFrame } from '../helpers/frame';

const simulator = fixtureSimulator('reposit');
let frame: Awaited<ReturnType<typeof startFrame>>;
const pools: ReturnType<typeof createVendorPool>[] = [];

function vendorHttp(overrides: Partial<VendorHttpOptions> = {}, baseUrl = frame.baseUrl('reposit')): VendorHttp {
  const pool = createVendorPool(baseUrl, { connectTimeoutMs: 500 });
  pools.push(pool);
  return new VendorHttp({ vendor: 'reposit', baseUrl, dispatcher: pool, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(VendorError);
  return error as VendorError;
}

beforeAll(async () => {
  frame = await startFrame([simulator]);
});
afterEach(() => {
  frame.knobs.reset();
  frame.calls.reset();
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  await frame.close();
});

describe('VendorHttp', () => {
  it('sends below the base path, encodes path parameters and the query, and parses JSON', async () => {
    const { status, body } = await vendorHttp().json<{ params: { id: string }; query: Record<string, string> }>({
      method: 'GET',
      path: encodePath`/things/${'a/b c'}`,
      query: { limit: 10, cursor: undefined, flag: true },
    });
    expect(status).toBe(200);
    expect(body.params.id).toBe('a/b c');
    expect(body.query).toEqual({ limit: '10', flag: 'true' });
  });

  it('retries a GET answered 503 and returns the answer that finally succeeds', async () => {
    frame.knobs.addFault({ endpoint: 'GET /things/:id', status: 503, times: 2 });
    const { status } = await vendorHttp().json({ method: 'GET', path: '/things/1' });
    expect(status).toBe(200);
    expect(frame.calls.count('reposit', 'GET /things/:id')).toBe(3);
  });

  it('gives up on a GET after the configured attempts with VENDOR_UNAVAILABLE', async () => {
    frame.knobs.addFault({ endpoint: 'GET /things/:id', status: 503 });
    const error = await failure(vendorHttp({ retry: { attempts: 4, baseDelayMs: 1 } }).json({ method: 'GET', path: '/things/1' }));
    expect(error).toMatchObject({ code: 'VENDOR_UNAVAILABLE', status: 503, endpoint: 'GET /things/1', vendor: 'reposit' });
    expect(frame.calls.count('reposit', 'GET /things/:id')).toBe(4);
  });

  it('never retries a POST answered 503, since the vendor may have created the thing', async () => {
    frame.knobs.addFault({ endpoint: 'POST /things', status: 503, times: 1 });
    const error = await failure(vendorHttp().json({ method: 'POST', path: '/things', body: { name: 'x' } }));
    expect(error.status).toBe(503);
    expect(frame.calls.count('reposit', 'POST /things')).toBe(1);
  });

  it('retries a POST answered 429, which the vendor refused before doing anything', async () => {
    frame.knobs.addFault({ endpoint: 'POST /things', status: 429, retryAfterSeconds: 0, times: 1 });
    const { status, body } = await vendorHttp().json<{ body: unknown }>({ method: 'POST', path: '/things', body: { name: 'x' } });
    expect(status).toBe(201);
    expect(body.body).toEqual({ name: 'x' });
    expect(frame.calls.count('reposit', 'POST /things')).toBe(2);
  });

  it('waits as long as Retry-After asks before the retry', async () => {
    frame.knobs.addFault({ endpoint: 'GET /things/:id', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    await vendorHttp().json({ method: 'GET', path: '/things/1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(frame.calls.count('reposit', 'GET /things/:id')).toBe(2);
  });

  it('does not wait for a Retry-After beyond its limit: RATE_LIMITED at once', async () => {
    frame.knobs.addFault({ endpoint: 'GET /things/:id', status: 429, retryAfterSeconds: 120 });
    const error = await failure(vendorHttp().json({ method: 'GET', path: '/things/1' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(frame.calls.count('reposit', 'GET /things/:id')).toBe(1);
  });

  it('turns a vendor that never answers into VENDOR_TIMEOUT, after retrying the GET', async () => {
    frame.knobs.addFault({ endpoint: 'GET /things/:id', status: 'hang' });
    const error = await failure(vendorHttp({ headersTimeoutMs: 100 }).json({ method: 'GET', path: '/things/1' }));
    expect(error.code).toBe('VENDOR_TIMEOUT');
    expect(frame.calls.count('reposit', 'GET /things/:id')).toBe(3);
  });

  it('stops at once, without a retry, when the caller aborts', async () => {
    frame.knobs.addFault({ endpoint: 'GET /things/:id', status: 'hang' });
    const controller = new AbortController();
    const call = vendorHttp().json({ method: 'GET', path: '/things/1', signal: controller.signal });
    await expect.poll(() => frame.calls.count('reposit', 'GET /things/:id')).toBe(1);
    controller.abort(new Error('the client went away'));
    await expect(call).rejects.toThrow('the client went away');
    expect(frame.calls.count('reposit', 'GET /things/:id')).toBe(1);
  });

  it('does not retry a POST that timed out: it may have been processed', async () => {
    frame.knobs.addFault({ endpoint: 'POST /things', status: 'hang' });
    const error = await failure(vendorHttp({ headersTimeoutMs: 100 }).json({ method: 'POST', path: '/things', body: {} }));
    expect(error.code).toBe('VENDOR_TIMEOUT');
    expect(frame.calls.count('reposit', 'POST /things')).toBe(1);
  });

  it('retries a call the vendor could not receive, even a POST, and reports VENDOR_UNAVAILABLE', async () => {
    const port = await closedPort();
    const http = vendorHttp({}, `http://127.0.0.1:${port}/deposits`);
    const error = await failure(http.json({ method: 'POST', path: '/things', body: {} }));
    expect(error).toMatchObject({ code: 'VENDOR_UNAVAILABLE', status: undefined, vendorMessage: 'ECONNREFUSED' });
    expect(error.message).toContain('could not be reached');
  });

  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [422, 'BAD_USER_INPUT'],
    [418, 'VENDOR_ERROR'],
  ])('maps HTTP %i to %s with the vendor message', async (status, code) => {
    const error = await failure(vendorHttp().json({ method: 'GET', path: `/status/${status}` }));
    expect(error).toMatchObject({ code, status, vendorMessage: `answered ${status}`, endpoint: `GET /status/${status}` });
    expect(error.message).toContain(`answered ${status}`);
    expect(frame.calls.count()).toBe(1);
  });

  it('takes the request id and field errors from a vendor-specific error reader', async () => {
    const http = vendorHttp({
      readErrorBody: (body, headers) => ({
        message: (body as { message: string }).message,
        requestId: String(headers['x-request-id']),
        fieldErrors: { 'tenants[0].email': 'is required' },
      }),
    });
    const error = await failure(http.json({ method: 'GET', path: '/status/422' }));
    expect(error.requestId).toBe('req-42');
    expect(error.fieldErrors).toEqual({ 'tenants[0].email': 'is required' });
  });

  it('streams a body without reading it', async () => {
    const { status, body } = await vendorHttp().stream({ method: 'GET', path: '/things/7' });
    expect(status).toBe(200);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(JSON.parse(Buffer.concat(chunks).toString()).params.id).toBe('7');
  });

  it('gives the path below the base URL of an absolute URL the vendor handed out', () => {
    const http = vendorHttp({}, 'https://reposit.co.uk/deposits');
    expect(http.pathOf('http://reposit.co.uk/deposits/v1/reposits/rep_1/landlord')).toBe('/v1/reposits/rep_1/landlord');
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
