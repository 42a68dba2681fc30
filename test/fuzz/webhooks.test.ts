import { afterAll, beforeAll, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { Findings } from './findings';
import { createFuzzClient, type FuzzClient } from './gateway-client';
import { createRandom, fuzzSettings } from './prng';
import { useRedisEventLog } from './redis-events';
import { SEEDS, type WebhookRoute } from './webhook-corpus';
import { webhookCase } from './webhook-mutators';
import { runWebhookCases } from './webhook-runner';

const { seed, runs } = fuzzSettings();
const BODIES_PER_ROUTE = Math.round(5_000 * runs);

let store: ReturnType<typeof useRedisEventLog>;
let gateway: TestGateway;
let client: FuzzClient;

beforeAll(async () => {
  store = useRedisEventLog();
  gateway = await useGateway({ events: store.events });
  client = createFuzzClient(gateway.url, 16);
});
afterAll(async () => {
  await client.close();
  await gateway.close();
  await store.close();
});

it.each<WebhookRoute>(['canopy', 'reposit'])(
  `%s webhook: ${BODIES_PER_ROUTE} mutated notifications, no 5xx, every refusal names its field, every 2xx stored`,
  async (route) => {
    const random = createRandom(seed + (route === 'canopy' ? 1 : 2));
    const cases = Array.from({ length: BODIES_PER_ROUTE }, () => webhookCase(route, SEEDS[route], random));
    const findings = new Findings();
    await runWebhookCases(cases, { client, events: gateway.events, agencyId: gateway.agencyId, findings });
    expect(findings.categories, findings.report(seed)).toEqual([]);
  },
  120_000,
);
