import { afterAll, beforeAll, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { Findings } from './findings';
import { createFuzzClient, type FuzzClient } from './gateway-client';
import { operationSeeds } from './graphql-corpus';
import { graphqlCase } from './graphql-mutators';
import { runGraphQLCases } from './graphql-runner';
import { createRandom, fuzzSettings } from './prng';
import { useRedisEventLog } from './redis-events';

const { seed, runs } = fuzzSettings();
const REQUESTS = Math.round(2_000 * runs);

let store: ReturnType<typeof useRedisEventLog>;
let gateway: TestGateway;
let client: FuzzClient;

beforeAll(async () => {
  store = useRedisEventLog();
  gateway = await useGateway({ events: store.events });
  client = createFuzzClient(gateway.url, 8);
});
afterAll(async () => {
  await client.close();
  await gateway.close();
  await store.close();
});

it(
  `graphql: ${REQUESTS} requests mutated from operations/, no 5xx, no INTERNAL_SERVER_ERROR, every refusal names what it refuses`,
  async () => {
    const random = createRandom(seed + 3);
    const seeds = operationSeeds();
    const cases = Array.from({ length: REQUESTS }, () => graphqlCase(seeds, random));
    const findings = new Findings();
    await runGraphQLCases(cases, client, findings);
    expect(findings.categories, findings.report(seed)).toEqual([]);
  },
  120_000,
);
