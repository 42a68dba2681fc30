import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDORS } from '../../src/sources/vendors';
import { TEST_WEBHOOK_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { canopyExamples, postWebhook, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

/** The webhooks counter's samples, as /metrics serves them. */
async function webhookSamples(): Promise<string[]> {
  const response = await request(`${gateway.url}/metrics`);
  return (await response.body.text()).split('\n').filter((line) => line.startsWith('rentgraph_webhooks_total{'));
}

describe('the webhook routes, by vendor', () => {
  it('counts each route under the name /metrics gives its vendor everywhere, never the route name', async () => {
    expect((await postWebhook(gateway.url, 'canopy', canopyExamples.requestStatus)).status).toBe(200);
    expect((await postWebhook(gateway.url, 'reposit', { ...REPOSIT_TENANT_CONFIRMED, timestamp: new Date().toISOString() })).status).toBe(200);
    const samples = await webhookSamples();
    for (const vendor of [VENDORS.canopyReferencing.name, VENDORS.reposit.name]) {
      expect(samples.some((line) => line.includes(`vendor="${vendor}"`) && line.includes('agency="sandbox-north"') && line.includes('outcome="stored"'))).toBe(true);
    }
    expect(samples.filter((line) => line.includes('vendor="canopy"'))).toEqual([]);
  });

  it('keeps a refused notification as a dead letter under its route', async () => {
    const answer = await postWebhook(gateway.url, 'canopy', { hello: 'world' });
    expect(answer.status).toBe(400);
    const [letter] = await gateway.deadLetters.list(gateway.agencyId, 1);
    expect(letter).toMatchObject({ vendor: 'canopy', reason: answer.body.error });
    expect((await webhookSamples()).some((line) => line.includes('vendor="canopy-referencing"') && line.includes('outcome="refused"'))).toBe(true);
  });

  it.each(['canopy-referencing', 'canopy-servicing', 'servicing'])('serves no webhook at /webhooks/%s, a name no vendor routes by', async (route) => {
    const before = (await gateway.events.readAfter(gateway.agencyId, undefined, 1000)).length;
    const response = await request(`${gateway.url}/webhooks/${route}/${TEST_WEBHOOK_SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(canopyExamples.requestStatus),
    });
    await response.body.dump();
    expect(response.statusCode).toBe(404);
    expect((await gateway.events.readAfter(gateway.agencyId, undefined, 1000)).length).toBe(before);
  });

  it("gives each agency one callback URL per route, carrying that agency's secret", async () => {
    const north = await gateway.composed.agencies.get('sandbox-north');
    const south = await gateway.composed.agencies.get('sandbox-south');
    expect(Object.keys(north!.callbackUrls).sort()).toEqual(['canopy', 'reposit']);
    expect(north!.callbackUrls.canopy).toBe(`${new URL(north!.callbackUrls.canopy).origin}/webhooks/canopy/${TEST_WEBHOOK_SECRET}`);
    expect(south!.callbackUrls.reposit).not.toContain(TEST_WEBHOOK_SECRET);
    expect(new URL(south!.callbackUrls.reposit).pathname).toMatch(/^\/webhooks\/reposit\/[^/]+$/);
  });
});
