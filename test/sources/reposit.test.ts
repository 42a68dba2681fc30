import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import type { RepositSimulator } from '../../src/sandbox/reposit/simulator';
import type { RepositRecord } from '../../src/sandbox/reposit/state';
import type { VendorHttp } from '../../src/sources/http';
import { PayloadError } from '../../src/sources/normalise';
import { isListed } from '../../src/sources/open-enum';
import { RepositClient } from '../../src/sources/reposit/client';
import { repositErrorBody } from '../../src/sources/reposit/error-body';
import {
  REPOSIT_POLICY_CATEGORY_VALUES,
  REPOSIT_POLICY_DOCUMENT_TYPE_VALUES,
  REPOSIT_TENANT_STATUS_VALUES,
  type CreateRepositInput,
  type RepositWebhookEvent,
} from '../../src/sources/reposit/types';
import { parseRepositWebhook } from '../../src/sources/reposit/webhook';
import { VendorError } from '../../src/sources/vendor-error';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

// Far from UTC, so a zoneless timestamp read as local time would show as the wrong instant.
process.env.TZ = 'Asia/Tokyo';

const { apiKey, referrerToken } = SANDBOX_CREDENTIALS.reposit;

let sandbox: TestSandbox;
let simulator: RepositSimulator;
let http: VendorHttp;
let client: RepositClient;

beforeAll(async () => {
  sandbox = await useSandbox();
  simulator = sandbox.simulators.reposit;
  http = sandbox.http('reposit', { readErrorBody: repositErrorBody });
  client = new RepositClient({ http, apiKey, referrerToken });
});
afterAll(() => sandbox.close());

function seeded(find: (record: RepositRecord) => boolean): RepositRecord {
  const record = [...simulator.state.reposits.values()].find(find);
  if (!record) throw new Error('the seed has no such Reposit');
  return record;
}

async function vendorError(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VendorError);
  return error as VendorError;
}

function validInput(agentId: string): CreateRepositInput {
  return {
    address: { line1: '229 Shoreditch High Street', line2: 'Shoreditch', town: 'London', country: 'GBR', postcode: 'E1 6PJ' },
    landlord: {
      firstName: 'Bobby',
      lastName: 'Moore',
      email: 'bobtheman@example.com',
      address: { line1: '1 Rue de Rivoli', town: 'Paris', country: 'FRA', postcode: '75001' },
    },
    agentId,
    monthlyRentPence: 123_456,
    startDate: new Date('2026-10-21T00:00:00Z'),
    endDate: new Date('2027-10-20T00:00:00Z'),
    tenantEmails: ['amara.okafor@example.com', 'new.flatmate@example.com'],
  };
}

