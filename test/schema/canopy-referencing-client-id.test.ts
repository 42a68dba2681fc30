import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportLinks } from '../../src/http/report-links';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import { TEST_REPORT_KEY, useGateway, type TestGateway } from '../helpers/gateway';

const AMARA = 'amara.okafor@example.com';
const REQUEST = /* GraphQL */ `
  query ($id: ID!) {
    referencingRequest(canopyReferenceId: $id) { status rentPassport { ready } notes { renter { email } } }
    canopyBranches { id }
  }
`;

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await useGateway({ vendorHttp: { retry: { attempts: 1 } } });
});
afterEach(() => gateway.close());

/** Every path Canopy is called on carries the agency's client id: none of it may reach an answer. */
function clientId(): string {
  return gateway.sandbox.simulators.canopyReferencing.state.clientId;
}

describe('the Canopy client id', () => {
  it.each([401, 403, 404, 500])('is in no GraphQL answer when Canopy answers %i, token exchange included', async (status) => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-referencing', status });
    const answer = await gateway.graphql(REQUEST, { id: seededCanopyReferenceId(AMARA) });
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ vendor: 'canopy-referencing', status });
    expect(answer.errors?.[0]?.extensions?.endpoint).toMatch(/:clientId/);
    expect(JSON.stringify(answer)).not.toContain(clientId());
  });

  it('is in no answer of the report route when Canopy fails the download', async () => {
    const links = createReportLinks({ publicUrl: gateway.url, key: TEST_REPORT_KEY });
    for (const status of [404, 500]) {
      gateway.sandbox.knobs.addFault({ vendor: 'canopy-referencing', status, times: 1 });
      const response = await request(await links.canopyDocumentUrl(gateway.agencyId, 'some-document'));
      const text = await response.body.text();
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(text).not.toContain(clientId());
    }
  });
});
