import { createServer, type RequestListener, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthFailure } from '../../src/auth/auth-failure';
import { createAuthenticator } from '../../src/auth/authenticate';
import type { Principal } from '../../src/auth/principal';
import { loadConfig } from '../../src/config';
import { directExecution } from '../../src/http/direct-execution';
import { TEST_JWT_SECRET, testToken, useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;
let server: Server;
let url: string;
/** Requests the direct listener handed to Yoga. */
let handedOver = 0;

beforeAll(async () => {
  gateway = await useGateway({ env: { CORS_ORIGINS: 'https://agency.example' } });
  const yoga = gateway.yoga;
  const countingYoga = Object.assign(((req, res) => {
    handedOver++;
    return yoga(req, res);
  }) as RequestListener, { getEnveloped: yoga.getEnveloped });
  // The gateway's own decision about callers, as compose.ts makes it.
  const authenticator = createAuthenticator({
    config: loadConfig({ AUTH_JWT_SECRET: TEST_JWT_SECRET }).auth,
    agencyExists: (agencyId) => gateway.composed.registry.get(agencyId) !== undefined,
  });
  const authentication = {
    fromHeaders: (headers: Pick<Headers, 'get'>) => authenticator.fromHeaders(headers as Headers),
    fromConnectionParams: (params: Readonly<Record<string, unknown>> | undefined) => authenticator.fromConnectionParams(params),
    stillHolds: (principal: Principal) => authenticator.stillHolds(principal),
    refusalOf: (error: unknown) => (error instanceof AuthFailure ? error : undefined),
  };
  const options = { graphqlEndpoint: '/graphql', bodyLimit: 1024 * 1024, cors: (request: Request) => gateway.composed.gateway.cors.optionsFor(request), authentication };
  server = createServer(directExecution(countingYoga as unknown as typeof yoga, options));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterEach(() => gateway.sandbox.knobs.reset());
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await gateway.close();
});

const AMARA = 'amara.okafor@example.com';
const TENANT = `query Tenant($email: String!) { tenant(email: $email) { email reposits { repositId status } } }`;

interface Exchange {
  status: number;
  contentType: string | undefined;
  /** The CORS headers, by lower-case name. */
  cors: Record<string, string>;
  body: unknown;
}

function corsOf(get: (name: string) => string | null | undefined): Record<string, string> {
  const names = ['access-control-allow-origin', 'access-control-allow-credentials', 'vary'];
  return Object.fromEntries(names.flatMap((name) => (get(name) ? [[name, get(name)!]] : [])));
}

/**
 * The same request to the direct listener and to Yoga alone, and whether the listener handed it
 * over; as `sandbox-north` unless `headers` say otherwise (`authorization: ''` sends none).
 */
async function both(body: string, extraHeaders: Record<string, string> = {}) {
  const before = handedOver;
  const headers = Object.fromEntries(Object.entries({ ...gateway.authorization, ...extraHeaders }).filter(([, value]) => value !== ''));
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const direct: Exchange = {
    status: response.statusCode,
    contentType: response.headers['content-type'] as string,
    cors: corsOf((name) => response.headers[name] as string | undefined),
    body: parsed(await response.body.text()),
  };
  const viaYoga = await gateway.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const yoga: Exchange = {
    status: viaYoga.status,
    contentType: viaYoga.headers.get('content-type') ?? undefined,
    cors: corsOf((name) => viaYoga.headers.get(name)),
    body: parsed(await viaYoga.text()),
  };
  return { direct, yoga, handedOver: handedOver > before };
}

const parsed = (text: string): unknown => (text === '' ? undefined : JSON.parse(text));
const operation = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });

describe('direct execution of JSON queries and mutations', () => {
  it.each([
    ['no Accept header', {}],
    ['Accept: application/json', { accept: 'application/json' }],
    ['Accept: application/graphql-response+json', { accept: 'application/graphql-response+json' }],
    ['Accept: */*', { accept: '*/*' }],
    ['Apollo Client’s Accept', { accept: 'application/graphql-response+json,application/json;q=0.9' }],
    ['urql’s Accept', { accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed' }],
    ['a browser’s Accept', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }],
  ])('answers a query with %s directly, exactly as Yoga does', async (_, headers) => {
    const { direct, yoga, handedOver } = await both(operation(TENANT, { variables: { email: AMARA } }), headers);
    expect(handedOver).toBe(false);
    expect(direct).toEqual(yoga);
    expect(direct.body).toMatchObject({ data: { tenant: { email: AMARA, reposits: [expect.objectContaining({ status: expect.any(String) })] } } });
  });

  it('answers a browser directly with the CORS headers Yoga gives it', async () => {
    const { direct, yoga, handedOver } = await both(operation(TENANT, { variables: { email: AMARA } }), { origin: 'https://agency.example', accept: 'application/json' });
    expect(handedOver).toBe(false);
    expect(direct).toEqual(yoga);
    expect(direct.cors).toEqual({ 'access-control-allow-origin': 'https://agency.example', vary: 'Origin' });
  });

  it('answers a vendor failure directly with the same masked error, code and status as Yoga', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 403 });
    const { direct, yoga, handedOver } = await both(operation(TENANT, { variables: { email: AMARA } }), { accept: 'application/graphql-response+json' });
    expect(handedOver).toBe(false);
    expect(direct).toEqual(yoga);
    expect(direct.body).toMatchObject({ errors: [{ path: ['tenant', 'reposits'], extensions: { vendor: 'reposit', code: 'FORBIDDEN' } }] });
  });

  it('answers a variable of the wrong type directly, as Yoga does', async () => {
    const { direct, yoga, handedOver } = await both(operation(TENANT, { variables: { email: 42 } }), { accept: 'application/graphql-response+json' });
    expect(handedOver).toBe(false);
    expect(direct).toEqual(yoga);
    expect(direct.body).toMatchObject({ errors: [{ message: expect.stringContaining('$email') }] });
  });

  it('runs a mutation directly', async () => {
    const { direct, yoga, handedOver } = await both(operation('mutation { unlinkTenant(input: { email: "not-an-email" }) { __typename ... on ValidationError { problems { field rule } } } }'));
    expect(handedOver).toBe(false);
    expect(direct).toEqual(yoga);
    expect(direct.body).toMatchObject({ data: { unlinkTenant: { __typename: 'ValidationError', problems: expect.arrayContaining([expect.objectContaining({ field: 'email' })]) } } });
  });

  it.each([
    ['a document that does not parse', operation('{ tenant(')],
    ['a document that does not validate', operation('{ tenant(email: "a@b.co") { noSuchField } }')],
    ['an unknown operation name', operation(TENANT, { operationName: 'Other', variables: { email: AMARA } })],
    ['a subscription', operation('subscription { tenantEvents(email: "a@b.co") { __typename } }')],
    ['an unknown parameter', operation('{ __typename }', { queryId: 'x' })],
    ['variables that are not an object', operation('{ __typename }', { variables: [1] })],
    ['a batch', JSON.stringify([{ query: '{ __typename }' }])],
    ['a body that is not JSON', '{"query": '],
  ])('hands %s to Yoga after reading it, and Yoga answers it', async (_, body) => {
    const { direct, yoga, handedOver } = await both(body, { accept: 'application/graphql-response+json' });
    expect(handedOver).toBe(true);
    expect(direct).toEqual(yoga);
    expect(direct.status === 406 || (direct.body as { errors?: unknown[] }).errors?.length).toBeTruthy();
  });

  it.each([
    ['no credential', { authorization: '' }],
    ['a token that is not valid', { authorization: 'Bearer not-a-token' }],
    ['a bearer header that is not one', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('hands a request with %s to Yoga, which refuses it as it would', async (_, headers) => {
    const { direct, yoga, handedOver } = await both(operation(TENANT, { variables: { email: AMARA } }), headers);
    expect(handedOver).toBe(true);
    expect(direct).toEqual(yoga);
    expect(direct.status).toBe(401);
    expect(direct.body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(JSON.stringify(direct.body)).not.toContain('amara');
  });

  it('hands a token of an agency not served to Yoga, which refuses it with 403', async () => {
    const { direct, yoga, handedOver } = await both(operation(TENANT, { variables: { email: AMARA } }), { authorization: `Bearer ${await testToken({ agency: 'no-such-agency' })}` });
    expect(handedOver).toBe(true);
    expect(direct).toEqual(yoga);
    expect(direct.status).toBe(403);
  });

  it.each([
    ['a CORS preflight', 'OPTIONS', { origin: 'https://agency.example', 'access-control-request-method': 'POST' }],
    ['an Accept it does not write', 'POST', { accept: 'text/event-stream' }],
    ['JSON in a charset other than UTF-8', 'POST', { accept: 'application/json; charset=iso-8859-1' }],
  ] as const)('hands %s to Yoga unread', async (_, method, headers) => {
    const before = handedOver;
    const response = await request(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'POST' ? operation('{ __typename }') : undefined });
    await response.body.dump();
    expect(handedOver).toBe(before + 1);
  });

  it('shrugs off a client that hangs up halfway through its body', async () => {
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    const { direct } = await both(operation('{ __typename }'));
    expect(direct.body).toEqual({ data: { __typename: 'Query' }, extensions: { vendorCalls: { canopyReferencing: 0, canopyServicing: 0, reposit: 0 } } });
  });
});