describe('RepositClient', () => {
  it('reads the supplier, its zoneless created_at taken as UTC', async () => {
    const supplier = await client.getSupplier();
    expect(supplier).toEqual({
      id: simulator.state.supplier.id,
      name: 'Northside Lettings',
      type: 'AGENCY',
      createdAt: new Date(Date.UTC(2019, 5, 3, 8, 15, 42, 120)),
    });
    expect(supplier.id).toMatch(/^sup_/);
  });

  it("lists the supplier's agents, and is refused another supplier's", async () => {
    const supplier = await client.getSupplier();
    const agents = await client.listSupplierAgents(supplier.id);
    expect(agents).toHaveLength(4);
    expect(agents[0]).toEqual({ id: expect.stringMatching(/^usr_/), firstName: 'Janet', lastName: 'Savoy' });
    expect(agents.map((agent) => agent.id)).toEqual(simulator.state.agents.map((agent) => agent.id));

    const error = await vendorError(client.listSupplierAgents('sup_someoneElse'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.status).toBe(403);
    expect(error.vendorMessage).toContain('sup_someoneElse');
  });

  it('reads a Reposit: rent in pence from pounds, calendar dates, statuses, letOnly null as false', async () => {
    const record = seeded((r) => !Number.isInteger(r.ppm) && r.letOnly === null && r.tenants.length === 1);
    const reposit = await client.getReposit(record.id);

    expect(reposit.monthlyRentPence).toBe(Math.round(record.ppm * 100));
    expect(reposit.monthlyRentPence % 100).toBe(50);
    expect(Number.isSafeInteger(reposit.monthlyRentPence)).toBe(true);
    expect(reposit.startDate).toEqual(new Date(`${record.startDate}T00:00:00Z`));
    expect(reposit.endDate).toEqual(new Date(`${record.endDate}T00:00:00Z`));
    expect(reposit.createdAt).toEqual(new Date(record.createdAt));
    expect(reposit.letOnly).toBe(false);
    expect(reposit.closedAt).toBeUndefined();
    expect(reposit.headcount).toBe(1);
    expect(reposit.address).toMatchObject({ country: 'GBR', town: 'Manchester', postcode: record.address.postcode });
    expect(reposit.agent.id).toBe(record.agentId);
    expect(reposit.supplier).toEqual({ id: simulator.state.supplier.id, name: 'Northside Lettings', type: 'AGENCY' });
    expect(reposit.tenants).toEqual([
      { email: record.tenants[0]!.email, createdAt: new Date(record.createdAt), status: record.tenants[0]!.status },
    ]);
    expect(isListed(REPOSIT_TENANT_STATUS_VALUES, reposit.tenants[0]!.status)).toBe(true);
    expect(reposit.landlordUrl).toBe(`${sandbox.baseUrls.reposit}/v1/reposits/${record.id}/landlord`);
    expect(reposit.policiesUrl).toBe(`${sandbox.baseUrls.reposit}/v1/reposits/${record.id}/policies`);
  });

  it('derives the status from the tenants and the closing dates', async () => {
    const active = seeded((r) => r.tenants.every((t) => t.status === 'PAID') && r.closedAt === null);
    const closed = seeded((r) => r.closedAt !== null);
    const deactivated = seeded((r) => r.deactivatedAt !== null);
    const pending = seeded((r) => r.tenants.some((t) => t.status !== 'PAID') && r.deactivatedAt === null);

    expect((await client.getReposit(active.id)).status).toBe('ACTIVE');
    const closedReposit = await client.getReposit(closed.id);
    expect(closedReposit.status).toBe('CLOSED');
    expect(closedReposit.closedAt).toEqual(new Date(closed.closedAt!));
    const deactivatedReposit = await client.getReposit(deactivated.id);
    expect(deactivatedReposit.status).toBe('DEACTIVATED');
    expect(deactivatedReposit.deactivatedAt).toEqual(new Date(deactivated.deactivatedAt!));
    expect((await client.getReposit(pending.id)).status).toBe('PENDING');
  });

  it('lists the policies of a completed Reposit, none of a pending one', async () => {
    const completed = seeded((r) => r.policies.length > 0);
    const [policy, ...others] = await client.listPolicies(completed.id);
    expect(others).toEqual([]);
    expect(policy).toMatchObject({
      id: expect.stringMatching(/^pol_/),
      typeId: expect.stringMatching(/^CAN_V2_\d+_\d+$/),
      category: 'DEPOSIT_WAIVER',
      startDate: new Date(`${completed.startDate}T00:00:00Z`),
      endDate: new Date(`${completed.endDate}T00:00:00Z`),
    });
    expect(isListed(REPOSIT_POLICY_CATEGORY_VALUES, policy!.category)).toBe(true);
    const [document] = policy!.documents;
    expect(document).toMatchObject({ id: expect.stringMatching(/^doc_/), type: 'Policy Summary', name: policy!.id });
    expect(isListed(REPOSIT_POLICY_DOCUMENT_TYPE_VALUES, document!.type)).toBe(true);
    expect(document!.createdAt).toBeInstanceOf(Date);
    expect(new URL(document!.href).pathname).toMatch(/\.pdf$/);

    const pending = seeded((r) => r.policies.length === 0);
    expect(await client.listPolicies(pending.id)).toEqual([]);
  });

  it("follows a Reposit's landlordUrl to its landlord", async () => {
    const record = seeded((r) => r.landlord.lastName === 'Estates Ltd');
    const reposit = await client.getReposit(record.id);
    const before = sandbox.calls.count('reposit', 'GET /v1/reposits/:id/landlord');
    const landlord = await client.getLandlord(reposit.landlordUrl);
    expect(sandbox.calls.count('reposit', 'GET /v1/reposits/:id/landlord')).toBe(before + 1);
    expect(landlord).toEqual({
      firstName: 'Pennine',
      lastName: 'Estates Ltd',
      email: record.landlord.email,
      address: { line1: '1 Piccadilly Place', line2: 'Suite 12', town: 'Manchester', country: 'GBR', postcode: 'M1 3BN' },
    });
  });

  it('creates a Reposit and reads it back the same', async () => {
    const [agent] = await client.listSupplierAgents(simulator.state.supplier.id);
    const input = validInput(agent!.id);
    const before = Date.now();
    const created = await client.createReposit(input);

    expect(created.id).toMatch(/^rep_/);
    expect(simulator.state.reposits.get(created.id)?.ppm).toBe(1234.56);
    expect(created).toMatchObject({
      monthlyRentPence: 123_456,
      headcount: 2,
      startDate: input.startDate,
      endDate: input.endDate,
      letOnly: false,
      status: 'PENDING',
      address: input.address,
      agent: agent,
    });
    expect(created.tenants.map((t) => [t.email, t.status])).toEqual([
      ['amara.okafor@example.com', 'INVITED'],
      ['new.flatmate@example.com', 'INVITED'],
    ]);
    expect(created.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    expect(await client.getReposit(created.id)).toEqual(created);
    expect(await client.getLandlord(created.landlordUrl)).toEqual(input.landlord);
    expect(await client.listPolicies(created.id)).toEqual([]);
  });

  it('sends letOnly when given', async () => {
    const input = { ...validInput(simulator.state.agents[1]!.id), letOnly: true };
    const created = await client.createReposit(input);
    expect(created.letOnly).toBe(true);
    expect(simulator.state.reposits.get(created.id)?.letOnly).toBe(true);
  });

  it('never repeats a create, but retries a read', async () => {
    const input = validInput(simulator.state.agents[0]!.id);
    const count = simulator.state.reposits.size;
    sandbox.knobs.addFault({ vendor: 'reposit', endpoint: 'POST /v1/reposits', status: 503, times: 1 });
    const before = sandbox.calls.count('reposit', 'POST /v1/reposits');
    const error = await vendorError(client.createReposit(input));
    expect(error.code).toBe('VENDOR_UNAVAILABLE');
    expect(sandbox.calls.count('reposit', 'POST /v1/reposits')).toBe(before + 1);
    expect(simulator.state.reposits.size).toBe(count);

    sandbox.knobs.addFault({ vendor: 'reposit', endpoint: 'GET /v1/suppliers/me', status: 503, times: 1 });
    const reads = sandbox.calls.count('reposit', 'GET /v1/suppliers/me');
    await expect(client.getSupplier()).resolves.toMatchObject({ name: 'Northside Lettings' });
    expect(sandbox.calls.count('reposit', 'GET /v1/suppliers/me')).toBe(reads + 2);
  });

  it('sends the referrer token when one is configured, and none when not', async () => {
    await client.getSupplier();
    expect(simulator.state.lastReferrerToken).toBe(referrerToken);

    const withoutReferrer = new RepositClient({ http, apiKey });
    await withoutReferrer.getSupplier();
    expect(simulator.state.lastReferrerToken).toBeUndefined();
  });

  it('maps an unknown Reposit to NOT_FOUND with the vendor message, and encodes the id', async () => {
    const error = await vendorError(client.getReposit('rep_doesNotExist'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, vendor: 'reposit', endpoint: 'GET /v1/reposits/rep_doesNotExist' });
    expect(error.vendorMessage).toBe('Reposit rep_doesNotExist not found');

    const seededId = simulator.state.reposits.keys().next().value!;
    const smuggled = await vendorError(client.getReposit(`${seededId}/landlord`));
    expect(smuggled.code).toBe('NOT_FOUND');
    expect(smuggled.endpoint).toBe(`GET /v1/reposits/${seededId}%2Flandlord`);
    expect((await vendorError(client.listPolicies('rep_doesNotExist'))).code).toBe('NOT_FOUND');
  });

  it('maps a wrong API key to UNAUTHENTICATED', async () => {
    const wrongKey = new RepositClient({ http, apiKey: 'not-the-key' });
    const error = await vendorError(wrongKey.getSupplier());
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, vendorMessage: 'Invalid API key' });
  });

  it("maps a refused create to BAD_USER_INPUT with Reposit's field errors", async () => {
    const input = validInput('usr_nobody');
    input.address = { ...input.address, postcode: 'NOT A POSTCODE' };
    input.endDate = new Date('2026-01-01T00:00:00Z');
    const error = await vendorError(client.createReposit(input));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.status).toBe(400);
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['address.postcode', 'agentId', 'endDate']);
    expect(error.fieldErrors?.agentId).toMatch(/^agentId must be the id of one of the supplier's agents/);
    expect(error.vendorMessage).toContain('endDate must be after startDate');
  });
});

