import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { testToken } from '../helpers/gateway';
import { runOperation, TRANSPORTS, type Credential, type Operation } from '../helpers/transports';
import { PERSISTED, usePersistedGateway } from './fixture';

const SUPPLIER = PERSISTED.RepositSupplier!;
const BY_DOCUMENT_ID: Operation = { documentId: SUPPLIER.id };
const BY_APQ: Operation = { extensions: { persistedQuery: { version: 1, sha256Hash: SUPPLIER.id.slice('sha256:'.length) } } };
const AS_TEXT: Operation = { query: 'query Supplier { repositSupplier { id name } }' };
const UNKNOWN: Operation = { documentId: `sha256:${'0'.repeat(64)}` };

let required: Awaited<ReturnType<typeof usePersistedGateway>>;
let jwt: Credential;
let apiKey: Credential;

beforeAll(async () => {
  required = await usePersistedGateway({ PERSISTED_DOCUMENTS: 'require' });
  jwt = { kind: 'token', token: required.gateway.token };
  apiKey = { kind: 'apiKey', key: await required.apiKey() };
});
afterAll(() => required?.close());

/** Runs an operation and returns what the client saw, with the vendor calls it cost. */
async function run(transport: (typeof TRANSPORTS)[number], operation: Operation, credential: Credential, url = required.gateway.url, calls = required.gateway.sandbox.calls) {
  const before = calls.count();
  const seen = await runOperation(url, transport, operation, { credential });
  return { ...seen, vendorCalls: calls.count() - before };
}

describe.each(TRANSPORTS)('PERSISTED_DOCUMENTS=require over %s', (transport) => {
  it('runs a persisted document named by documentId', async () => {
    const seen = await run(transport, BY_DOCUMENT_ID, jwt);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.repositSupplier).toMatchObject({ id: expect.any(String), name: expect.any(String), agents: expect.any(Array) });
    expect(seen.vendorCalls).toBeGreaterThan(0);
  });

  it('runs a persisted document named by APQ extensions.persistedQuery', async () => {
    const seen = await run(transport, BY_APQ, jwt);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.repositSupplier).toMatchObject({ id: expect.any(String) });
  });

  it('refuses a document sent as text by a browser principal (JWT), before any vendor call', async () => {
    const seen = await run(transport, AS_TEXT, jwt);
    expect(seen.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(seen.errors?.[0]?.message).toMatch(/documentId/);
    expect(seen.data ?? undefined).toBeUndefined();
    expect(seen.vendorCalls).toBe(0);
    if (transport === 'POST' || transport === 'GET') expect(seen.status).toBe(400);
  });

  it('refuses text from an API key too, unless PERSISTED_DOCUMENTS_API_KEYS=arbitrary', async () => {
    const seen = await run(transport, AS_TEXT, apiKey);
    expect(seen.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(seen.vendorCalls).toBe(0);
    const persisted = await run(transport, BY_DOCUMENT_ID, apiKey);
    expect(persisted.errors).toBeUndefined();
    expect(persisted.data?.repositSupplier).toMatchObject({ id: expect.any(String) });
  });

  it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND, and a malformed one naming the field and its rule', async () => {
    const unknown = await run(transport, UNKNOWN, jwt);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.vendorCalls).toBe(0);
    const malformed = await run(transport, { documentId: SUPPLIER.id.toUpperCase() }, jwt);
    expect(malformed.errors?.[0]?.message).toBe('"documentId" must be "sha256:" followed by 64 lower-case hex digits.');
    const badApq = await run(transport, { extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }, jwt);
    expect(badApq.errors?.[0]?.message).toBe('"extensions.persistedQuery.version" must be 1.');
  });

  it('refuses a request that sends a document and names one', async () => {
    const seen = await run(transport, { ...AS_TEXT, ...BY_DOCUMENT_ID }, jwt);
    expect(seen.errors?.[0]?.message).toBe('Send either "query" or "documentId", not both.');
    expect(seen.vendorCalls).toBe(0);
  });
});

