import { stat } from 'node:fs/promises';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/auth/principal';
import { SANDBOX_ACCOUNT_CREDENTIALS } from '../../src/sandbox/credentials';
import { demoPeople } from '../../src/sandbox/demo-people';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { credentialValues, expectNoSecret, tenantOf } from './process-checks';

const AMARA = demoPeople(5, 'north')[0]!.email;
const CHIDI = demoPeople(5, 'south')[1]!.email;

describe('npm start on a fresh clone: no variable set', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    gateway = await startGatewayProcess({}, { sandbox: false });
    await gateway.waitUntilReady();
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
  });

  it('lists both sandbox agencies with their simulated vendors, and no credential', () => {
    const agencyLines = gateway.messages().split('\n').filter((line) => line.startsWith('agency '));
    expect(agencyLines).toHaveLength(2);
    expect(agencyLines[0]).toMatch(/^agency sandbox-north \(.+, from sandbox\): canopyReferencing simulated at http:\/\/127\.0\.0\.1:\d+\/canopy-referencing, canopyServicing simulated at .+, reposit simulated at .+$/);
    expect(agencyLines[1]).toMatch(/^agency sandbox-south \(.+, from sandbox\): canopyReferencing simulated at /);
    expectNoSecret(gateway.output(), credentialValues(Object.values(SANDBOX_ACCOUNT_CREDENTIALS)));
  });

  it('prints a development token per agency, every scope for 24 hours, and the file (mode 0600) holding them', async () => {
    const printed = gateway.printedTokens();
    expect(Object.keys(printed)).toEqual(['sandbox-north', 'sandbox-south']);
    expect(await gateway.fileTokens()).toEqual(printed);
    expect((await stat(gateway.tokenFile())).mode & 0o777).toBe(0o600);
    for (const [agencyId, token] of Object.entries(printed)) {
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({ agency: agencyId, scope: SCOPES.join(' ') });
      expect(claims.exp! - claims.iat!).toBe(24 * 60 * 60);
    }
  });

  it("answers each agency's token with that agency's data only", async () => {
    const { 'sandbox-north': north, 'sandbox-south': south } = gateway.printedTokens();
    const asNorth = { authorization: `Bearer ${north}` };
    const asSouth = { authorization: `Bearer ${south}` };
    // The demo links are written just after start.
    await gateway.waitFor('the demo links', () => tenantOf(gateway, AMARA, asNorth), (tenant) => tenant.referencingRequests.length > 0);

    expect((await tenantOf(gateway, AMARA, asNorth)).referencingRequests).not.toEqual([]);
    expect((await tenantOf(gateway, CHIDI, asSouth)).referencingRequests).not.toEqual([]);
    expect(await tenantOf(gateway, AMARA, asSouth)).toEqual({ referencingRequests: [], reposits: [], accounts: [] });
    expect(await tenantOf(gateway, CHIDI, asNorth)).toEqual({ referencingRequests: [], reposits: [], accounts: [] });
  });

  it('refuses a caller without a token', async () => {
    const answer = await gateway.graphql('{ __typename }');
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('removes the token file when it stops', async () => {
    const file = gateway.tokenFile();
    await gateway.stop();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

it('refuses AUTH=off in sandbox mode, saying why', { timeout: 60_000 }, async () => {
  const gateway = await startGatewayProcess({ AUTH: 'off' });
  const { code } = await gateway.exited;
  expect(code).not.toBe(0);
  expect(gateway.messages()).toMatch(/rentgraph: bad configuration\. AUTH: expected unset, because sandbox mode serves sandbox-north and sandbox-south, .*: AUTH=off serves only the single agency "default"/);
  await gateway.stop();
});
