import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/sandbox/server';
import { fixtureSimulator } from '../helpers/fixture-simulator';
import { startFrame } from '../helpers/frame';

const exchanges: Exchange[] = [];
let frame: Awaited<ReturnType<typeof startFrame>>;

beforeAll(async () => {
  frame = await startFrame([fixtureSimulator('canopy-servicing'), fixtureSimulator('reposit')], (e) => exchanges.push(e));
});
afterEach(() => {
  frame.knobs.reset();
  frame.calls.reset();
  exchanges.length = 0;
});
afterAll(() => frame.close());

async function call(method: string, path: string, body?: string) {
  const response = await request(frame.url + path, { method: method as 'GET', body, headers: body ? { 'content-type': 'application/json' } : {} });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('sandbox frame', () => {
  it('serves each vendor under its prefix and counts calls by vendor and route pattern', async () => {
    await call('GET', '/canopy-servicing/things/1');
    await call('GET', '/canopy-servicing/things/2');
    await call('POST', '/reposit/deposits/things', '{}');
    expect(frame.calls.snapshot()).toEqual({
      'canopy-servicing GET /things/:id': 2,
      'reposit POST /things': 1,
    });
    expect(frame.calls.count('canopy-servicing')).toBe(2);
    expect(frame.calls.count()).toBe(3);
  });

  it('tells the simulator where it is served, for the absolute URLs vendors hand out', async () => {
    const { body } = await call('GET', '/reposit/deposits/things/9');
    expect(body.baseUrl).toBe(`${frame.url}/reposit/deposits`);
  });

  it('answers an unknown route 404 and a known path with the wrong method 405, in the vendor error shape', async () => {
    const missing = await call('GET', '/reposit/deposits/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { status: 404, message: 'No route GET /reposit/deposits/nothing' } });
    const wrongMethod = await call('DELETE', '/reposit/deposits/things/1');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });

  it('refuses a body that is not JSON with 400 before the simulator sees it', async () => {
    const { status, body } = await call('POST', '/reposit/deposits/things', '{"name":');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/not valid JSON/);
    expect(exchanges).toHaveLength(0);
  });

  it('applies a fault only to its vendor and endpoint, and only as many times as asked', async () => {
    frame.knobs.addFault({ vendor: 'reposit', endpoint: 'GET /things/:id', status: 503, times: 1, retryAfterSeconds: 2 });
    const other = await call('GET', '/canopy-servicing/things/1');
    const faulted = await call('GET', '/reposit/deposits/things/1');
    const after = await call('GET', '/reposit/deposits/things/1');
    expect([other.status, faulted.status, after.status]).toEqual([200, 503, 200]);
    expect(faulted.headers['retry-after']).toBe('2');
  });

  it('answers every call 500 at an error rate of 1, for the chosen vendor only', async () => {
    frame.knobs.setErrorRate(1, 'reposit');
    expect((await call('GET', '/reposit/deposits/things/1')).status).toBe(500);
    expect((await call('GET', '/canopy-servicing/things/1')).status).toBe(200);
  });

  it('delays answers by the configured latency', async () => {
    frame.knobs.setLatency({ fixedMs: 150, jitterMs: 0 });
    const started = performance.now();
    await call('GET', '/reposit/deposits/things/1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('reports each answered call to the exchange observer', async () => {
    await call('POST', '/reposit/deposits/things', '{"a":1}');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ vendor: 'reposit', endpoint: 'POST /things', request: { body: { a: 1 } }, reply: { status: 201 } });
  });

  it('lets another process read the counter and turn the knobs over HTTP', async () => {
    await call('GET', '/reposit/deposits/things/1');
    expect((await call('GET', '/__sandbox/calls')).body).toEqual({ 'reposit GET /things/:id': 1 });
    await call('POST', '/__sandbox/faults', JSON.stringify({ vendor: 'reposit', status: 502, times: 1 }));
    expect((await call('GET', '/reposit/deposits/things/1')).status).toBe(502);
    await call('PUT', '/__sandbox/knobs', JSON.stringify({ errorRate: 1 }));
    expect((await call('GET', '/canopy-servicing/things/1')).status).toBe(500);
    expect((await call('PUT', '/__sandbox/knobs', JSON.stringify({ errorRate: 3 }))).status).toBe(400);
    await call('DELETE', '/__sandbox/knobs');
    await call('DELETE', '/__sandbox/calls');
    expect((await call('GET', '/__sandbox/calls')).body).toEqual({});
  });
});
