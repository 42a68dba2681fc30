import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

async function get(path: string, headers: Record<string, string>) {
  const response = await request(`${gateway.url}${path}`, { headers });
  return { headers: response.headers, body: Buffer.from(await response.body.arrayBuffer()) };
}

describe('compressed pages', () => {
  it('sends GraphiQL with brotli or gzip to a browser that takes them, and plain to one that does not', async () => {
    const plain = await get('/graphql', { accept: 'text/html' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('<title>rentgraph</title>');

    const brotli = await get('/graphql', { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotli.body.length).toBeLessThan(plain.body.length / 3);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);

    const gzipped = await get('/graphql', { accept: 'text/html', 'accept-encoding': 'br;q=0, gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
  });

  it('leaves GraphQL answers alone', async () => {
    const answer = await get('/graphql?query=%7B__typename%7D', { ...gateway.authorization, accept: 'application/json', 'accept-encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString())).toEqual({ data: { __typename: 'Query' }, extensions: { vendorCalls: { canopyReferencing: 0, canopyServicing: 0, reposit: 0 } } });
  });
});
