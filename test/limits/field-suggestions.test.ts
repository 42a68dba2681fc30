import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { runOperation, type Transport } from '../helpers/transports';

const MISSPELT = { query: '{ agency { nmae } }' };
const TRANSPORTS: Transport[] = ['POST', 'graphql-ws'];

describe.each([
  { blockFieldSuggestions: false, says: 'Cannot query field "nmae" on type "Agency". Did you mean "name"?' },
  { blockFieldSuggestions: true, says: 'Cannot query field "nmae" on type "Agency". [Suggestion hidden]' },
])('with blockFieldSuggestions $blockFieldSuggestions', ({ blockFieldSuggestions, says }) => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await useGateway({ limits: { blockFieldSuggestions } });
  });
  afterAll(() => gateway.close());

  it.each(TRANSPORTS)('a misspelt field is refused over %s with that message', async (transport) => {
    const seen = await runOperation(gateway.url, transport, MISSPELT, { credential: { kind: 'token', token: gateway.token } });
    expect(seen.errors?.map((error) => error.message)).toEqual([says]);
  });
});
