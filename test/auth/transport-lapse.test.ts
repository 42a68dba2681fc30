import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOperation, type Credential, type Seen, type Transport } from '../helpers/transports';
import { useMatrixGateway, type MatrixGateway } from './transport-fixture';

const REPOSIT_EVENTS = { query: 'subscription { repositEvents { __typename } }' };
/** The promise: a subscription ends within 5 s of its credential lapsing. */
const LAPSE_MS = 5_000;

let matrix: MatrixGateway;
beforeAll(async () => {
  matrix = await useMatrixGateway();
});
afterAll(() => matrix?.close());

function subscribe(transport: Transport, credential: Credential, options: { waitMs: number; onOpen?: () => void }): Promise<Seen> {
  return runOperation(matrix.gateway.url, transport, REPOSIT_EVENTS, { credential, ...options });
}

/** Opened, then ended by the server with one last result saying why. */
function expectLapsed(seen: Seen, transport: Transport): void {
  if (transport === 'SSE') expect(seen.status).toBe(200);
  else expect(seen.closeCode).toBeUndefined();
  expect(seen.ended).toBe(true);
  expect(seen.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(seen.results.slice(0, -1).every((result) => result.errors === undefined)).toBe(true);
}

describe.each(['SSE', 'graphql-ws'] satisfies Transport[])('a subscription over %s', (transport) => {
  it('stays open while its credential holds', async () => {
    const seen = await subscribe(transport, { kind: 'token', token: await matrix.hs256() }, { waitMs: 2_500 });
    expect(seen.ended).toBe(false);
    expect(seen.errors).toBeUndefined();
  });

  it('ends with UNAUTHENTICATED within 5 s of its token expiring', async () => {
    const expiresIn = 2;
    const seen = await subscribe(transport, { kind: 'token', token: await matrix.hs256({ expiresIn }) }, { waitMs: expiresIn * 1_000 + LAPSE_MS });
    expectLapsed(seen, transport);
  });

  it('ends with UNAUTHENTICATED within 5 s of its API key being revoked', async () => {
    const { id, key } = await matrix.apiKey('sandbox-north');
    let revoked: Promise<boolean> | undefined;
    const seen = await subscribe(transport, { kind: 'apiKey', key }, {
      waitMs: LAPSE_MS,
      onOpen: () => (revoked = matrix.gateway.composed.apiKeys!.revoke(id, 'sandbox-north')),
    });
    expect(await revoked).toBe(true);
    expectLapsed(seen, transport);
  });

  it('ends with UNAUTHENTICATED within 5 s of its agency being removed', async () => {
    const agencyId = `matrix-${transport === 'SSE' ? 'sse' : 'ws'}`;
    await matrix.gateway.composed.registry.create({ id: agencyId, name: 'Short-lived' });
    let removed: Promise<void> | undefined;
    const seen = await subscribe(transport, { kind: 'token', token: await matrix.hs256({ agency: agencyId }) }, {
      waitMs: LAPSE_MS,
      onOpen: () => (removed = matrix.gateway.composed.registry.delete(agencyId)),
    });
    await removed;
    expectLapsed(seen, transport);
  });
});
