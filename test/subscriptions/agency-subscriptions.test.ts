import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { takeOverSse, takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { AMARA, amaraRequest, canopyExamples, postWebhookTo } from '../helpers/webhooks';

/** She rents at both agencies, with a referencing request at each one's Canopy account. */
const PRIYA = 'priya.shah@example.com';
const priyaRequest = { 'sandbox-north': seededCanopyReferenceId(PRIYA), 'sandbox-south': seededCanopyReferenceId(PRIYA, 0, 'sandbox-south') };
type AgencyId = keyof typeof priyaRequest;

const REQUEST_EVENTS = /* GraphQL */ `
  subscription ($email: String!, $after: String) {
    tenantEvents(email: $email, after: $after) {
      ... on RequestStatusEvent { id canopyReferenceId status referencingRequest { canopyReferenceId } }
    }
  }
`;
const COMPLETED = /* GraphQL */ `
  subscription ($id: ID, $after: String) {
    referencingCompleted(canopyReferenceId: $id, after: $after) { id report { title maxRent { minorUnits currency } } }
  }
`;

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

const as = async (agency: AgencyId, scopes?: string[]) => ({ authorization: `Bearer ${await testToken({ agency, scopes })}` });

/** Canopy tells `agency`, in a notification of its own (not a repeated delivery), that Priya's request there is connected; the stored event's id. */
async function priyaConnected(agency: AgencyId): Promise<string> {
  const body = { ...canopyExamples.requestStatus, canopyReferenceId: priyaRequest[agency], clientReferenceId: randomUUID() };
  const answer = await postWebhookTo(await gateway.webhookUrl('canopy', agency), body);
  expect(answer.status).toBe(200);
  return String(answer.body.id);
}

async function cursorOf(agency: AgencyId): Promise<string> {
  return (await gateway.events.newestId(agency)) ?? '0-0';
}

describe('subscriptions of two agencies', () => {
  it('replay after a cursor of the other agency gives the subscriber its own agency’s later events only', async () => {
    const earlierOfSouth = await priyaConnected('sandbox-south');
    const northCursor = await priyaConnected('sandbox-north');
    const south = await as('sandbox-south');
    const client = wsClient(gateway.url, south);
    try {
      // North's id reads as a position in south's log: what south stored after that moment, nothing of north's.
      const overWebSocket = takeOverWebSocket(client, REQUEST_EVENTS, { email: PRIYA, after: northCursor }, 1);
      const overSse = takeOverSse(gateway.url, south, REQUEST_EVENTS, { email: PRIYA, after: northCursor }, 1);
      const laterOfSouth = await priyaConnected('sandbox-south');
      const expected = {
        id: laterOfSouth,
        canopyReferenceId: priyaRequest['sandbox-south'],
        status: 'CONNECTED',
        referencingRequest: { canopyReferenceId: priyaRequest['sandbox-south'] },
      };
      for (const results of await Promise.all([overWebSocket, overSse])) {
        expect(results.map((result) => result.errors)).toEqual([undefined]);
        expect(results.map((result) => result.data?.tenantEvents)).toEqual([expected]);
      }
      expect([earlierOfSouth, northCursor]).not.toContain(laterOfSouth);
    } finally {
      await client.dispose();
    }
  });

  it('answer one document for each subscriber’s own agency, read from its own vendor accounts', async () => {
    const cursors = { 'sandbox-north': await cursorOf('sandbox-north'), 'sandbox-south': await cursorOf('sandbox-south') };
    const agencies = ['sandbox-north', 'sandbox-north', 'sandbox-south', 'sandbox-south'] as const;
    const clients = await Promise.all(agencies.map(async (agency) => wsClient(gateway.url, await as(agency))));
    try {
      const receiving = agencies.map((agency, n) => takeOverWebSocket(clients[n]!, REQUEST_EVENTS, { email: PRIYA, after: cursors[agency] }, 1));
      const ids = { 'sandbox-north': await priyaConnected('sandbox-north'), 'sandbox-south': await priyaConnected('sandbox-south') };
      const answers = (await Promise.all(receiving)).map((results) => results[0]);
      agencies.forEach((agency, n) => {
        expect(answers[n]).toEqual({
          data: {
            tenantEvents: {
              id: ids[agency],
              canopyReferenceId: priyaRequest[agency],
              status: 'CONNECTED',
              referencingRequest: { canopyReferenceId: priyaRequest[agency] },
            },
          },
        });
      });
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});

describe('subscribers of one agency with different scopes', () => {
  it('get different answers to the same document: pii fields are null and FORBIDDEN for the one without pii', async () => {
    const after = await cursorOf('sandbox-north');
    const scopes = [['read', 'pii'], ['read'], ['read', 'pii'], ['read']];
    const clients = await Promise.all(scopes.map(async (granted) => wsClient(gateway.url, await as('sandbox-north', granted))));
    try {
      const receiving = clients.map((client) => takeOverWebSocket(client, COMPLETED, { id: amaraRequest, after }, 1));
      const posted = await postWebhookTo(await gateway.webhookUrl('canopy'), canopyExamples.completedReport);
      expect(posted.status).toBe(200);
      const [withPii, readOnly, otherWithPii, otherReadOnly] = (await Promise.all(receiving)).map((results) => results[0]);

      expect(withPii).toEqual({
        data: { referencingCompleted: { id: posted.body.id, report: { title: 'FULL', maxRent: { minorUnits: 150_000, currency: 'GBP' } } } },
      });
      expect(readOnly?.data).toEqual({ referencingCompleted: { id: posted.body.id, report: { title: 'FULL', maxRent: null } } });
      expect(readOnly?.errors).toEqual([
        expect.objectContaining({ path: ['referencingCompleted', 'report', 'maxRent'], extensions: expect.objectContaining({ code: 'FORBIDDEN', scope: 'pii' }) }),
      ]);
      // Shared among subscribers of the same scopes.
      expect(otherWithPii).toEqual(withPii);
      expect(otherReadOnly).toEqual(readOnly);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});

describe('a subscription whose token expires while it is open', () => {
  const EXPIRES_IN_S = 2;
  const ENDS_WITHIN_MS = 5_000;

  /** The stream's results, or a failure if it is still open `ENDS_WITHIN_MS` after the token expired. */
  async function untilEnded<T>(stream: Promise<T>, expiresAtMs: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still open ${ENDS_WITHIN_MS} ms after its token expired`)), expiresAtMs + ENDS_WITHIN_MS - Date.now());
    });
    try {
      return await Promise.race([stream, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  it.each(['graphql-ws', 'SSE'] as const)('ends over %s with a last result whose error is UNAUTHENTICATED', async (transport) => {
    const after = await cursorOf('sandbox-north');
    const token = await testToken({ expiresIn: EXPIRES_IN_S });
    const expiresAtMs = (Math.floor(Date.now() / 1000) + EXPIRES_IN_S) * 1000;
    const variables = { email: AMARA, after };
    const client = wsClient(gateway.url, { authorization: `Bearer ${token}` });
    try {
      const stream =
        transport === 'graphql-ws'
          ? takeOverWebSocket(client, REQUEST_EVENTS, variables, 10)
          : takeOverSse(gateway.url, { authorization: `Bearer ${token}` }, REQUEST_EVENTS, variables, 10);
      const posted = await postWebhookTo(await gateway.webhookUrl('canopy'), { ...canopyExamples.requestStatus, clientReferenceId: randomUUID() });
      const results = await untilEnded(stream, expiresAtMs);

      // Live until the token expired, then one last result and the end.
      expect(results).toHaveLength(2);
      expect(results[0]?.data?.tenantEvents).toMatchObject({ id: posted.body.id, status: 'CONNECTED' });
      expect(results[1]?.data).toBeUndefined();
      expect(results[1]?.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      expect(JSON.stringify(results[1])).not.toContain(token);
    } finally {
      await client.dispose();
    }
  });
});
