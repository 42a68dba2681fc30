import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT_CREDENTIALS } from '../../src/sandbox/credentials';
import type { SandboxAccount } from '../../src/sandbox/start';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';
import { accountCalls, type AccountCalls } from './account-calls';

const PRIYA = 'priya.shah@example.com';

let sandbox: TestSandbox;
let north: SandboxAccount;
let south: SandboxAccount;
let api: AccountCalls;

beforeAll(async () => {
  sandbox = await useSandbox({ people: 12 });
  api = accountCalls(sandbox.baseUrls);
  north = sandbox.account('sandbox-north');
  south = sandbox.account('sandbox-south');
});
afterAll(() => sandbox?.close());

function canopyNotFound(message: string) {
  return { success: false, requestId: expect.any(String), error: { status: 404, type: 'NOT_FOUND', message } };
}

describe('the two sandbox agencies', () => {
  it('hold distinct credentials at every vendor, the CRM referrer token alone shared', () => {
    const [a, b] = [north.agency, south.agency];
    expect([a.id, b.id]).toEqual(['sandbox-north', 'sandbox-south']);
    expect(b.canopyReferencing.clientId).not.toBe(a.canopyReferencing.clientId);
    expect(b.canopyReferencing.apiKey).not.toBe(a.canopyReferencing.apiKey);
    expect(b.canopyReferencing.secretKey).not.toBe(a.canopyReferencing.secretKey);
    expect(b.canopyServicing.token).not.toBe(a.canopyServicing.token);
    expect(b.reposit.apiKey).not.toBe(a.reposit.apiKey);
    const [crmA, crmB] = [SANDBOX_ACCOUNT_CREDENTIALS['sandbox-north'], SANDBOX_ACCOUNT_CREDENTIALS['sandbox-south']];
    expect(crmB.reposit.referrerToken).toBe(crmA.reposit.referrerToken);
  });

  it('keep north as the README has it, and give south people of its own but Priya Shah', () => {
    expect(sandbox.people).toBe(north.people);
    expect(north.people.slice(0, 5).map((person) => person.email)).toEqual([
      'amara.okafor@example.com',
      'tomasz.nowak@example.com',
      PRIYA,
      'liam.byrne@example.com',
      'sofia.rossi@example.com',
    ]);
    const northEmails = new Set(north.people.map((person) => person.email));
    expect(south.people.filter((person) => northEmails.has(person.email)).map((person) => person.email)).toEqual([PRIYA]);
    const [atNorth, atSouth] = [north, south].map((account) => account.people.find((person) => person.email === PRIYA)!);
    expect(atSouth).toMatchObject({ firstName: 'Priya', lastName: 'Shah', phone: atNorth!.phone, dateOfBirth: atNorth!.dateOfBirth });
    expect(atSouth!.address.town).not.toBe(atNorth!.address.town);
  });

  it('give the shared renter a different request, reposit and account at each agency', () => {
    const ids = [north, south].map(({ simulators }) => ({
      request: simulators.canopyReferencing.requestFor(PRIYA)?.canopyReferenceId,
      reposits: simulators.reposit.state.repositsOf(PRIYA).map((record) => record.id),
      account: simulators.canopyServicing.state.accountIdByEmail.get(PRIYA),
      customer: simulators.canopyServicing.state.customerByEmail(PRIYA)?.customer.customer_id,
    }));
    const [atNorth, atSouth] = ids as [(typeof ids)[0], (typeof ids)[0]];
    for (const found of [atNorth, atSouth]) {
      expect(found.request).toBeDefined();
      expect(found.reposits).toHaveLength(1);
      expect(found.account).toBeDefined();
      expect(found.customer).toBeDefined();
    }
    expect(atSouth.request).not.toBe(atNorth.request);
    expect(atSouth.reposits[0]).not.toBe(atNorth.reposits[0]);
    expect(atSouth.account).not.toBe(atNorth.account);
    expect(atSouth.customer).not.toBe(atNorth.customer);
  });

  it('share no id of any seeded object', () => {
    const idsOf = ({ simulators }: SandboxAccount) => {
      const canopy = simulators.canopyReferencing.state;
      const servicing = simulators.canopyServicing.state;
      const repositState = simulators.reposit.state;
      return [
        ...canopy.requests.keys(),
        ...canopy.documents.keys(),
        ...canopy.branches.map((branch) => branch.canopyBranchId),
        ...canopy.branchLinks.keys(),
        ...servicing.products.keys(),
        ...servicing.accounts.keys(),
        ...[...servicing.lineItems.values()].flat().map((item) => item.lineItemId),
        ...servicing.customers.keys(),
        repositState.supplier.id,
        ...repositState.agents.map((agent) => agent.id),
        ...repositState.reposits.keys(),
        ...[...repositState.reposits.values()].flatMap((record) => record.policies.map((policy) => policy.id)),
      ];
    };
    const northIds = new Set(idsOf(north));
    const southIds = idsOf(south);
    expect(northIds.size).toBeGreaterThan(100);
    expect(southIds.filter((id) => northIds.has(id))).toEqual([]);
  });
});

