import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testToken, useGateway, type TestGateway } from '../helpers/gateway';

const WHO_WE_ARE = '{ repositSupplier { supplierId name } }';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

describe("a vendor's failure in the log", () => {
  it('names the agency whose call failed, and no other', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 401, times: 1 });
    const from = gateway.logLines.length;
    const answer = await gateway.graphql(WHO_WE_ARE, {}, { token: await testToken({ agency: 'sandbox-south' }) });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', vendor: 'reposit' });
    const lines = gateway.logLines.slice(from);
    const failure = lines.filter((line) => line.includes("refused the agency's credentials"));
    expect(failure).toHaveLength(1);
    expect(failure[0]).toContain('agency sandbox-south');
    expect(JSON.parse(failure[0]!)).toMatchObject({ level: 'warn', agency: 'sandbox-south', vendor: 'reposit', status: 401 });
    expect(lines.join('\n')).not.toContain('sandbox-north');
  });

  it('is left out of the answer, which the caller reads as its own agency', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 500, times: 3 });
    const answer = await gateway.graphql(WHO_WE_ARE);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'reposit' });
    expect(JSON.stringify(answer)).not.toContain('sandbox-');
  });
});
