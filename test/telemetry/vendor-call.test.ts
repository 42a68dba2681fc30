import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVendorPool, encodePath, VendorHttp } from '../../src/sources/http';
import { currentTraceId } from '../../src/telemetry/current-trace-id';
import { startTelemetry, type Telemetry } from '../../src/telemetry/start';
import { tracer } from '../../src/telemetry/tracer';
import { startOtlpReceiver } from './otlp-receiver';

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let telemetry: Telemetry;
/** What the vendor received, in order. */
const received: IncomingHttpHeaders[] = [];
/** Statuses the vendor answers with, in turn; 200 once they run out. */
let statuses: number[] = [];
const vendor = createServer((req, res) => {
  received.push(req.headers);
  res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' }).end('{"ok":true}');
});
let http: VendorHttp;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
  telemetry = startTelemetry()!;
  await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}/deposits`;
  http = new VendorHttp({ vendor: 'reposit', baseUrl, dispatcher: createVendorPool(baseUrl), retry: { baseDelayMs: 1, maxDelayMs: 1 } });
});

afterAll(async () => {
  await new Promise<void>((resolve) => vendor.close(() => resolve()));
  await telemetry?.shutdown();
  await receiver?.close();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
});

describe('a vendor call, traced', () => {
  it('is a client span named by its route template, whose traceparent the vendor receives', async () => {
    const parent = tracer().startSpan('caller');
    received.length = 0;
    receiver.spans.length = 0;
    const traceIdInside = await context.with(trace.setSpan(context.active(), parent), async () => {
      await http.json({ method: 'GET', path: encodePath`/v1/reposits/${'rep_SECRET123'}`, query: { email: 'someone@example.com' } });
      return currentTraceId();
    });
    parent.end();
    await telemetry.flush();

    expect(traceIdInside).toBe(parent.spanContext().traceId);
    const [call] = receiver.spans.filter((span) => span.attributes['rentgraph.vendor'] === 'reposit');
    expect(call).toMatchObject({ name: 'GET /v1/reposits/:id', traceId: parent.spanContext().traceId, parentSpanId: parent.spanContext().spanId });
    expect(call!.attributes).toMatchObject({ 'http.request.method': 'GET', 'url.template': '/v1/reposits/:id', 'http.response.status_code': 200, 'rentgraph.vendor.attempt': 1 });
    expect(received).toHaveLength(1);
    expect(received[0]!.traceparent).toBe(`00-${call!.traceId}-${call!.spanId}-01`);
    const text = JSON.stringify(receiver.spans);
    expect(text).not.toContain('rep_SECRET123');
    expect(text).not.toContain('someone@example.com');
  });

  it('is a span per attempt, numbered, each sending its own traceparent', async () => {
    statuses = [503];
    received.length = 0;
    receiver.spans.length = 0;
    await http.json({ method: 'GET', path: '/v1/suppliers/me' });
    await telemetry.flush();
    const attempts = receiver.spans.filter((span) => span.attributes['rentgraph.vendor'] === 'reposit');
    expect(attempts.map((span) => [span.attributes['rentgraph.vendor.attempt'], span.attributes['http.response.status_code']])).toEqual([
      [1, 503],
      [2, 200],
    ]);
    expect(attempts.map((span) => span.name)).toEqual(['GET /v1/suppliers/me', 'GET /v1/suppliers/me']);
    expect(received.map((headers) => headers.traceparent)).toEqual(attempts.map((span) => `00-${span.traceId}-${span.spanId}-01`));
  });

  it('has no trace id outside any span', () => {
    expect(currentTraceId()).toBeUndefined();
  });
});