describe('Reposit, by API key', () => {
  it("reads each agency's reposit with its own key, and answers the other key 404", async () => {
    for (const [owner, other] of [
      [north, south],
      [south, north],
    ] as const) {
      const id = owner.simulators.reposit.state.repositsOf(PRIYA)[0]!.id;
      expect((await api.reposit(owner, 'GET', `/v1/reposits/${id}`)).status).toBe(200);
      for (const path of [`/v1/reposits/${id}`, `/v1/reposits/${id}/policies`, `/v1/reposits/${id}/landlord`]) {
        const answer = await api.reposit(other, 'GET', path);
        expect(answer).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: `Reposit ${id} not found` } });
      }
    }
  });

  it("names the key's own supplier and agents, and refuses the other supplier's", async () => {
    const me = await api.reposit(south, 'GET', '/v1/suppliers/me');
    expect(me.body).toMatchObject({ id: south.simulators.reposit.state.supplier.id, name: 'Southside Lettings' });
    const northSupplier = north.simulators.reposit.state.supplier.id;
    const agents = await api.reposit(south, 'GET', `/v1/suppliers/${northSupplier}/agents`);
    expect(agents.status).toBe(403);
    expect(agents.body.message).toBe(`This API key has no access to supplier ${northSupplier}`);
  });

  it("creates a reposit only for the key's own agents, and only the creating key reads it", async () => {
    const body = (agentId: string) => ({
      address: { line1: '1 Park Street', town: 'Bristol', country: 'GBR', postcode: 'BS1 5JA' },
      landlord: {
        firstName: 'Ada',
        lastName: 'Hart',
        email: 'ada.hart@landlords.example.com',
        address: { line1: '2 Corn Street', town: 'Bristol', country: 'GBR', postcode: 'BS1 1HT' },
      },
      agentId,
      ppm: 950,
      tenantEmails: [PRIYA],
      headcount: 1,
      startDate: '2026-03-01',
      endDate: '2027-02-28',
    });
    const refused = await api.reposit(south, 'POST', '/v1/reposits', body(north.simulators.reposit.state.agents[0]!.id));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual(["agentId must be the id of one of the supplier's agents"]);

    const created = await api.reposit(south, 'POST', '/v1/reposits', body(south.simulators.reposit.state.agents[0]!.id));
    expect(created.status).toBe(201);
    expect(south.simulators.reposit.state.reposits.has(created.body.id)).toBe(true);
    expect(north.simulators.reposit.state.reposits.has(created.body.id)).toBe(false);
    expect((await api.reposit(north, 'GET', `/v1/reposits/${created.body.id}`)).status).toBe(404);
  });

  it('answers a key of no agency 401, as before', async () => {
    const answer = await api.call('reposit', 'GET', '/v1/suppliers/me', { authorization: 'Bearer no-such-key' });
    expect(answer).toEqual({ status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid API key' } });
  });
});

describe('Canopy Servicing, by bearer token', () => {
  it("reads and writes each program's accounts with its own token, and answers the other token 404", async () => {
    for (const [owner, other] of [
      [north, south],
      [south, north],
    ] as const) {
      const accountId = owner.simulators.canopyServicing.state.accountIdByEmail.get(PRIYA)!;
      expect((await api.servicing(owner, 'GET', `/accounts/${accountId}`)).status).toBe(200);
      const before = owner.simulators.canopyServicing.state.lineItemsOf(accountId).length;
      for (const path of [`/accounts/${accountId}`, `/accounts/${accountId}/line_items`, `/accounts/${accountId}/statements`]) {
        expect(await api.servicing(other, 'GET', path)).toEqual({ status: 404, body: { message: 'Account not found' } });
      }
      const charge = await api.servicing(other, 'POST', `/accounts/${accountId}/line_items/charges`, { amount_cents: 1_000 });
      expect(charge).toEqual({ status: 404, body: { message: 'Account not found' } });
      expect(owner.simulators.canopyServicing.state.lineItemsOf(accountId)).toHaveLength(before);
    }
  });

  it("lists only the token's own program's accounts", async () => {
    const listed = await api.servicing(south, 'GET', '/accounts?limit=100');
    const ids = listed.body.accounts.map((account: { account_id: string }) => account.account_id);
    expect(new Set(ids)).toEqual(new Set(south.simulators.canopyServicing.state.accounts.keys()));
  });

  it('answers a token of no program 401, as before', async () => {
    const answer = await api.call('canopy-servicing', 'GET', '/accounts', { authorization: 'Bearer no-such-token' });
    expect(answer).toEqual({ status: 401, body: { message: 'You are not authenticated' } });
  });
});

