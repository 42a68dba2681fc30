import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { TEST_AGENCIES, testToken, useGateway } from '../helpers/gateway';

const WHO_WE_ARE = '{ repositSupplier { supplierId } }';

describe('the Reposit referrer token in sandbox mode', () => {
  it("is the sandbox's own when REPOSIT_REFERRER_TOKEN is unset, for every agency", async () => {
    await using gateway = await useGateway();
    for (const agency of TEST_AGENCIES) {
      const answer = await gateway.graphql(WHO_WE_ARE, {}, { token: await testToken({ agency }) });
      expect(answer.errors).toBeUndefined();
      expect(gateway.sandbox.account(agency).simulators.reposit.state.lastReferrerToken).toBe(SANDBOX_CREDENTIALS.reposit.referrerToken);
    }
  });

  it('is the configured one when REPOSIT_REFERRER_TOKEN is set', async () => {
    await using gateway = await useGateway({ env: { REPOSIT_REFERRER_TOKEN: 'crm-referrer-token-42' } });
    const answer = await gateway.graphql(WHO_WE_ARE);
    expect(answer.errors).toBeUndefined();
    expect(gateway.sandbox.account('sandbox-north').simulators.reposit.state.lastReferrerToken).toBe('crm-referrer-token-42');
  });
});
