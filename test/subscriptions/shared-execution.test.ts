import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { AMARA, canopyExamples, postWebhook } from '../helpers/webhooks';

/** Reads the request from Canopy for each event: what sharing saves is visible in the vendor's call count. */
const WITH_REQUEST = /* GraphQL */ `
  subscription WithRequest($email: String!, $after: String) {
    tenantEvents(email: $email, after: $after) {
      ... on RequestStatusEvent { status referencingRequest { canopyReferenceId status } }
    }
  }
`;
const OTHER_SELECTION = WITH_REQUEST.replace('status referencingRequest', 'status clientReferenceId referencingRequest');

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

describe('shared execution of subscription events', () => {
  it('answers one event once per operation and variables, however many subscribers share them', async () => {
    const after = (await gateway.events.newestId(gateway.agencyId)) ?? '0-0';
    expect((await postWebhook(gateway.url, 'canopy', canopyExamples.requestStatus)).status).toBe(200);
    gateway.sandbox.calls.reset();

    // The memory log hands every reader the same stored event, as the live fan-out does.
    const clients = [wsClient(gateway.url, gateway.connectionParams), wsClient(gateway.url, gateway.connectionParams), wsClient(gateway.url, gateway.connectionParams)];
    const variables = { email: AMARA, after };
    const [first, second, other] = await Promise.all([
      takeOverWebSocket(clients[0]!, WITH_REQUEST, variables, 1),
      takeOverWebSocket(clients[1]!, WITH_REQUEST, variables, 1),
      takeOverWebSocket(clients[2]!, OTHER_SELECTION, variables, 1),
    ]);
    await Promise.all(clients.map((client) => client.dispose()));

    expect(first).toEqual(second);
    expect(first[0]?.data?.tenantEvents).toMatchObject({ status: 'CONNECTED', referencingRequest: { canopyReferenceId: expect.any(String) } });
    expect(other[0]?.data?.tenantEvents).toMatchObject({ clientReferenceId: expect.any(String), referencingRequest: first[0]?.data?.tenantEvents.referencingRequest });
    // Two executions, the shared one and the other selection's: every read twice, not three times.
    const reads = Object.entries(gateway.sandbox.calls.snapshot()).filter(([endpoint]) => endpoint.includes(' GET '));
    const calls = reads.map(([, count]) => count);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((count) => count === 2)).toBe(true);
  });
});
