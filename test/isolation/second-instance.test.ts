import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { SANDBOX_ACCOUNT_CREDENTIALS } from '../../src/sandbox/credentials';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { postWebhook, REPOSIT_COMPLETED } from '../helpers/webhooks';

const CREDENTIALS_KEY = randomBytes(32).toString('base64');
const SUPPLIER = '{ repositSupplier { name } }';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A gateway instance with its own Redis connections, on a prefix it shares with the others. */
async function instance(prefix: string): Promise<TestGateway> {
  const client = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  cleanups.push(async () => {
    client.disconnect();
    subscriber.disconnect();
  });
  const gateway = await useGateway({ redis: { client, subscriber, prefix }, env: { CREDENTIALS_KEY } });
  cleanups.push(() => gateway.close());
  return gateway;
}

function usePrefix(): string {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  cleanups.push(async () => {
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  return prefix;
}

/** The HTTP status and answer of one query to a gateway, as a caller with this token. */
async function ask(gateway: TestGateway, token: string): Promise<{ status: number; text: string }> {
  const response = await request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SUPPLIER }),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

describe('an agency changed on one instance', () => {
  it('is served by a second instance within a second, and refused there within a second once deleted', async () => {
    const prefix = usePrefix();
    const [one, two] = [await instance(prefix), await instance(prefix)];
    const id = `west-${randomBytes(3).toString('hex')}`;
    const token = await testToken({ agency: id });
    expect((await ask(two, token)).status).toBe(403);

    await one.composed.registry.create({ id, name: 'Westside Lettings' });
    // South's Reposit key: the agency's supplier is then Southside Lettings, which only that key reaches.
    const { apiKey } = SANDBOX_ACCOUNT_CREDENTIALS['sandbox-south'].reposit;
    await one.composed.registry.setVendorCredentials(id, 'reposit', { baseUrl: one.sandbox.baseUrls.reposit, apiKey });
    await vi.waitFor(async () => {
      const answer = await ask(two, token);
      expect(answer.status, answer.text).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ data: { repositSupplier: { name: 'Southside Lettings' } }, extensions: { vendorCalls: expect.any(Object) } });
    }, { timeout: 1_000, interval: 20 });

    // A subscription open on the second instance ends when the agency goes, whichever instance deleted it.
    const socket = createClient({ url: `${two.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    cleanups.push(async () => socket.dispose());
    const events = socket.iterate({ query: 'subscription { repositEvents { repositId } }' });
    const first = events.next();
    // An event reaches it only once it is open (notifications before are not replayed): then the agency can go.
    const secret = (await two.webhookUrl('reposit', id)).split('/').pop();
    let opened = false;
    void first.then(() => (opened = true));
    for (let second = 0; !opened; second++) {
      const webhook = await postWebhook(two.url, 'reposit', { ...REPOSIT_COMPLETED, timestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, second)).toISOString() }, secret);
      expect(webhook.status, JSON.stringify(webhook.body)).toBe(200);
      await sleep(50);
    }
    expect((await first).value).toEqual({ data: { repositEvents: { repositId: REPOSIT_COMPLETED.resource.id } } });
    const last = events.next();

    await one.composed.registry.delete(id);
    await vi.waitFor(async () => {
      const answer = await ask(two, token);
      expect(answer.status, answer.text).toBe(403);
      expect(answer.text).not.toContain('Southside');
    }, { timeout: 1_000, interval: 20 });
    expect((await ask(one, token)).status).toBe(403);
    const ended = await last;
    expect(ended.done ? undefined : ended.value.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(ended)).not.toContain('Southside');
  });
});