describe('PERSISTED_DOCUMENTS=require with PERSISTED_DOCUMENTS_API_KEYS=arbitrary', () => {
  let lenient: Awaited<ReturnType<typeof usePersistedGateway>>;
  let lenientKey: Credential;
  beforeAll(async () => {
    lenient = await usePersistedGateway({ PERSISTED_DOCUMENTS: 'require', PERSISTED_DOCUMENTS_API_KEYS: 'arbitrary' });
    lenientKey = { kind: 'apiKey', key: await lenient.apiKey() };
  });
  afterAll(() => lenient?.close());

  it.each(TRANSPORTS)('lets an API key send text over %s, and still refuses a JWT', async (transport) => {
    const { url } = lenient.gateway;
    const calls = lenient.gateway.sandbox.calls;
    const server = await run(transport, AS_TEXT, lenientKey, url, calls);
    expect(server.errors).toBeUndefined();
    expect(server.data?.repositSupplier).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    const browser = await run(transport, AS_TEXT, { kind: 'token', token: lenient.gateway.token }, url, calls);
    expect(browser.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });
});

describe('PERSISTED_DOCUMENTS=allow (the default outside production)', () => {
  let allowing: Awaited<ReturnType<typeof usePersistedGateway>>;
  beforeAll(async () => {
    allowing = await usePersistedGateway({});
  });
  afterAll(() => allowing?.close());

  it.each(TRANSPORTS)('runs text and persisted documents alike over %s, with the same answer', async (transport) => {
    const credential: Credential = { kind: 'token', token: allowing.gateway.token };
    const text = await runOperation(allowing.gateway.url, transport, { query: SUPPLIER.text }, { credential });
    const persisted = await runOperation(allowing.gateway.url, transport, BY_DOCUMENT_ID, { credential });
    expect(text.errors).toBeUndefined();
    expect(persisted.errors).toBeUndefined();
    expect(persisted.data).toEqual(text.data);
    const unknown = await runOperation(allowing.gateway.url, transport, UNKNOWN, { credential });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('a persisted document over GET', () => {
  it('is answered for its caller alone (private, varying by credential), and revalidated with its ETag', async () => {
    const credential: Credential = jwt;
    const first = await runOperation(required.gateway.url, 'GET', BY_DOCUMENT_ID, { credential });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(String(first.headers.vary)).toMatch(/Authorization/i);
    expect(String(first.headers.vary)).toMatch(/X-Api-Key/i);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);

    const unchanged = await request(`${required.gateway.url}/graphql?documentId=${SUPPLIER.id}`, {
      headers: { authorization: `Bearer ${required.gateway.token}`, accept: 'application/json', 'if-none-match': etag },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(await unchanged.body.text()).toBe('');

    const south = await runOperation(required.gateway.url, 'GET', BY_DOCUMENT_ID, {
      credential: { kind: 'token', token: await testToken({ agency: 'sandbox-south' }) },
      headers: { 'if-none-match': etag },
    });
    expect(south.status).toBe(200);
    expect(south.data?.repositSupplier.name).not.toBe(first.data?.repositSupplier.name);
  });
});

describe('a JSON POST, on the direct listener (with Content-Length) and on Yoga (chunked)', () => {
  async function post(body: object, headers: Record<string, string>, chunked: boolean) {
    const text = JSON.stringify(body);
    const before = required.gateway.sandbox.calls.count();
    const response = await request(`${required.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      // Without a length the direct listener hands the request to Yoga.
      body: chunked ? Readable.from([text]) : text,
    });
    const answer = (await response.body.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> };
    return { status: response.statusCode, answer, vendorCalls: required.gateway.sandbox.calls.count() - before };
  }

  it.each([false, true])('refuses text from a JWT under require (chunked: %s), and runs the persisted document', async (chunked) => {
    const refused = await post(AS_TEXT, { authorization: `Bearer ${required.gateway.token}` }, chunked);
    expect(refused.status).toBe(400);
    expect(refused.answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(refused.vendorCalls).toBe(0);
    const apq = await post({ ...AS_TEXT, ...BY_APQ }, { authorization: `Bearer ${required.gateway.token}` }, chunked);
    expect(apq.answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    const persisted = await post(BY_DOCUMENT_ID, { authorization: `Bearer ${required.gateway.token}` }, chunked);
    expect(persisted.status).toBe(200);
    expect(persisted.answer.data?.repositSupplier).toMatchObject({ id: expect.any(String) });
  });
});
