import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';

const redis = new Redis({ host: '127.0.0.1', port: 6379 });
const subscriber = redis.duplicate();
afterAll(() => {
  redis.disconnect();
  subscriber.disconnect();
});

const PRIYA = 'priya.shah@example.com';
const credentialsKey = () => randomBytes(32).toString('base64');

async function deleteKeys(prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

/** Every value under the prefix as Redis holds it, whatever its type. */
async function rawValues(prefix: string): Promise<string> {
  const values: string[] = [];
  for (const key of await redis.keys(`${prefix}:*`)) {
    const type = await redis.type(key);
    if (type === 'string') values.push((await redis.get(key))!);
    if (type === 'hash') values.push(JSON.stringify(await redis.hgetall(key)));
    if (type === 'list') values.push(...(await redis.lrange(key, 0, -1)));
    if (type === 'set') values.push(...(await redis.smembers(key)));
  }
  return values.join('\n');
}

/** A gateway over Redis under a fresh prefix, with an operator's key for all agencies made as `npm run create-api-key` makes it. */
async function useAdminGateway(env: Record<string, string>) {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const gateway = await useGateway({ redis: { client: redis, subscriber, prefix }, env });
  const operator = await gateway.composed.apiKeys!.create({ name: 'ops', agencyId: null, scopes: ['admin', 'read', 'write'] });
  return {
    gateway,
    prefix,
    /** Headers of the operator's key, acting for `agency`. */
    operatorFor: (agency: string) => ({ 'x-api-key': operator.key, 'x-agency-id': agency }),
    async close() {
      await gateway.close();
      await deleteKeys(prefix);
    },
  };
}

const CREATE_AGENCY = `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) {
  __typename ... on MutationCreateAgencySuccess { data { agency { id name } } } ... on AgencyChangeRefused { code message }
  ... on ValidationError { problems { field rule message } } } }`;
const SET_REPOSIT = `mutation ($input: SetAgencyVendorCredentialsInput!) { setAgencyVendorCredentials(input: $input) {
  __typename ... on MutationSetAgencyVendorCredentialsSuccess { data { agency { id } vendor } } ... on AgencyChangeRefused { code message }
  ... on ValidationError { problems { field rule message } } } }`;
const DELETE_AGENCY = `mutation ($id: ID!) { deleteAgency(input: { id: $id }) { __typename ... on MutationDeleteAgencySuccess { data { id } } } }`;
const REPOSIT = `query ($id: ID!) { reposit(id: $id) { repositId tenants { email } } }`;
const WEBHOOK_URLS = `{ agency { id name webhookUrls { canopy reposit } } }`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  __typename ... on MutationCreateApiKeySuccess { data { key apiKey { id name agencyId scopes } } } } }`;
const API_KEYS = `{ apiKeys { id name agencyId scopes createdAt } }`;
const REVOKE_KEY = `mutation ($id: ID!) { revokeApiKey(input: { id: $id }) { __typename ... on MutationRevokeApiKeySuccess { data { id } } ... on ApiKeyNotFound { message } } }`;

const codes = (answer: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => answer.errors?.map((error) => error.extensions?.code);

async function post(url: string, body: unknown): Promise<number> {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.body.dump();
  return response.statusCode;
}

describe('run-time agencies, with CREDENTIALS_KEY', () => {
  let admin: Awaited<ReturnType<typeof useAdminGateway>>;
  let gateway: TestGateway;
  beforeAll(async () => {
    admin = await useAdminGateway({ CREDENTIALS_KEY: credentialsKey() });
    gateway = admin.gateway;
  });
  afterAll(() => admin.close());

  it('serves a new agency with the Reposit account it is given, keeping the key sealed in Redis', async () => {
    const south = gateway.sandbox.account('sandbox-south');
    const southKey = south.agency.reposit.apiKey;
    const southReposit = south.simulators.reposit.state.repositsOf(PRIYA)[0]!.id;

    const created = await gateway.graphql(CREATE_AGENCY, { input: { id: 'acme-lets', name: 'Acme Lets' } }, { headers: admin.operatorFor('sandbox-north') });
    expect(created.data?.createAgency).toEqual({ __typename: 'MutationCreateAgencySuccess', data: { agency: { id: 'acme-lets', name: 'Acme Lets' } } });
    const set = await gateway.graphql(
      SET_REPOSIT,
      { input: { reposit: { baseUrl: south.agency.reposit.baseUrl, apiKey: southKey } } },
      { headers: admin.operatorFor('acme-lets') },
    );
    expect(set.data?.setAgencyVendorCredentials).toEqual({ __typename: 'MutationSetAgencyVendorCredentialsSuccess', data: { agency: { id: 'acme-lets' }, vendor: 'REPOSIT' } });
    expect(JSON.stringify(set)).not.toContain(southKey);

    const acme = await testToken({ agency: 'acme-lets' });
    const read = await gateway.graphql(REPOSIT, { id: southReposit }, { token: acme });
    expect(read.errors).toBeUndefined();
    expect(read.data?.reposit.tenants.map((tenant: { email: string }) => tenant.email)).toContain(PRIYA);
    // North's own Reposit account does not hold south's reposit.
    expect((await gateway.graphql(REPOSIT, { id: southReposit })).data?.reposit ?? null).toBeNull();

    const stored = await rawValues(admin.prefix);
    expect(stored).toContain('Acme Lets');
    expect(stored).not.toContain(southKey);
  });

  it('keeps creating and deleting agencies and keys for all agencies to a CRM operator', async () => {
    const created = await gateway.graphql(CREATE_AGENCY, { input: { id: 'rogue', name: 'Rogue' } });
    expect(created.data?.createAgency ?? null).toBeNull();
    expect(created.errors?.[0]?.message).toMatch(/^Mutation\.createAgency: creating an agency needs an API key for all agencies/);
    expect(codes(created)).toEqual(['FORBIDDEN']);
    expect(gateway.composed.registry.get('rogue')).toBeUndefined();

    const key = await gateway.graphql(CREATE_KEY, { input: { name: 'everywhere', scopes: ['READ'], allAgencies: true } });
    expect(codes(key)).toEqual(['FORBIDDEN']);
    expect(await gateway.composed.apiKeys!.list(null)).toHaveLength(1);

    expect(codes(await gateway.graphql(DELETE_AGENCY, { id: 'sandbox-south' }))).toEqual(['FORBIDDEN']);
  });

  it('refuses changes to a configured agency and bad input, naming the field and the rule, never the value', async () => {
    const configured = await gateway.graphql(SET_REPOSIT, { input: { reposit: { apiKey: 'north-new-key' } } });
    expect(configured.data?.setAgencyVendorCredentials).toMatchObject({ __typename: 'AgencyChangeRefused', code: 'AGENCY_CONFIGURED' });
    expect(configured.data?.setAgencyVendorCredentials.message).toMatch(/sandbox mode/);

    const badId = await gateway.graphql(CREATE_AGENCY, { input: { id: 'Not An Id', name: 'x' } }, { headers: admin.operatorFor('sandbox-north') });
    expect(badId.data?.createAgency).toEqual({
      __typename: 'ValidationError',
      problems: [{ field: 'id', rule: 'format', message: 'id: expected an id of 1 to 63 lower-case letters, digits or "-"' }],
    });

    await gateway.graphql(CREATE_AGENCY, { input: { id: 'bad-input', name: 'Bad Input' } }, { headers: admin.operatorFor('sandbox-north') });
    const secret = 'ftp://secret-value.example';
    const badUrl = await gateway.graphql(SET_REPOSIT, { input: { reposit: { baseUrl: secret, apiKey: 'k' } } }, { headers: admin.operatorFor('bad-input') });
    expect(badUrl.data?.setAgencyVendorCredentials.problems).toEqual([
      { field: 'reposit.baseUrl', rule: 'format', message: 'reposit.baseUrl: expected a URL starting with http: or https:' },
    ]);
    expect(JSON.stringify(badUrl)).not.toContain('secret-value');

    const two = await gateway.graphql(SET_REPOSIT, { input: { reposit: { apiKey: 'a' }, canopyServicing: { token: 'b' } } }, { headers: admin.operatorFor('bad-input') });
    expect(two.data?.setAgencyVendorCredentials.problems[0]).toMatchObject({ rule: 'exactlyOne' });
  });

  it('gives webhook URLs to admins only; they work, and a deleted agency loses them and its callers', async () => {
    const readOnly = await gateway.graphql(WEBHOOK_URLS, undefined, { token: await testToken({ scopes: ['read'] }) });
    expect(readOnly.data?.agency).toEqual({ id: 'sandbox-north', name: expect.any(String), webhookUrls: null });
    expect(readOnly.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });

    await gateway.graphql(CREATE_AGENCY, { input: { id: 'short-lived', name: 'Short Lived' } }, { headers: admin.operatorFor('sandbox-north') });
    const token = await testToken({ agency: 'short-lived' });
    const own = (await gateway.graphql(WEBHOOK_URLS, undefined, { token })).data?.agency.webhookUrls;
    const north = (await gateway.graphql(WEBHOOK_URLS)).data?.agency.webhookUrls;
    expect(own.reposit).not.toBe(north.reposit);
    expect(await post(own.reposit, REPOSIT_TENANT_CONFIRMED)).toBe(200);

    const deleted = await gateway.graphql(DELETE_AGENCY, { id: 'short-lived' }, { headers: admin.operatorFor('sandbox-north') });
    expect(deleted.data?.deleteAgency).toEqual({ __typename: 'MutationDeleteAgencySuccess', data: { id: 'short-lived' } });
    const refused = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ agency { id } }' }),
    });
    await refused.body.dump();
    expect(refused.statusCode).toBe(403);
    expect(await post(own.reposit, REPOSIT_TENANT_CONFIRMED)).toBe(404);
  });
});

describe('API keys', () => {
  let admin: Awaited<ReturnType<typeof useAdminGateway>>;
  let gateway: TestGateway;
  beforeAll(async () => {
    admin = await useAdminGateway({ CREDENTIALS_KEY: credentialsKey() });
    gateway = admin.gateway;
  });
  afterAll(() => admin.close());

  it('shows a key once, lists it without the key, and refuses it from the request after its revocation', async () => {
    const created = (await gateway.graphql(CREATE_KEY, { input: { name: 'crm sync', scopes: ['READ'] } })).data?.createApiKey;
    expect(created).toMatchObject({ __typename: 'MutationCreateApiKeySuccess', data: { apiKey: { name: 'crm sync', agencyId: 'sandbox-north', scopes: ['READ'] } } });
    const { key, apiKey } = created.data;

    const listed = await gateway.graphql(API_KEYS);
    expect(listed.data?.apiKeys).toEqual([{ ...apiKey, createdAt: expect.any(String) }]);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(await rawValues(admin.prefix)).not.toContain(key);

    const asKey = await gateway.graphql('{ agency { id } }', undefined, { headers: { 'x-api-key': key } });
    expect(asKey.data).toEqual({ agency: { id: 'sandbox-north' } });
    expect(asKey.errors).toBeUndefined();
    // South's admin neither sees nor revokes north's key.
    const south = await testToken({ agency: 'sandbox-south' });
    expect((await gateway.graphql(API_KEYS, undefined, { token: south })).data?.apiKeys).toEqual([]);
    expect((await gateway.graphql(REVOKE_KEY, { id: apiKey.id }, { token: south })).data?.revokeApiKey.__typename).toBe('ApiKeyNotFound');

    expect((await gateway.graphql(REVOKE_KEY, { id: apiKey.id })).data?.revokeApiKey).toEqual({ __typename: 'MutationRevokeApiKeySuccess', data: { id: apiKey.id } });
    const after = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: '{ agency { id } }' }),
    });
    await after.body.dump();
    expect(after.statusCode).toBe(401);
    expect((await gateway.graphql(API_KEYS)).data?.apiKeys).toEqual([]);
  });

  it('never makes a key with a scope its maker lacks', async () => {
    const token = await testToken({ scopes: ['read', 'admin'] });
    const answer = await gateway.graphql(CREATE_KEY, { input: { name: 'wider', scopes: ['READ', 'PII'] } }, { token });
    expect(codes(answer)).toEqual(['FORBIDDEN']);
    expect(answer.errors?.[0]?.message).toMatch(/lacks pii$/);
    expect(await gateway.composed.apiKeys!.list('sandbox-north')).toEqual([]);
  });

  it('refuses the admin fields without the admin scope', async () => {
    const token = await testToken({ scopes: ['read', 'write', 'pii'] });
    const answer = await gateway.graphql(CREATE_KEY, { input: { name: 'x', scopes: ['READ'] } }, { token });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });
    expect(await gateway.composed.apiKeys!.list('sandbox-north')).toEqual([]);
  });
});

describe('without CREDENTIALS_KEY', () => {
  let admin: Awaited<ReturnType<typeof useAdminGateway>>;
  beforeAll(async () => {
    admin = await useAdminGateway({});
  });
  afterAll(() => admin.close());

  it('refuses run-time agencies and Canopy key rotation, saying why', async () => {
    const created = await admin.gateway.graphql(CREATE_AGENCY, { input: { id: 'acme-lets', name: 'Acme' } }, { headers: admin.operatorFor('sandbox-north') });
    expect(created.data?.createAgency).toMatchObject({ __typename: 'AgencyChangeRefused', code: 'RUNTIME_CHANGES_REFUSED' });
    expect(created.data?.createAgency.message).toMatch(/^CREDENTIALS_KEY is not set, so run-time changes to agencies are refused/);

    const rotated = await admin.gateway.graphql(`mutation { rotateCanopySecretKey(input: { agencyId: "sandbox-north" }) {
      __typename ... on CanopyKeyRotationRefused { code message } } }`);
    expect(rotated.data?.rotateCanopySecretKey).toMatchObject({ __typename: 'CanopyKeyRotationRefused', code: 'NEEDS_REDIS_AND_CREDENTIALS_KEY' });
    expect(admin.gateway.sandbox.calls.count('canopy-referencing', 'POST /referencing-requests/client/refresh')).toBe(0);
  });
});
