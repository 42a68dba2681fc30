import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisLinkStore } from '../../src/links/redis-link-store';
import type { LinkStore } from '../../src/links/link-store';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { DurableRedis, freePort } from '../helpers/redis-server';

/** A Redis of this test's own, to stop between the vendor's write and the gateway's link write. */
let redis: DurableRedis;
let connection: Redis;
let links: LinkStore;
let gateway: TestGateway;

beforeAll(async () => {
  redis = new DurableRedis(await freePort());
  await redis.start();
  // As main.ts connects: a command fails after two reconnection attempts instead of waiting.
  connection = new Redis({ port: redis.port, connectTimeout: 2_000, maxRetriesPerRequest: 2 });
  connection.on('error', () => undefined);
  links = createRedisLinkStore(connection, { prefix: `test:${randomUUID()}` });
  gateway = await useGateway({ sandbox: { people: 3 }, links });
});
afterAll(async () => {
  await gateway?.close();
  connection?.disconnect();
  await redis?.stop();
  redis?.remove();
});

const CREATE = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) {
  __typename
  ... on MutationCreateCustomerSuccess { data { customerId } unlinked { email kind vendorId } }
  ... on VendorError { code message }
} }`;

it('reports a customer Canopy created as created when Redis is down, links it once Redis is back, and a retry makes no second customer', async () => {
  const state = gateway.sandbox.simulators.canopyServicing.state;
  const accountId = state.accountIdByEmail.get(gateway.sandbox.people[0]!.email)!;
  const email = 'miriam.trevino@example.com';
  const input = {
    firstName: 'Miriam',
    lastName: 'Trevino',
    phoneNumber: '+14105556789',
    addressLineOne: '12 Strawberry Road',
    city: 'Atlanta',
    state: 'GA',
    zip: '99999-1000',
    email,
    dateOfBirth: '1985-06-20',
    assignToAccounts: [{ accountId, role: 'PRIMARY' }],
  };
  await redis.stop();

  const first = await gateway.graphql(CREATE, { input });
  expect(first.errors).toBeUndefined();
  expect(first.data?.createCustomer.__typename).toBe('MutationCreateCustomerSuccess');
  const { customerId } = first.data?.createCustomer.data;
  expect(customerId).toMatch(/^rg_[0-9a-f]{32}$/);
  expect(first.data?.createCustomer.unlinked).toEqual([{ email, kind: 'ACCOUNT', vendorId: accountId }]);

  const retry = await gateway.graphql(CREATE, { input });
  expect(retry.data?.createCustomer.data).toEqual({ customerId });
  const made = [...state.customers.values()].filter((record) => record.customer.email === email);
  expect(made).toHaveLength(1);
  expect(gateway.sandbox.calls.count('canopy-servicing', 'POST /customers')).toBe(2);

  await redis.start();
  let linked: string[] = [];
  for (let attempt = 0; attempt < 200 && !linked.includes(accountId); attempt++) {
    await sleep(100);
    [linked = []] = await links.idsFor(gateway.agencyId, [email], 'account').catch(() => [[]]);
  }
  expect(linked).toContain(accountId);
}, 40_000);
