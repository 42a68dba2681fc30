import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { runOperation, TRANSPORTS } from '../helpers/transports';
import { AMARA, postWebhook, REPOSIT_TENANT_CONFIRMED } from '../helpers/webhooks';

const NAMED_QUERY = `query LogLineProbe($email: String!) { tenant(email: $email) { email reposits { id } } }`;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

/** The operation lines written since `from`. */
function operationLines(from: number, operationName?: string) {
  return gateway
    .logRecords()
    .slice(from)
    .filter((line) => line.component === 'graphql' && String(line.msg).startsWith('graphql operation') && (!operationName || line.operationName === operationName));
}

describe('one line per GraphQL operation', () => {
  for (const transport of TRANSPORTS) {
    it(`over ${transport}: request id, agency, principal, name, type, duration and outcome, and never a variable`, async () => {
      const from = gateway.logLines.length;
      const seen = await runOperation(gateway.url, transport, { query: NAMED_QUERY, variables: { email: AMARA } }, { credential: { kind: 'token', token: gateway.token } });
      expect(seen.errors).toBeUndefined();
      await vi.waitFor(() => expect(operationLines(from, 'LogLineProbe')).toHaveLength(1));
      const [line] = operationLines(from, 'LogLineProbe');
      expect(line).toMatchObject({ level: 'info', agency: 'sandbox-north', principal: expect.any(String), operationType: 'query', outcome: 'ok' });
      expect(line!.transport).toBe(transport === 'graphql-ws' ? 'graphql-ws' : 'http');
      expect(line!.requestId).toMatch(/^[0-9a-f-]{32,36}$/);
      expect(line!.durationMs).toEqual(expect.any(Number));
      expect(gateway.logLines.slice(from).join('\n')).not.toContain(AMARA);
    });
  }

  it('carries the trace id of a valid W3C traceparent, and a fresh id for an invalid one', async () => {
    const from = gateway.logLines.length;
    const traced = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
    await runOperation(gateway.url, 'POST', { query: NAMED_QUERY, variables: { email: AMARA } }, { credential: { kind: 'token', token: gateway.token }, headers: { traceparent: traced } });
    await runOperation(gateway.url, 'POST', { query: NAMED_QUERY, variables: { email: AMARA } }, { credential: { kind: 'token', token: gateway.token }, headers: { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` } });
    const [first, second] = operationLines(from, 'LogLineProbe');
    expect(first?.requestId).toBe(TRACE_ID);
    expect(second?.requestId).not.toBe('0'.repeat(32));
    expect(second?.requestId).not.toBe(TRACE_ID);
  });

  it('says a request refused before execution was refused, with its status, over HTTP', async () => {
    const from = gateway.logLines.length;
    const seen = await runOperation(gateway.url, 'POST', { query: NAMED_QUERY, variables: { email: AMARA } });
    expect(seen.status).toBe(401);
    const [line] = operationLines(from);
    expect(line).toMatchObject({ outcome: 'refused', status: 401, transport: 'http' });
    expect(line!.agency).toBeUndefined();
  });

  it('says an invalid document was refused, with its code, over HTTP and graphql-ws', async () => {
    for (const transport of ['POST', 'graphql-ws'] as const) {
      const from = gateway.logLines.length;
      await runOperation(gateway.url, transport, { query: 'query Invalid { noSuchField }' }, { credential: { kind: 'token', token: gateway.token } });
      await vi.waitFor(() => expect(operationLines(from)).toHaveLength(1));
      expect(operationLines(from)[0]).toMatchObject({ outcome: 'refused', codes: ['GRAPHQL_VALIDATION_FAILED'], operationName: 'Invalid' });
    }
  });

  it('gives a resolver’s errors their codes: outcome "errors"', async () => {
    const from = gateway.logLines.length;
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 503 });
    try {
      const seen = await runOperation(gateway.url, 'POST', { query: NAMED_QUERY.replace('LogLineProbe', 'LogLineVendorDown'), variables: { email: AMARA } }, { credential: { kind: 'token', token: gateway.token } });
      expect(seen.errors?.length).toBeGreaterThan(0);
    } finally {
      gateway.sandbox.knobs.reset();
    }
    const [line] = operationLines(from, 'LogLineVendorDown');
    expect(line).toMatchObject({ outcome: 'errors', codes: ['VENDOR_UNAVAILABLE'] });
    // The vendor's failure is one warning line of its own, naming the vendor and the agency.
    const warning = gateway.logRecords().slice(from).find((record) => record.level === 'warn' && record.vendor === 'reposit');
    expect(warning).toMatchObject({ agency: 'sandbox-north', status: 503 });
  });

  it('writes a line at a subscription’s start and one at its end with its number of events', async () => {
    const from = gateway.logLines.length;
    const after = (await gateway.events.newestId(gateway.agencyId)) ?? '0-0';
    const client = wsClient(gateway.url, gateway.connectionParams);
    try {
      const taken = takeOverWebSocket(client, 'subscription LogLineEvents($email: String!, $after: String) { tenantEvents(email: $email, after: $after) { __typename } }', { email: REPOSIT_TENANT_CONFIRMED.data.tenant.email, after }, 1);
      // The start line is written once the subscription is under way: an event posted after it is delivered.
      await vi.waitFor(() => expect(operationLines(from, 'LogLineEvents')).toHaveLength(1));
      await postWebhook(gateway.url, 'reposit', REPOSIT_TENANT_CONFIRMED);
      expect(await taken).toHaveLength(1);
      await vi.waitFor(() => expect(operationLines(from, 'LogLineEvents').map((line) => line.msg)).toEqual(['graphql operation started', 'graphql operation ended']));
      const [, end] = operationLines(from, 'LogLineEvents');
      expect(end).toMatchObject({ operationType: 'subscription', transport: 'graphql-ws', agency: 'sandbox-north', events: 1 });
    } finally {
      await client.dispose();
    }
  });
});

describe('one line per webhook delivery', () => {
  it('names its vendor, agency, outcome, status and topic; a repeat is a duplicate; a wrong secret names no agency and no secret', async () => {
    const from = gateway.logLines.length;
    const body = { ...REPOSIT_TENANT_CONFIRMED, id: `evt_log_${Date.now()}` };
    await postWebhook(gateway.url, 'reposit', body);
    await postWebhook(gateway.url, 'reposit', body);
    await postWebhook(gateway.url, 'reposit', body, 'wrong-secret-0123456789');
    const lines = gateway.logRecords().slice(from).filter((line) => line.component === 'webhooks');
    expect(lines.map(({ vendor, agency, outcome, status }) => ({ vendor, agency, outcome, status }))).toEqual([
      { vendor: 'reposit', agency: 'sandbox-north', outcome: 'stored', status: 200 },
      { vendor: 'reposit', agency: 'sandbox-north', outcome: 'duplicate', status: 200 },
      { vendor: 'reposit', agency: undefined, outcome: 'unknown secret', status: 404 },
    ]);
    expect(lines[0]!.topic).toEqual(expect.any(String));
    expect(gateway.logLines.slice(from).join('\n')).not.toContain('wrong-secret-0123456789');
  });
});
