import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDashboardDocument } from '../../operations/generated';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { wsClient } from '../helpers/subscriptions';
import { AMARA, postWebhook, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

async function scrape(): Promise<{ contentType: string; text: string }> {
  const response = await request(`${gateway.url}/metrics`);
  return { contentType: String(response.headers['content-type']), text: await response.body.text() };
}

/** The value of one sample of Prometheus' text format, by name and labels (all of them). */
async function sample(name: string, labels: Record<string, string>): Promise<number> {
  const { text } = await scrape();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`).sort().join(',');
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    if ((match[2] ?? '').split(',').filter(Boolean).sort().join(',') === wanted) return Number(match[3]);
  }
  return 0;
}

describe('/metrics', () => {
  it('serves Prometheus text, with the process metrics', async () => {
    const { contentType, text } = await scrape();
    expect(contentType).toContain('text/plain');
    expect(text).toContain('rentgraph_process_cpu_seconds_total');
  });

  it('times each query, and each vendor call by vendor, method and status', async () => {
    const queriesBefore = await sample('rentgraph_graphql_operation_duration_seconds_count', { type: 'query', outcome: 'ok' });
    const repositBefore = await sample('rentgraph_vendor_call_duration_seconds_count', { vendor: 'reposit', method: 'GET', status: '200' });
    const { errors } = await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    expect(errors).toBeUndefined();
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { type: 'query', outcome: 'ok' })).toBe(queriesBefore + 1);
    // the reposit and its policies
    expect(await sample('rentgraph_vendor_call_duration_seconds_count', { vendor: 'reposit', method: 'GET', status: '200' })).toBe(repositBefore + 2);
  });

  it('counts a failed vendor call under its status and the query under error', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 403 });
    try {
      await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    } finally {
      gateway.sandbox.knobs.reset();
    }
    expect(await sample('rentgraph_vendor_call_duration_seconds_count', { vendor: 'reposit', method: 'GET', status: '403' })).toBeGreaterThan(0);
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { type: 'query', outcome: 'error' })).toBe(1);
  });

  it('counts webhooks by outcome', async () => {
    const body = JSON.stringify({ ...REPOSIT_TENANT_CONFIRMED, timestamp: new Date().toISOString() });
    await postWebhook(gateway.url, 'reposit', body);
    await postWebhook(gateway.url, 'reposit', body);
    await postWebhook(gateway.url, 'reposit', '{"not": "a notification"}');
    expect(await sample('rentgraph_webhooks_total', { vendor: 'reposit', outcome: 'stored' })).toBe(1);
    expect(await sample('rentgraph_webhooks_total', { vendor: 'reposit', outcome: 'duplicate' })).toBe(1);
    expect(await sample('rentgraph_webhooks_total', { vendor: 'reposit', outcome: 'refused' })).toBe(1);
  });

  it('counts open subscriptions while they are open', async () => {
    const client = wsClient(gateway.url);
    const unsubscribe = client.subscribe({ query: `subscription { tenantEvents(email: "${AMARA}") { __typename } }` }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await expect.poll(() => sample('rentgraph_graphql_subscriptions_open', {})).toBe(1);
    unsubscribe();
    await expect.poll(() => sample('rentgraph_graphql_subscriptions_open', {})).toBe(0);
    await client.dispose();
  });
});
