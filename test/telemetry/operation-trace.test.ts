import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelemetry, type Telemetry } from '../../src/telemetry/start';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { startOtlpReceiver } from './otlp-receiver';

const DASHBOARD = readFileSync(new URL('../../operations/tenant-dashboard.graphql', import.meta.url), 'utf8');
const VARIABLES = JSON.parse(readFileSync(new URL('../../operations/tenant-dashboard.variables.json', import.meta.url), 'utf8')) as { email: string };

const CREATE_CUSTOMER = readFileSync(new URL('../../operations/create-customer.graphql', import.meta.url), 'utf8');
const CUSTOMER_VARIABLES = JSON.parse(readFileSync(new URL('../../operations/create-customer.variables.json', import.meta.url), 'utf8')) as {
  input: Record<'email' | 'dateOfBirth' | 'phoneNumber' | 'firstName' | 'lastName' | 'addressLineOne' | 'zip', string>;
};

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let telemetry: Telemetry;
let gateway: TestGateway;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
  telemetry = startTelemetry()!;
  gateway = await useGateway();
  // The first query also exchanges the agency's Canopy credentials for a token: warm, a dashboard is the sandbox's 11 calls.
  await gateway.graphql(DASHBOARD, VARIABLES);
});

afterAll(async () => {
  await gateway?.close();
  await telemetry?.shutdown();
  await receiver?.close();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
});

/** The spans of the one trace whose root is a `query TenantDashboard` span. */
async function dashboardTrace(headers?: Record<string, string>) {
  await telemetry.flush();
  receiver.spans.length = 0;
  gateway.sandbox.calls.reset();
  const answer = await gateway.graphql(DASHBOARD, VARIABLES, headers && { headers: { ...gateway.authorization, ...headers } });
  expect(answer.errors).toBeUndefined();
  await telemetry.flush();
  const operations = receiver.spans.filter((span) => span.name === 'query TenantDashboard');
  expect(operations).toHaveLength(1);
  const operation = operations[0]!;
  return { operation, trace: receiver.spans.filter((span) => span.traceId === operation.traceId) };
}

describe('a tenant dashboard query, traced', () => {
  it('is one trace: the operation span, with each vendor call the sandbox received as its child', async () => {
    const { operation, trace } = await dashboardTrace();
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'TenantDashboard',
      'rentgraph.agency': 'sandbox-north',
      'rentgraph.outcome': 'ok',
      'rentgraph.vendor_calls': 11,
    });
    const calls = trace.filter((span) => span.attributes['rentgraph.vendor'] !== undefined);
    expect(calls).toHaveLength(11);
    expect(gateway.sandbox.calls.count()).toBe(11);
    for (const call of calls) {
      expect(call.parentSpanId).toBe(operation.spanId);
      expect(call.attributes['rentgraph.vendor.attempt']).toBe(1);
      expect(call.attributes['http.response.status_code']).toBe(200);
    }
    // The same endpoints as the sandbox counted, each named by its template (parameter names aside).
    const template = (route: string) => route.replace(/:\w+/g, ':id');
    const traced = calls.map((span) => `${span.attributes['rentgraph.vendor']} ${span.attributes['http.request.method']} ${template(String(span.attributes['url.template']))}`).sort();
    const counted = Object.entries(gateway.sandbox.calls.snapshot()).flatMap(([key, count]) => Array<string>(count).fill(template(key))).sort();
    expect(traced).toEqual(counted);
    expect(Object.values(operation.attributes).filter((value) => value === 11)).toHaveLength(1);
    // Its log line, written once the answer is sent, names the same trace.
    const lines = gateway.logRecords().filter((line) => line.msg === 'graphql operation' && line.operationName === 'TenantDashboard');
    expect(lines.at(-1)?.traceId).toBe(operation.traceId);
  });

  it("continues the caller's trace from its traceparent", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { operation } = await dashboardTrace({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(operation.traceId).toBe(traceId);
    expect(operation.parentSpanId).toBe('00f067aa0ba902b7');
  });

  it('puts no variable, token or personal data in any span', async () => {
    const { trace } = await dashboardTrace();
    const text = JSON.stringify(trace);
    expect(text).not.toContain(VARIABLES.email);
    expect(text).not.toContain(gateway.token);
    expect(text).not.toMatch(/@example\.com/);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).not.toContain('query TenantDashboard(');
  });

  it("puts none of a mutation's personal data in its spans", async () => {
    await telemetry.flush();
    receiver.spans.length = 0;
    const { input } = CUSTOMER_VARIABLES;
    await gateway.graphql(CREATE_CUSTOMER, CUSTOMER_VARIABLES);
    await telemetry.flush();
    expect(receiver.spans.some((span) => span.attributes['graphql.operation.type'] === 'mutation')).toBe(true);
    const text = JSON.stringify(receiver.spans);
    for (const value of [input.email, input.dateOfBirth, input.phoneNumber, input.firstName, input.lastName, input.addressLineOne, input.zip]) {
      expect(text).not.toContain(value);
    }
  });
});
