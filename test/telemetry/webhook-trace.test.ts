import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventLog } from '../../src/subscriptions/event-log';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { startTelemetry, type Telemetry } from '../../src/telemetry/start';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { takeOverSse, takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { AMARA, canopyExamples } from '../helpers/webhooks';
import { startOtlpReceiver } from './otlp-receiver';

const NOTES = /* GraphQL */ `
  subscription Notes($email: String!, $after: String) {
    tenantEvents(email: $email, after: $after) {
      __typename
      ... on PassportNoteEvent { id note }
    }
  }
`;

const prefix = `test:${randomUUID()}`;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let telemetry: Telemetry;
let redis: Redis;
let subscriber: Redis;
let events: EventLog;
let gateway: TestGateway;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
  telemetry = startTelemetry()!;
  redis = new Redis('redis://127.0.0.1:6379');
  subscriber = new Redis('redis://127.0.0.1:6379');
  events = createRedisEventLog({ redis, subscriber, prefix });
  gateway = await useGateway({ events });
});

afterAll(async () => {
  await gateway?.close();
  await events?.dispose();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  subscriber.disconnect();
  await telemetry?.shutdown();
  await receiver?.close();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
});

describe('a Canopy notification, traced', () => {
  it('has an ingest span, and a delivery span per subscriber in its trace, linked to it', async () => {
    const after = (await events.newestId(gateway.agencyId)) ?? '0-0';
    const sockets = [wsClient(gateway.url, gateway.connectionParams), wsClient(gateway.url, gateway.connectionParams)];
    const receiving = Promise.all([
      ...sockets.map((socket) => takeOverWebSocket(socket, NOTES, { email: AMARA, after }, 1)),
      takeOverSse(gateway.url, gateway.authorization, NOTES, { email: AMARA, after }, 1),
    ]);
    const note = { ...canopyExamples.note, note: 'traced note' };
    const vendorTrace = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    // As a vendor that traces its own side sends it: with its traceparent.
    const response = await request(await gateway.webhookUrl('canopy'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${vendorTrace}-1122334455667788-01` },
      body: JSON.stringify(note),
    });
    expect(response.statusCode).toBe(200);
    const body = (await response.body.json()) as { id: string };
    const answers = await receiving;
    for (const socket of sockets) await socket.dispose();
    expect(answers.map(([answer]) => answer?.data?.tenantEvents)).toEqual(Array(3).fill({ __typename: 'PassportNoteEvent', id: body.id, note: 'traced note' }));

    // The event went through Redis with the ingest span's context.
    const [stored] = await events.readAfter(gateway.agencyId, after, 1);
    expect(stored?.traceparent).toMatch(new RegExp(`^00-${vendorTrace}-[0-9a-f]{16}-01$`));

    await telemetry.flush();
    const ingests = receiver.spans.filter((span) => span.name.startsWith('webhook '));
    expect(ingests).toHaveLength(1);
    const ingest = ingests[0]!;
    expect(ingest).toMatchObject({ traceId: vendorTrace, parentSpanId: '1122334455667788' });
    expect(ingest.attributes).toMatchObject({ 'rentgraph.agency': 'sandbox-north', 'rentgraph.webhook.outcome': 'stored', 'http.response.status_code': 200 });
    expect(stored?.traceparent).toBe(`00-${vendorTrace}-${ingest.spanId}-01`);

    const deliveries = receiver.spans.filter((span) => span.name.startsWith('deliver ') && span.attributes['rentgraph.event.id'] === body.id);
    expect(deliveries).toHaveLength(3);
    for (const delivery of deliveries) {
      expect(delivery.traceId).toBe(vendorTrace);
      expect(delivery.parentSpanId).toBe(ingest.spanId);
      expect(delivery.links).toEqual([{ traceId: vendorTrace, spanId: ingest.spanId }]);
      expect(delivery.attributes['rentgraph.agency']).toBe('sandbox-north');
    }

    // The webhook's log line, written inside its ingest span, names the trace.
    const webhookLines = gateway.logRecords().filter((line) => line.msg === 'webhook' && line.outcome === 'stored');
    expect(webhookLines.map((line) => line.traceId)).toEqual([vendorTrace]);

    const text = JSON.stringify(receiver.spans);
    expect(text).not.toContain(AMARA);
    expect(text).not.toContain('traced note');
    expect(text).not.toContain(gateway.token);
  });
});
