import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDashboardDocument } from '../../operations/generated';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SANDBOX_ACCOUNT_CREDENTIALS } from '../../src/sandbox/credentials';
import { TEST_AGENCIES, TEST_WEBHOOK_SECRET, testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { AMARA, postWebhook, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

/** Rents at both sandbox agencies. */
const PRIYA = 'priya.shah@example.com';

let gateway: TestGateway;
/** Every scope, as `sandbox-south`. */
let southToken: string;
/** The secret of `sandbox-south`'s webhook URLs. */
let southWebhookSecret: string;

beforeAll(async () => {
  gateway = await useGateway();
  southToken = await testToken({ agency: 'sandbox-south' });
  southWebhookSecret = new URL(await gateway.webhookUrl('reposit', 'sandbox-south')).pathname.split('/').pop()!;
});
afterAll(() => gateway.close());

/** A graphql-ws client authenticated with `token`. */
const wsClient = (token: string) =>
  createClient({ url: `${gateway.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });

/** Every sample of the gateway's own series (not the process's): its name and labels. */
async function gatewaySamples(): Promise<Array<{ name: string; labels: Record<string, string> }>> {
  const { text } = await scrape();
  return text.split('\n').flatMap((line) => {
    const match = /^(rentgraph_(?:graphql|vendor|webhooks)_\w+)(?:\{(.*)\})? \S+$/.exec(line);
    if (!match) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]));
    return [{ name: match[1]!, labels }];
  });
}

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

  it('times each query, and each vendor call by vendor, method and status, under the agency that made it', async () => {
    const north = { agency: 'sandbox-north' };
    const south = { agency: 'sandbox-south' };
    const queriesBefore = await sample('rentgraph_graphql_operation_duration_seconds_count', { ...north, type: 'query', outcome: 'ok' });
    const repositBefore = await sample('rentgraph_vendor_call_duration_seconds_count', { ...north, vendor: 'reposit', method: 'GET', status: '200' });
    const southQueriesBefore = await sample('rentgraph_graphql_operation_duration_seconds_count', { ...south, type: 'query', outcome: 'ok' });
    const southCanopyBefore = await sample('rentgraph_vendor_call_duration_seconds_count', { ...south, vendor: 'canopy-referencing', method: 'GET', status: '200' });

    const { errors } = await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    expect(errors).toBeUndefined();
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { ...north, type: 'query', outcome: 'ok' })).toBe(queriesBefore + 1);
    // the reposit and its policies
    expect(await sample('rentgraph_vendor_call_duration_seconds_count', { ...north, vendor: 'reposit', method: 'GET', status: '200' })).toBe(repositBefore + 2);
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { ...south, type: 'query', outcome: 'ok' })).toBe(southQueriesBefore);

    const southAnswer = await gateway.graphql(TenantDashboardDocument, { email: PRIYA }, { token: southToken });
    expect(southAnswer.errors).toBeUndefined();
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { ...south, type: 'query', outcome: 'ok' })).toBe(southQueriesBefore + 1);
    expect(await sample('rentgraph_vendor_call_duration_seconds_count', { ...south, vendor: 'canopy-referencing', method: 'GET', status: '200' })).toBeGreaterThan(southCanopyBefore);
    // South's calls are not counted as north's.
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { ...north, type: 'query', outcome: 'ok' })).toBe(queriesBefore + 1);
  });

  it('counts a failed vendor call under its status and the query under error, for the agency that made it', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 403 });
    try {
      await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    } finally {
      gateway.sandbox.knobs.reset();
    }
    expect(await sample('rentgraph_vendor_call_duration_seconds_count', { agency: 'sandbox-north', vendor: 'reposit', method: 'GET', status: '403' })).toBeGreaterThan(0);
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { agency: 'sandbox-north', type: 'query', outcome: 'error' })).toBe(1);
    expect(await sample('rentgraph_graphql_operation_duration_seconds_count', { agency: 'sandbox-south', type: 'query', outcome: 'error' })).toBe(0);
  });

  it('counts webhooks by outcome, under the agency whose URL they came to', async () => {
    const body = JSON.stringify({ ...REPOSIT_TENANT_CONFIRMED, timestamp: new Date().toISOString() });
    await postWebhook(gateway.url, 'reposit', body);
    await postWebhook(gateway.url, 'reposit', body);
    await postWebhook(gateway.url, 'reposit', '{"not": "a notification"}');
    await postWebhook(gateway.url, 'reposit', body, southWebhookSecret);
    const north = { agency: 'sandbox-north', vendor: 'reposit' };
    expect(await sample('rentgraph_webhooks_total', { ...north, outcome: 'stored' })).toBe(1);
    expect(await sample('rentgraph_webhooks_total', { ...north, outcome: 'duplicate' })).toBe(1);
    expect(await sample('rentgraph_webhooks_total', { ...north, outcome: 'refused' })).toBe(1);
    // The same notification at south's URL is south's own, not a duplicate of north's.
    expect(await sample('rentgraph_webhooks_total', { agency: 'sandbox-south', vendor: 'reposit', outcome: 'stored' })).toBe(1);
    expect(await sample('rentgraph_webhooks_total', { agency: 'sandbox-south', vendor: 'reposit', outcome: 'duplicate' })).toBe(0);
  });

  it('counts open subscriptions while they are open, by agency', async () => {
    const northClient = wsClient(gateway.token);
    const southClient = wsClient(southToken);
    const observer = { next: () => undefined, error: () => undefined, complete: () => undefined };
    const unsubscribeNorth = northClient.subscribe({ query: `subscription { tenantEvents(email: "${AMARA}") { __typename } }` }, observer);
    const unsubscribeSouth = southClient.subscribe({ query: `subscription { tenantEvents(email: "${PRIYA}") { __typename } }` }, observer);
    try {
      await expect.poll(() => sample('rentgraph_graphql_subscriptions_open', { agency: 'sandbox-north' })).toBe(1);
      await expect.poll(() => sample('rentgraph_graphql_subscriptions_open', { agency: 'sandbox-south' })).toBe(1);
      unsubscribeNorth();
      await expect.poll(() => sample('rentgraph_graphql_subscriptions_open', { agency: 'sandbox-north' })).toBe(0);
      expect(await sample('rentgraph_graphql_subscriptions_open', { agency: 'sandbox-south' })).toBe(1);
      unsubscribeSouth();
      await expect.poll(() => sample('rentgraph_graphql_subscriptions_open', { agency: 'sandbox-south' })).toBe(0);
    } finally {
      await northClient.dispose();
      await southClient.dispose();
    }
  });

  it('labels its series with nothing but an agency id, vendor, method, status, type or outcome', async () => {
    // Traffic of both agencies first, so that every series has samples.
    await gateway.graphql(TenantDashboardDocument, { email: AMARA });
    await gateway.graphql(TenantDashboardDocument, { email: PRIYA }, { token: southToken });
    await postWebhook(gateway.url, 'reposit', '{"not": "a notification"}', southWebhookSecret);

    const samples = await gatewaySamples();
    const names = new Set(samples.map((one) => one.name.replace(/_(bucket|sum|count)$/, '')));
    expect([...names].sort()).toEqual([
      'rentgraph_graphql_operation_duration_seconds',
      'rentgraph_graphql_subscriptions_open',
      'rentgraph_vendor_call_duration_seconds',
      'rentgraph_webhooks_total',
    ]);
    const allowed: Record<string, RegExp> = {
      agency: new RegExp(`^(${TEST_AGENCIES.join('|')})$`),
      vendor: /^(canopy-referencing|canopy-servicing|reposit)$/,
      method: /^(GET|POST|PUT|PATCH|DELETE)$/,
      status: /^(\d{3}|[a-z_]+)$/,
      type: /^(query|mutation|subscription|unknown)$/,
      outcome: /^(ok|error|stored|duplicate|refused|unavailable)$/,
      // A histogram's bucket bound, which Prometheus adds itself.
      le: /^(\d+(\.\d+)?(e[-+]?\d+)?|\+Inf)$/,
    };
    for (const { name, labels } of samples) {
      for (const [label, value] of Object.entries(labels)) {
        expect(allowed[label], `${name}: label ${label}`).toBeDefined();
        expect(value, `${name}: ${label}`).toMatch(allowed[label]!);
      }
      // Every sample concerns one agency; only a gauge no agency has set yet may stand alone, at zero.
      const unsetGauge = name === 'rentgraph_graphql_subscriptions_open' && Object.keys(labels).length === 0;
      if (!unsetGauge) expect(labels, name).toHaveProperty('agency');
    }
    // No credential, secret or person anywhere in the scrape.
    const { text } = await scrape();
    const secrets = [gateway.token, southToken, TEST_WEBHOOK_SECRET, southWebhookSecret, AMARA, PRIYA];
    for (const account of Object.values(SANDBOX_ACCOUNT_CREDENTIALS)) {
      secrets.push(account.canopyReferencing.secretKey, account.canopyReferencing.apiKey, account.canopyServicing.token, account.reposit.apiKey);
    }
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