describe('parseRepositWebhook', () => {
  it('reads what the simulated Reposit sends, and the href leads to the Reposit', async () => {
    const [agent] = simulator.state.agents;
    const created = await client.createReposit({ ...validInput(agent!.id), tenantEmails: ['solo@example.com'] });
    simulator.setWebhookUrl('http://gateway.invalid/webhooks/reposit/secret');
    try {
      const events: RepositWebhookEvent[] = [];
      for (let step = 0; step < 500 && !events.some((e) => e.action === 'reposit.completed'); step++) {
        for (const delivery of simulator.advance()) {
          const event = parseRepositWebhook(delivery.body);
          if (event.repositId === created.id) events.push(event);
        }
      }
      expect(events.map((e) => e.action)).toEqual([
        'reposit.tenant.confirmed',
        'reposit.tenant.signed',
        'reposit.tenant.paid',
        'reposit.completed',
      ]);
      const [confirmed] = events;
      expect(confirmed).toMatchObject({ repositId: created.id, timestamp: expect.any(Date) });
      if (confirmed?.action !== 'reposit.tenant.confirmed') throw new Error('expected a tenant event first');
      expect(confirmed.tenant).toEqual({ email: 'solo@example.com', createdAt: created.createdAt, status: 'CONFIRMED' });

      expect(events[3]!.href).toBe(`${sandbox.baseUrls.reposit}/v1/reposits/${created.id}`);
      const followed = await client.getReposit(created.id);
      expect(followed.status).toBe('ACTIVE');
      expect(await client.listPolicies(followed.id)).toHaveLength(1);
    } finally {
      simulator.setWebhookUrl(undefined);
    }
  });

  it('refuses bodies that are not one of the four events, saying why', () => {
    const completed = {
      resource_type: 'reposit',
      action: 'reposit.completed',
      timestamp: '2018-12-20T10:48:03.169Z',
      resource: { id: 'rep_x', href: 'https://reposit.co.uk/deposits/v1/reposits/rep_x' },
    };
    expect(parseRepositWebhook(completed)).toEqual({
      action: 'reposit.completed',
      repositId: 'rep_x',
      href: 'https://reposit.co.uk/deposits/v1/reposits/rep_x',
      timestamp: new Date('2018-12-20T10:48:03.169Z'),
    });
    expect(() => parseRepositWebhook({ ...completed, action: 'reposit.refunded' })).toThrow(/action/);
    expect(() => parseRepositWebhook({ ...completed, resource: undefined })).toThrow(/resource/);
    expect(() => parseRepositWebhook({ ...completed, timestamp: 'yesterday' })).toThrow(PayloadError);
    expect(() => parseRepositWebhook({ ...completed, action: 'reposit.tenant.paid' })).toThrow(/data/);
    expect(() => parseRepositWebhook('reposit.completed')).toThrow(/body/);
  });
});
