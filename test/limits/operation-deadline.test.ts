import { afterEach, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway | undefined;
afterEach(() => gateway?.close());

const DASHBOARD = '{ tenant(email: "amara.okafor@example.com") { email reposits { id } accounts { id } } }';

describe('operation deadline', () => {
  it('answers with what it has once the deadline passes, the hanging vendor’s fields null with VENDOR_TIMEOUT naming it', async () => {
    // Each attempt may wait 10 s for headers, three attempts: only the deadline ends this sooner.
    gateway = await useGateway({ limits: { deadlineMs: 300 }, vendorHttp: { headersTimeoutMs: 10_000 } });
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 'hang' });

    const { data, errors } = await gateway.graphql(DASHBOARD);
    expect(data?.tenant.email).toBe('amara.okafor@example.com');
    expect(data?.tenant.accounts.length).toBeGreaterThan(0);
    expect(data?.tenant.reposits).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.path).toEqual(['tenant', 'reposits']);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'reposit' });
    expect(errors?.[0]?.message).toMatch(/Reposit .* did not answer in time: the operation's deadline of 300 ms was reached/);
    // One attempt: the deadline stopped it, and no retry followed.
    expect(gateway.sandbox.calls.count('reposit')).toBe(1);
  }, 20_000);

  it('caps the retries too: a vendor failing with 503 is not retried past the deadline', async () => {
    gateway = await useGateway({ limits: { deadlineMs: 300 }, vendorHttp: { retry: { attempts: 50, baseDelayMs: 1_000, maxDelayMs: 1_000 } } });
    gateway.sandbox.knobs.addFault({ vendor: 'reposit', status: 503 });

    const { errors } = await gateway.graphql(DASHBOARD);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'reposit' });
    expect(gateway.sandbox.calls.count('reposit')).toBeLessThan(5);
  }, 20_000);
});