describe('Canopy Referencing, by API key and access token', () => {
  it("reads each client's requests with its own keys, and answers the other client's 404", async () => {
    for (const [owner, other] of [
      [north, south],
      [south, north],
    ] as const) {
      const id = owner.simulators.canopyReferencing.requestFor(PRIYA)!.canopyReferenceId;
      const own = await api.call('canopy-referencing', 'GET', `${api.clientPath(owner)}/rent-passport/${id}`, await api.canopyHeaders(owner));
      expect(own.status).toBe(200);
      const headers = await api.canopyHeaders(other);
      for (const path of [`${api.clientPath(other)}/rent-passport/${id}`, `${api.clientPath(other)}/rent-passport/${id}/notes`]) {
        const answer = await api.call('canopy-referencing', 'GET', path, headers);
        expect(answer.status).toBe(404);
        expect(answer.body).toEqual(canopyNotFound(`Referencing request ${id} not found`));
      }
    }
  });

  it("links only the client's own branches", async () => {
    const southBranch = south.simulators.canopyReferencing.state.defaultBranch().canopyBranchId;
    const clientBranchId = randomUUID();
    const answer = await api.call('canopy-referencing', 'POST', `${api.clientPath(north)}/link-branch`, await api.canopyHeaders(north), {
      canopyBranchId: southBranch,
      clientBranchId,
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(canopyNotFound(`Canopy branch ${southBranch} not found for this client`));
    expect(north.simulators.canopyReferencing.state.branchLinks.has(clientBranchId)).toBe(false);
  });

  it("refuses one client's token under the other's API key or client id", async () => {
    const northHeaders = await api.canopyHeaders(north);
    const southHeaders = await api.canopyHeaders(south);
    const mixed = await api.call('canopy-referencing', 'GET', `${api.clientPath(south)}/branches-list`, {
      'x-api-key': southHeaders['x-api-key']!,
      authorization: northHeaders.authorization!,
    });
    expect(mixed.status).toBe(401);
    expect(mixed.body.error.message).toBe('Authorization token is not valid');
    const otherClient = await api.call('canopy-referencing', 'GET', `${api.clientPath(south)}/branches-list`, northHeaders);
    expect(otherClient.status).toBe(403);
    expect(otherClient.body.error.message).toBe('The token does not belong to this client');
  });

  it("exchanges a JWT only for the client whose secret key signed it", async () => {
    const answer = await api.exchangeJwt(north, api.signedJwt(north, south.simulators.canopyReferencing.state.secretKey));
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/^Invalid jwtKey/);
  });

  it('keeps webhook registrations per client', async () => {
    const callbackUrl = 'https://north.example.com/hooks/canopy';
    const answer = await api.call('canopy-referencing', 'POST', `${api.clientPath(north)}/webhook/register`, await api.canopyHeaders(north), {
      type: 'REQUEST_STATUS_UPDATES',
      callbackUrl,
    });
    expect(answer.status).toBe(200);
    expect(north.simulators.canopyReferencing.state.webhooks.get('REQUEST_STATUS_UPDATES')?.callbackUrl).toBe(callbackUrl);
    expect(south.simulators.canopyReferencing.state.webhooks.size).toBe(0);
  });

  it("rotates only the calling client's secret key", async () => {
    const southKey = south.simulators.canopyReferencing.state.secretKey;
    const northKey = north.simulators.canopyReferencing.state.secretKey;
    const rotated = await api.call('canopy-referencing', 'POST', '/referencing-requests/client/refresh', await api.canopyHeaders(north), {
      secretKey: northKey,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.secretKey).not.toBe(northKey);
    expect(north.simulators.canopyReferencing.state.secretKey).toBe(rotated.body.data.secretKey);
    expect(south.simulators.canopyReferencing.state.secretKey).toBe(southKey);

    expect((await api.exchangeJwt(north, api.signedJwt(north, northKey))).status).toBe(401);
    expect((await api.exchangeJwt(north, api.signedJwt(north, rotated.body.data.secretKey))).status).toBe(200);
    expect((await api.exchangeJwt(south, api.signedJwt(south, southKey))).status).toBe(200);
  });

  it('answers an API key of no client with the gateway 403, as before', async () => {
    const answer = await api.call('canopy-referencing', 'GET', `${api.clientPath(north)}/branches-list`, { 'x-api-key': 'no-such-key' });
    expect(answer).toEqual({ status: 403, body: { message: 'Forbidden' } });
  });
});
