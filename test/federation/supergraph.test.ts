import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxAccount } from '../../src/sandbox/start';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { testToken, useGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';
import { takeOverSse } from '../helpers/subscriptions';
import { AMARA, postWebhook, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';
import { startCrmSubgraph } from './crm-subgraph';
import { startRouter } from './router';

const TENANT = /* GraphQL */ `
  query ($email: String!) {
    crmTenant(email: $email) { email crmStage reposits { repositId } accounts { accountId } }
  }
`;

const connections: Redis[] = [];
let gateway: TestGateway;
let crm: Awaited<ReturnType<typeof startCrmSubgraph>>;
let router: Awaited<ReturnType<typeof startRouter>>;
let north: SandboxAccount;
let south: SandboxAccount;
/** A person only sandbox-south knows. */
let southOnly: string;

beforeAll(async () => {
  const redis = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  connections.push(redis, subscriber);
  gateway = await useGateway({ env: { FEDERATION: '1' }, events: createRedisEventLog({ redis, subscriber, prefix: `test:${randomUUID()}` }) });
  north = gateway.sandbox.accounts.find((account) => account.id === 'sandbox-north')!;
  south = gateway.sandbox.accounts.find((account) => account.id === 'sandbox-south')!;
  const northEmails = new Set(north.people.map((person) => person.email));
  southOnly = south.people.map((person) => person.email).find((email) => !northEmails.has(email) && south.simulators.reposit.state.repositsOf(email).length > 0)!;
  crm = await startCrmSubgraph({ [AMARA]: 'viewing booked', [southOnly]: 'offer accepted' });
  // A router's composition reads the subgraph's SDL from `_service`, with a credential of its own.
  const service = await gateway.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }');
  router = await startRouter([
    { name: 'rentgraph', url: `${gateway.url}/graphql`, typeDefs: parse(service.data!._service.sdl) },
    { name: 'crm', url: crm.url, typeDefs: crm.typeDefs },
  ]);
});
afterAll(async () => {
  await router?.close();
  await crm?.close();
  await gateway?.close();
  for (const connection of connections) connection.disconnect();
});

async function throughRouter<TData = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read loosely in tests
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLResponse<TData>> {
  const response = await request(`${router.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.body.json()) as GraphQLResponse<TData>;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const repositIdsOf = (account: SandboxAccount, email: string) => account.simulators.reposit.state.repositsOf(email).map((reposit) => ({ repositId: reposit.id }));

describe('rentgraph in a CRM’s supergraph, behind Hive Gateway', () => {
  it('answers one Tenant with the CRM’s fields and rentgraph’s', async () => {
    const { data, errors } = await throughRouter(TENANT, { email: AMARA }, gateway.authorization);
    expect(errors).toBeUndefined();
    const accountId = north.simulators.canopyServicing.state.accountIdByEmail.get(AMARA)!;
    expect(data!.crmTenant).toEqual({
      email: AMARA,
      crmStage: 'viewing booked',
      reposits: expect.arrayContaining(repositIdsOf(north, AMARA)),
      accounts: [{ accountId }],
    });
    expect(data!.crmTenant.reposits).toHaveLength(repositIdsOf(north, AMARA).length);
  });

  it('joins from rentgraph’s root field to the CRM’s field, the e-mail normalised on the way', async () => {
    const { data, errors } = await throughRouter('query ($email: String!) { tenant(email: $email) { email crmStage } }', { email: ' Amara.Okafor@Example.com' }, gateway.authorization);
    expect(errors).toBeUndefined();
    expect(data!.tenant).toEqual({ email: AMARA, crmStage: 'viewing booked' });
  });

  it('forwards the user’s token to rentgraph, which acts for that token’s agency only', async () => {
    const southToken = await testToken({ agency: 'sandbox-south' });
    const asSouth = await throughRouter(TENANT, { email: southOnly }, bearer(southToken));
    expect(asSouth.errors).toBeUndefined();
    expect(asSouth.data!.crmTenant.reposits).toEqual(expect.arrayContaining(repositIdsOf(south, southOnly)));
    expect(asSouth.data!.crmTenant.reposits.length).toBeGreaterThan(0);

    // North's token through the same router: the CRM knows the person, rentgraph's north knows nothing of them.
    const asNorth = await throughRouter(TENANT, { email: southOnly }, gateway.authorization);
    expect(asNorth.errors).toBeUndefined();
    expect(asNorth.data!.crmTenant).toEqual({ email: southOnly, crmStage: 'offer accepted', reposits: [], accounts: [] });
    const southRepositId = repositIdsOf(south, southOnly)[0]!.repositId;
    const lookup = await throughRouter('query ($id: ID!) { reposit(id: $id) { repositId } }', { id: southRepositId }, gateway.authorization);
    expect(lookup.data).toEqual({ reposit: null });
    expect(JSON.stringify([asNorth, lookup])).not.toContain(southRepositId);
  });

  it('leaves rentgraph’s fields out when the router forwards no token, and the CRM’s in', async () => {
    const { data, errors } = await throughRouter('query ($email: String!) { crmTenant(email: $email) { crmStage reposits { repositId } } }', { email: AMARA }, {});
    expect(data?.crmTenant?.crmStage).toBe('viewing booked');
    expect(data?.crmTenant?.reposits ?? null).toBeNull();
    expect(errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain('rep_');
  });

  it('carries a subscription from rentgraph through the router', async () => {
    const after = (await gateway.events.newestId(gateway.agencyId)) ?? '0-0';
    const events = takeOverSse(
      router.url,
      gateway.authorization,
      'subscription ($after: String) { repositEvents(repositId: "rep_F32iOv3xE3Nmrp", after: $after) { repositId action tenant { status } } }',
      { after },
      1,
    );
    expect((await postWebhook(gateway.url, 'reposit', REPOSIT_TENANT_CONFIRMED)).status).toBe(200);
    const [event] = await events;
    expect(event?.errors).toBeUndefined();
    expect(event?.data?.repositEvents).toEqual({ repositId: 'rep_F32iOv3xE3Nmrp', action: 'REPOSIT_TENANT_CONFIRMED', tenant: { status: 'CONFIRMED' } });
  });
});
