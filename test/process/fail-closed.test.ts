import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start';
import { startGatewayProcess } from '../helpers/gateway-process';
import { credentialValues, expectNoSecret, supplierName, vendorEnv } from './process-checks';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ people: 5 });
});
afterAll(async () => {
  await sandbox?.close();
});

/** The variables of one vendor only, the others left to the gateway's own sandbox. */
const VENDOR_VARIABLES = {
  'Canopy Referencing': /^CANOPY_(REFERENCING_BASE_URL|CLIENT_ID|SECRET_KEY|API_KEY)$/,
  'Canopy Servicing': /^CANOPY_SERVICING_/,
  Reposit: /^REPOSIT_/,
};

describe('real vendor credentials and no AUTH_*', () => {
  it.each(Object.entries(VENDOR_VARIABLES))('%s: start-up refuses, naming AUTH_JWKS_URL and AUTH_JWT_SECRET', { timeout: 60_000 }, async (_, names) => {
    const env = Object.fromEntries(Object.entries(vendorEnv(sandbox)).filter(([name]) => names.test(name)));
    const gateway = await startGatewayProcess(env, { sandbox: false });
    const { code } = await gateway.exited;

    expect(code).not.toBe(0);
    expect(gateway.messages()).toMatch(/rentgraph: bad configuration\. AUTH_JWKS_URL or AUTH_JWT_SECRET: expected a value/);
    expect(await gateway.get('/healthz')).toBeUndefined();
    expectNoSecret(gateway.output(), credentialValues([sandbox.account('sandbox-north').agency]).filter((value) => Object.values(env).includes(value)));
    await gateway.stop();
  });
});

it('AUTH=off starts with a loud warning and serves agency "default" without credentials', { timeout: 60_000 }, async () => {
  const gateway = await startGatewayProcess({ ...vendorEnv(sandbox), AUTH: 'off' }, { sandbox: false });
  try {
    await gateway.waitUntilReady();
    expect(gateway.messages()).toMatch(/^!!! AUTH=off: every caller acts for agency "default" with every scope, unauthenticated\.$/m);
    expect(gateway.messages()).toMatch(/^agency default \(.*, from environment\): canopyReferencing real at /m);
    expect(await supplierName(gateway, {})).toBe(sandbox.account('sandbox-north').simulators.reposit.state.supplier.name);
    expectNoSecret(gateway.output(), credentialValues([sandbox.account('sandbox-north').agency]));
  } finally {
    await gateway.stop();
  }
});
