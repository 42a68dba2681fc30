import { expect, it } from 'vitest';
import { Findings } from './findings';
import { useFuzzGateway } from './fuzz-gateway';
import { createRandom, fuzzSettings } from './prng';
import { SEEDS, type WebhookRoute } from './webhook-corpus';
import { webhookCase } from './webhook-mutators';
import { runWebhookCases } from './webhook-runner';

const { seed, runs } = fuzzSettings();
const BODIES_PER_ROUTE = Math.round(5_000 * runs);

const fuzz = useFuzzGateway(16);

it.each<WebhookRoute>(['canopy', 'reposit'])(
  `%s webhook: ${BODIES_PER_ROUTE} mutated notifications, no 5xx, every refusal names its field, every 2xx stored`,
  async (route) => {
    const random = createRandom(seed + (route === 'canopy' ? 1 : 2));
    const cases = Array.from({ length: BODIES_PER_ROUTE }, () => webhookCase(route, SEEDS[route], random));
    const findings = new Findings();
    await runWebhookCases(cases, { client: fuzz.client, events: fuzz.gateway.events, agencyId: fuzz.gateway.agencyId, findings });
    expect(findings.categories, findings.report(seed)).toEqual([]);
  },
  120_000,
);
