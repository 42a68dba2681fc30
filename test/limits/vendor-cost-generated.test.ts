import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/sandbox/demo-people';
import { createRandom } from '../fuzz/prng';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { generateDocument, type KnownIds } from './vendor-cost-documents';
import { expectWithinBound, measure } from './vendor-cost-bound';

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const DOCUMENTS = 60;

let gateway: TestGateway;
let ids: KnownIds;
beforeAll(async () => {
  gateway = await useGateway({ limits: { maxVendorCalls: 1_000_000, maxTokens: 100_000, maxDepth: 100, maxAliases: 10_000, maxDirectives: 10_000 } });
  const { data } = await gateway.graphql('{ tenant(email: "amara.okafor@example.com") { referencingRequests { canopyReferenceId } reposits { id } accounts { accountId } } }');
  ids = {
    emails: demoPeople(8, 'north').map((person) => person.email),
    accountId: data!.tenant.accounts[0].accountId,
    repositId: data!.tenant.reposits[0].id,
    canopyReferenceId: data!.tenant.referencingRequests[0].canopyReferenceId,
  };
});
afterAll(() => gateway.close());

describe(`generated documents (seed ${SEED})`, () => {
  it(`keep actual ≤ estimate ≤ 2 × actual + 2 at each vendor over ${DOCUMENTS} documents`, async () => {
    const random = createRandom(SEED);
    let called = 0;
    for (let i = 0; i < DOCUMENTS; i++) {
      const document = generateDocument(random, ids);
      const measured = await measure(gateway, document.query, document.variables);
      const invalid = (measured.errors as Array<{ extensions?: { code?: string } }> | undefined)?.find((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
      expect(invalid && `${(invalid as { message?: string }).message}`, document.query).toBeUndefined();
      expectWithinBound(`document ${i}: ${document.query} ${JSON.stringify(document.variables)}`, measured);
      if (Object.values(measured.received).some((count) => count > 0)) called++;
    }
    // The documents reach the vendors: a generator that asked for nothing would prove nothing.
    expect(called).toBeGreaterThan(DOCUMENTS / 2);
  });
});
