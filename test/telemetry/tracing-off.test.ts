import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVendorPool, VendorHttp } from '../../src/sources/http';
import { startTelemetry, tracingRequested } from '../../src/telemetry/start';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { canopyExamples, postWebhook } from '../helpers/webhooks';

describe('which variables ask for traces', () => {
  it('an OTLP endpoint, general or for traces, unless the SDK or the trace exporter is turned off', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'rentgraph' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });
});

describe('with no OTEL_* variables', () => {
  const received: IncomingHttpHeaders[] = [];
  const vendor = createServer((req, res) => {
    received.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  let gateway: TestGateway;

  beforeAll(async () => {
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    gateway = await useGateway();
  });
  afterAll(async () => {
    await gateway?.close();
    await new Promise<void>((resolve) => vendor.close(() => resolve()));
  });

  it('starts no SDK: spans are the no-op tracer', () => {
    expect(startTelemetry({})).toBeUndefined();
    expect(trace.getTracer('rentgraph').startSpan('x').isRecording()).toBe(false);
  });

  it('sends a vendor no traceparent, and stores events as they always were', async () => {
    const baseUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
    const http = new VendorHttp({ vendor: 'reposit', baseUrl, dispatcher: createVendorPool(baseUrl) });
    await http.json({ method: 'GET', path: '/v1/suppliers/me' });
    expect(received).toHaveLength(1);
    expect(received[0]!.traceparent).toBeUndefined();

    const { status } = await postWebhook(gateway.url, 'canopy', { ...canopyExamples.note, note: 'untraced' });
    expect(status).toBe(200);
    const [event] = (await gateway.events.readAfter(gateway.agencyId, undefined, 1000)).slice(-1);
    expect(event).toBeDefined();
    expect(Object.keys(event!)).not.toContain('traceparent');
  });
});
