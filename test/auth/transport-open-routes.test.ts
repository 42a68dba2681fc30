import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createReportLinks } from '../../src/http/report-links';
import { TEST_REPORT_KEY, useGateway, type TestGateway } from '../helpers/gateway';
import { runOperation } from '../helpers/transports';
import { amaraRequest, postWebhook, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  const body = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body };
}

describe('the routes served without a credential', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await useGateway();
  });
  afterAll(() => gateway.close());

  it.each(['/healthz', '/readyz', '/metrics'])('%s answers 200', async (path) => {
    expect((await get(`${gateway.url}${path}`)).status).toBe(200);
  });

  it('the webhook routes take a vendor’s notification, authenticated by their secret', async () => {
    expect((await postWebhook(gateway.url, 'reposit', REPOSIT_TENANT_CONFIRMED)).status).toBe(200);
    expect((await postWebhook(gateway.url, 'reposit', REPOSIT_TENANT_CONFIRMED, 'not-the-secret')).status).toBe(404);
  });

  it('a signed report link serves its PDF', async () => {
    const links = createReportLinks({ publicUrl: gateway.url, key: TEST_REPORT_KEY });
    const answer = await get(await links.canopyIntermediateReportUrl('sandbox-north', amaraRequest));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
  });

  it('the GraphiQL page is served to a browser, and runs nothing itself', async () => {
    const page = await get(`${gateway.url}/graphql`, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // a query in the page's URL is only put in the editor
    gateway.sandbox.calls.reset();
    const withQuery = await get(`${gateway.url}/graphql?query=${encodeURIComponent('{ tenant(email: "amara.okafor@example.com") { email } }')}`, { accept: 'text/html' });
    expect(withQuery.headers['content-type']).toMatch(/^text\/html/);
    expect(gateway.sandbox.calls.snapshot()).toEqual({});
  });

  it('a POST asking for HTML is no way around authentication', async () => {
    const seen = await runOperation(gateway.url, 'POST', { query: '{ tenant(email: "amara.okafor@example.com") { email } }' }, { headers: { accept: 'text/html' } });
    expect(seen.status).toBe(401);
    expect(seen.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('/metrics with METRICS_TOKEN set', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await useGateway({ env: { METRICS_TOKEN } });
  });
  afterAll(() => gateway.close());

  it('answers the token as a bearer credential', async () => {
    const answer = await get(`${gateway.url}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('# TYPE');
  });

  it.each([
    ['no credential', () => ({})],
    ['another token', () => ({ authorization: 'Bearer metrics-token-0123456789abcdeX' })],
    ['the token without its scheme', () => ({ authorization: METRICS_TOKEN })],
    ['a prefix of the token', () => ({ authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}` })],
    ['a token of the GraphQL API', () => gateway.authorization],
  ])('refuses %s with 401 and a challenge, and shows no metric', async (_, headers: () => Record<string, string>) => {
    const answer = await get(`${gateway.url}/metrics`, headers());
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(answer.body).not.toContain('# TYPE');
    expect(answer.body).not.toContain(METRICS_TOKEN);
  });

  it('leaves the other open routes open', async () => {
    expect((await get(`${gateway.url}/healthz`)).status).toBe(200);
  });
});

describe('METRICS_TOKEN', () => {
  it('is optional, and at least 16 characters when set', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: ` ${METRICS_TOKEN} ` }).metricsToken).toBe(METRICS_TOKEN);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN.*at least 16 characters/);
  });

  it('is never in the error that refuses it', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('short-secret') }));
  });
});
