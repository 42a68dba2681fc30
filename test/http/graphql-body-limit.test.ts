import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_WEBHOOK_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

const MEBIBYTE = 1024 * 1024;
/** A query padded with a comment to the given size in bytes. */
const operation = (size: number) => {
  const body = JSON.stringify({ query: '{ __typename }\n#' });
  return body.slice(0, -2) + 'x'.repeat(size - body.length) + body.slice(-2);
};

/** Sent in chunks with no Content-Length, as a streaming client does. */
function chunked(text: string): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < text.length; at += 64 * 1024) yield Buffer.from(text.slice(at, at + 64 * 1024));
    })(),
  );
}

/** POSTs to a path: to /graphql as `sandbox-north`, elsewhere (a webhook) as a vendor, with no credential. */
async function post(path: string, body: string | Readable) {
  const response = await request(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { ...(path === '/graphql' && gateway.authorization), 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text };
}

describe('GraphQL request body limit', () => {
  it('refuses a declared length over 1 MiB with 413 before reading the body', async () => {
    const { status, text } = await post('/graphql', operation(MEBIBYTE + 1));
    expect(status).toBe(413);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('serves a declared length at the limit', async () => {
    const { status, text } = await post('/graphql', operation(MEBIBYTE));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' }, extensions: { vendorCalls: { canopyReferencing: 0, canopyServicing: 0, reposit: 0 } } });
  });

  it('counts a chunked body and refuses it with 413 once it passes the limit', async () => {
    const { status, text } = await post('/graphql', chunked(operation(MEBIBYTE + 1)));
    expect(status).toBe(413);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('serves a chunked body within the limit', async () => {
    const { status, text } = await post('/graphql', chunked(operation(200 * 1024)));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' }, extensions: { vendorCalls: { canopyReferencing: 0, canopyServicing: 0, reposit: 0 } } });
  });

  it('counts a chunked webhook body against the webhook limit', async () => {
    const { status } = await post(`/webhooks/reposit/${TEST_WEBHOOK_SECRET}`, chunked(operation(65 * 1024)));
    expect(status).toBe(413);
  });

  it('stores a chunked webhook body within the webhook limit', async () => {
    const { status, text } = await post(`/webhooks/reposit/${TEST_WEBHOOK_SECRET}`, chunked(JSON.stringify(REPOSIT_TENANT_CONFIRMED)));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ status: 'stored' });
  });
});
