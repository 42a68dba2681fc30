import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { webhookSecretFor } from '../../src/subscriptions/webhook-secrets';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { DurableRedis, freePort } from '../helpers/redis-server';
import { takeOverWebSocket } from '../helpers/subscriptions';
import { canopyExamples, postWebhook } from '../helpers/webhooks';

const WEBHOOK_SECRET = 'start-without-redis-webhook-secret';

let gateway: GatewayProcess | undefined;
let redis: DurableRedis | undefined;

afterAll(async () => {
  await gateway?.stop();
  await redis?.stop();
  redis?.remove();
});

describe('the gateway started with REDIS_URL set and Redis not there yet', () => {
  it('serves, reports Redis on /readyz, and once Redis comes stores webhooks and serves subscriptions', async () => {
    const redisPort = await freePort();
    gateway = await startGatewayProcess({
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_KEY_PREFIX: `test-start-${randomUUID()}`,
      WEBHOOK_SECRET,
    });
    const { url, get, waitFor } = gateway;
    await waitFor('/healthz', () => get('/healthz'), (answer) => answer?.status === 200);
    const notReady = await get('/readyz');
    expect(notReady?.status).toBe(503);
    expect(JSON.parse(notReady!.body).checks).toContainEqual(expect.objectContaining({ name: 'redis', ok: false }));

    redis = new DurableRedis(redisPort);
    await redis.start();
    await gateway.waitUntilReady();

    const delivered = await waitFor(
      'a webhook taken',
      () => postWebhook(url, 'canopy', canopyExamples.note, webhookSecretFor(WEBHOOK_SECRET, 'sandbox-north')).catch(() => undefined),
      (answer) => answer?.status === 200,
    );
    // Replayed from the stream to a subscriber: it was stored.
    const client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${gateway.printedTokens()['sandbox-north']}` },
    });
    const [event] = await takeOverWebSocket(
      client,
      `subscription ($id: ID) { passportNoteChanged(canopyReferenceId: $id, after: "0-0") { id note } }`,
      { id: canopyExamples.note.canopyReferenceId },
      1,
    );
    await client.dispose();
    expect(event?.data?.passportNoteChanged).toEqual({ id: delivered!.body.id, note: canopyExamples.note.note });
    expect(gateway.output()).not.toContain(WEBHOOK_SECRET);
    expect(gateway.output()).not.toContain(webhookSecretFor(WEBHOOK_SECRET, 'sandbox-north'));
  }, 60_000);
});
