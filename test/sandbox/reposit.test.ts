import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { request } from 'undici';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { demoPeople } from '../../src/sandbox/demo-people';
import { createRepositSimulator, type RepositSimulator } from '../../src/sandbox/reposit/simulator';
import type { Exchange } from '../../src/sandbox/server';
import type { WebhookDelivery } from '../../src/sandbox/vendor-simulator';
import { REPOSIT_TENANT_STATUS_VALUES } from '../../src/sources/reposit/types';
import type { WireCreateRepositRequest, WireReposit, WireTenantWebhook, WireWebhook } from '../../src/sources/reposit/wire';
import { loadContract } from '../helpers/openapi-contract';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

const API_KEY = SANDBOX_CREDENTIALS.reposit.apiKey;
const exchanges: Exchange[] = [];
let sandbox: TestSandbox;
let simulator: RepositSimulator;

beforeAll(async () => {
  sandbox = await useSandbox({ onExchange: (exchange) => exchange.vendor === 'reposit' && exchanges.push(exchange) });
  simulator = sandbox.simulators.reposit;
});
afterAll(() => sandbox.close());

interface Answer {
  status: number;
  body: unknown;
}

/** One raw call to the simulated Reposit, as any HTTP client would make it. */
async function call(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { auth?: string | null; body?: unknown; raw?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = options.auth === undefined ? `Bearer ${API_KEY}` : options.auth;
  if (auth !== null) headers.authorization = auth;
  const response = await request(`${sandbox.baseUrls.reposit}${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text === '' ? undefined : JSON.parse(text) };
}

function validBody(): WireCreateRepositRequest {
  return {
    address: { line1: '229 Shoreditch High Street', line2: 'Shoreditch', town: 'London', country: 'GBR', postcode: 'E1 6PJ' },
    landlord: {
      firstName: 'Bobby',
      lastName: 'Moore',
      email: 'bobtheman@example.com',
      address: { line1: '229 Shoreditch High Street', line2: 'Shoreditch', town: 'London', country: 'GBR', postcode: 'E1 6PJ' },
    },
    agentId: simulator.state.agents[1]!.id,
    ppm: 2000,
    headcount: 2,
    startDate: '2026-10-21',
    endDate: '2027-10-21',
    tenantEmails: ['tenant1@example.co.uk', 'tenant2@example.com'],
    letOnly: false,
  };
}

type Body = Record<string, unknown>;

/** A valid body changed by `edit`: the one rule it breaks is the only thing wrong with it. */
function bodyWith(edit: (body: Body) => void): Body {
  const body = validBody() as unknown as Body;
  edit(body);
  return body;
}

const expectRepositError = (answer: Answer, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ statusCode: status, error: expect.any(String), message: expect.anything() });
};

describe('authentication', () => {
  const someReposit = () => simulator.state.reposits.keys().next().value!;
  const routes: Array<[string, 'GET' | 'POST', () => string]> = [
    ['supplier', 'GET', () => '/v1/suppliers/me'],
    ['agents', 'GET', () => `/v1/suppliers/${simulator.state.supplier.id}/agents`],
    ['create', 'POST', () => '/v1/reposits'],
    ['reposit', 'GET', () => `/v1/reposits/${someReposit()}`],
    ['policies', 'GET', () => `/v1/reposits/${someReposit()}/policies`],
    ['landlord', 'GET', () => `/v1/reposits/${someReposit()}/landlord`],
  ];
  const refusals: Array<[string, string | null, string]> = [
    ['no Authorization header', null, 'Missing API key'],
    ['a wrong key', 'Bearer not-the-key', 'Invalid API key'],
    ['the key without the Bearer scheme', API_KEY, 'Missing API key'],
    ['the key as Basic credentials', `Basic ${API_KEY}`, 'Missing API key'],
  ];

  for (const [name, method, path] of routes) {
    it.each(refusals)(`${name}: 401 for %s`, async (_, auth, message) => {
      const answer = await call(method, path(), { auth, body: method === 'POST' ? validBody() : undefined });
      expectRepositError(answer, 401);
      expect((answer.body as Body).message).toContain(message);
    });
  }

  it('takes the Bearer scheme in any case', async () => {
    expect((await call('GET', '/v1/suppliers/me', { auth: `bearer ${API_KEY}` })).status).toBe(200);
  });

  it('creates nothing for a refused call', async () => {
    const count = simulator.state.reposits.size;
    await call('POST', '/v1/reposits', { auth: 'Bearer wrong', body: validBody() });
    expect(simulator.state.reposits.size).toBe(count);
  });
});

describe('refusals outside the body rules', () => {
  it.each(['', '/policies', '/landlord'])('404 for an unknown Reposit on /v1/reposits/:id%s', async (suffix) => {
    const answer = await call('GET', `/v1/reposits/rep_unknown${suffix}`);
    expect(answer).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Reposit rep_unknown not found' } });
  });

  it("403 for another supplier's agents", async () => {
    expectRepositError(await call('GET', '/v1/suppliers/sup_other/agents'), 403);
  });

  it('405 in Reposit’s error shape for a method a path does not take', async () => {
    expectRepositError(await call('DELETE', `/v1/reposits/${simulator.state.reposits.keys().next().value!}`), 405);
  });

  it('400 in Reposit’s error shape for a body that is not JSON', async () => {
    expectRepositError(await call('POST', '/v1/reposits', { raw: '{"address":' }), 400);
  });
});

describe('POST /v1/reposits body rules', () => {
  const rules: Array<[string, (body: Body) => void, string]> = [
    ['address is required', (b) => delete b.address, 'address should not be empty'],
    ['address is an object', (b) => (b.address = '229 Shoreditch High Street'), 'address must be an object'],
    ['address.line1 is required', (b) => delete (b.address as Body).line1, 'address.line1 should not be empty'],
    ['address.line1 is not blank', (b) => ((b.address as Body).line1 = '   '), 'address.line1 should not be empty'],
    ['address.line1 is a string', (b) => ((b.address as Body).line1 = 229), 'address.line1 must be a string'],
    ['address.line2 is a string when given', (b) => ((b.address as Body).line2 = 2), 'address.line2 must be a string'],
    ['address.town is required', (b) => delete (b.address as Body).town, 'address.town should not be empty'],
    ['address.country is required', (b) => delete (b.address as Body).country, 'address.country should not be empty'],
    ['address.country is alpha-3, not alpha-2', (b) => ((b.address as Body).country = 'GB'), 'address.country must be an ISO 3166-1 alpha-3'],
    ['address.country is a real code', (b) => ((b.address as Body).country = 'XYZ'), 'address.country must be an ISO 3166-1 alpha-3'],
    ['address.country is upper case', (b) => ((b.address as Body).country = 'gbr'), 'address.country must be an ISO 3166-1 alpha-3'],
    ['address.postcode is required', (b) => delete (b.address as Body).postcode, 'address.postcode should not be empty'],
    ['address.postcode is a UK postcode in GBR', (b) => ((b.address as Body).postcode = '75001'), 'address.postcode must be a valid UK postcode'],
    ['landlord is required', (b) => delete b.landlord, 'landlord should not be empty'],
    ['landlord is an object', (b) => (b.landlord = ['Bobby']), 'landlord must be an object'],
    ['landlord.firstName is required', (b) => delete (b.landlord as Body).firstName, 'landlord.firstName should not be empty'],
    ['landlord.lastName is required', (b) => ((b.landlord as Body).lastName = ''), 'landlord.lastName should not be empty'],
    ['landlord.email is required', (b) => delete (b.landlord as Body).email, 'landlord.email should not be empty'],
    ['landlord.email is an e-mail address', (b) => ((b.landlord as Body).email = 'bobtheman'), 'landlord.email must be an email'],
    ['landlord.address is required', (b) => delete (b.landlord as Body).address, 'landlord.address should not be empty'],
    ['landlord.address follows the address rules', (b) => delete ((b.landlord as Body).address as Body).town, 'landlord.address.town should not be empty'],
    ['agentId is required', (b) => delete b.agentId, 'agentId should not be empty'],
    ['agentId is a string', (b) => (b.agentId = 42), 'agentId must be a string'],
    ['agentId is one of the supplier’s agents', (b) => (b.agentId = 'usr_nobody'), "agentId must be the id of one of the supplier's agents"],
    ['ppm is required', (b) => delete b.ppm, 'ppm should not be empty'],
    ['ppm is a number, not a numeric string', (b) => (b.ppm = '2000'), 'ppm must be a number'],
    ['ppm is above zero', (b) => (b.ppm = 0), 'ppm must be a positive number'],
    ['ppm is not negative', (b) => (b.ppm = -5), 'ppm must be a positive number'],
    ['ppm is whole pence', (b) => (b.ppm = 2000.005), 'ppm must have at most two decimal places'],
    ['headcount is required', (b) => delete b.headcount, 'headcount should not be empty'],
    ['headcount is a whole number', (b) => (b.headcount = 1.5), 'headcount must be an integer number'],
    ['headcount is at least 1', (b) => (b.headcount = 0), 'headcount must not be less than 1'],
    ['headcount is the number of tenants', (b) => (b.headcount = 3), 'headcount must equal the number of tenantEmails (2)'],
    ['startDate is required', (b) => delete b.startDate, 'startDate should not be empty'],
    ['startDate is YYYY-MM-DD', (b) => (b.startDate = '21/10/2026'), 'startDate must be a date in YYYY-MM-DD format'],
    ['startDate is a real day', (b) => (b.startDate = '2026-02-30'), 'startDate must be a valid calendar date'],
    ['endDate is required', (b) => delete b.endDate, 'endDate should not be empty'],
    ['endDate is YYYY-MM-DD', (b) => (b.endDate = '2027-10-21T00:00:00Z'), 'endDate must be a date in YYYY-MM-DD format'],
    ['endDate is after startDate', (b) => (b.endDate = '2026-10-20'), 'endDate must be after startDate'],
    ['endDate is not startDate', (b) => (b.endDate = '2026-10-21'), 'endDate must be after startDate'],
    ['tenantEmails is required', (b) => delete b.tenantEmails, 'tenantEmails should not be empty'],
    ['tenantEmails is an array', (b) => (b.tenantEmails = 'tenant1@example.co.uk'), 'tenantEmails must be an array'],
    ['tenantEmails is not empty', (b) => (b.tenantEmails = []), 'tenantEmails should not be empty'],
    ['tenantEmails holds e-mail addresses', (b) => (b.tenantEmails = ['tenant1@example.co.uk', 'tenant2']), 'tenantEmails[1] must be an email'],
    ['tenantEmails names a tenant once', (b) => (b.tenantEmails = ['a@example.com', 'A@Example.com']), 'tenantEmails must not contain the same tenant twice'],
    ['letOnly is a boolean when given', (b) => (b.letOnly = 'no'), 'letOnly must be a boolean value'],
  ];

  it('400 when the body is not a JSON object', async () => {
    const answer = await call('POST', '/v1/reposits', { body: [validBody()] });
    expectRepositError(answer, 400);
    expect((answer.body as Body).message).toEqual(['body must be a JSON object']);
  });

  it.each(rules)('400 when not: %s', async (_, edit, sentence) => {
    const body = bodyWith(edit);
    const count = simulator.state.reposits.size;
    const answer = await call('POST', '/v1/reposits', { body });
    expectRepositError(answer, 400);
    const messages = (answer.body as { message: string[] }).message;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(sentence);
    expect(simulator.state.reposits.size).toBe(count);
  });

  it('reports every problem at once, each led by its field', async () => {
    const answer = await call('POST', '/v1/reposits', { body: {} });
    expectRepositError(answer, 400);
    const fields = (answer.body as { message: string[] }).message.map((sentence) => sentence.split(' ')[0]);
    expect(fields).toEqual(['address', 'landlord', 'agentId', 'ppm', 'tenantEmails', 'headcount', 'startDate', 'endDate']);
  });

  it('201 for a valid body, answered as GET shows the Reposit', async () => {
    const answer = await call('POST', '/v1/reposits', { body: validBody() });
    expect(answer.status).toBe(201);
    const created = answer.body as WireReposit;
    expect(created).toMatchObject({ ppm: 2000, headcount: 2, letOnly: false, closedAt: null, deactivatedAt: null });
    expect(created.tenants.map((t) => t.status)).toEqual(['INVITED', 'INVITED']);
    expect(await call('GET', `/v1/reposits/${created.id}`)).toEqual({ status: 200, body: created });
  });

  it('takes a foreign landlord address, no line2, and no letOnly (then shown as null)', async () => {
    const body = bodyWith((b) => {
      b.landlord = { ...(b.landlord as Body), address: { line1: '1 Rue de Rivoli', town: 'Paris', country: 'FRA', postcode: '75001' } };
      delete (b.address as Body).line2;
      delete b.letOnly;
      b.ppm = 1234.56;
      b.tenantEmails = ['solo@example.com'];
      b.headcount = 1;
    });
    const answer = await call('POST', '/v1/reposits', { body });
    expect(answer.status).toBe(201);
    const created = answer.body as WireReposit;
    expect(created.letOnly).toBeNull();
    expect(created.ppm).toBe(1234.56);
    expect(created.address).not.toHaveProperty('line2');
    expect((await call('GET', `/v1/reposits/${created.id}/landlord`)).body).toEqual(body.landlord);
  });
});

describe('seeded data', () => {
  it('puts every demo person on a Reposit, found by e-mail, some with a co-tenant who is another demo person', async () => {
    const emails = new Set(sandbox.people.map((person) => person.email));
    let shared = 0;
    for (const person of sandbox.people) {
      const [record] = simulator.state.repositsOf(person.email);
      expect(record, person.email).toBeDefined();
      const answer = await call('GET', `/v1/reposits/${record!.id}`);
      const reposit = answer.body as WireReposit;
      expect(reposit.tenants.map((t) => t.email)).toContain(person.email);
      expect(reposit.headcount).toBe(reposit.tenants.length);
      if (reposit.tenants.length > 1 && reposit.tenants.every((t) => emails.has(t.email))) shared++;
    }
    expect(shared).toBeGreaterThanOrEqual(2);
  });

  it('shows every tenant status, active Reposits with policy documents, closed and deactivated ones', () => {
    const reposits = [...simulator.state.reposits.values()];
    const statuses = new Set(reposits.flatMap((r) => r.tenants.map((t) => t.status)));
    expect([...statuses].sort()).toEqual([...REPOSIT_TENANT_STATUS_VALUES].sort());
    const completed = reposits.filter((r) => r.tenants.every((t) => t.status === 'PAID'));
    expect(completed.length).toBeGreaterThanOrEqual(3);
    for (const record of completed) expect(record.policies[0]?.documents.length).toBeGreaterThan(0);
    expect(reposits.some((r) => r.closedAt !== null)).toBe(true);
    expect(reposits.some((r) => r.deactivatedAt !== null)).toBe(true);
  });

  it('is the same for the same people', () => {
    const again = createRepositSimulator({ people: sandbox.people });
    const fresh = createRepositSimulator({ people: demoPeople(50) });
    const seededIds = [...fresh.state.reposits.keys()];
    expect([...again.state.reposits.keys()]).toEqual(seededIds);
    expect(again.state.supplier).toEqual(fresh.state.supplier);
    expect([...simulator.state.reposits.keys()].slice(0, seededIds.length)).toEqual(seededIds);
  });
});

const doc = parse(readFileSync(new URL('../../src/sources/reposit/openapi.yaml', import.meta.url), 'utf8')) as {
  webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
  components: unknown;
};

/** The payload schema the OpenAPI document gives an event, compiled the way the contract helper compiles schemas. */
function webhookValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  const validators = new Map(
    Object.entries(doc.webhooks).map(([event, item]) => {
      const schema = item.post.requestBody.content['application/json']!.schema;
      return [event, ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')))] as const;
    }),
  );
  return (body: WireWebhook): string[] => {
    const { action } = body;
    const validate = validators.get(action);
    if (!validate) return [`${action}: no such webhook in the OpenAPI document`];
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${action}${e.instancePath} ${e.message}`);
  };
}

describe('webhooks', () => {
  const HOOK = 'http://gateway.invalid/webhooks/reposit/secret';

  it('documents the four events, and nothing else', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([
      'reposit.completed',
      'reposit.tenant.confirmed',
      'reposit.tenant.paid',
      'reposit.tenant.signed',
    ]);
  });

  it('takes a Reposit through confirm, sign and pay for each tenant, then completes it', async () => {
    const created = (await call('POST', '/v1/reposits', { body: validBody() })).body as WireReposit;
    // As Reposit's examples show: the tenant events name the Reposit `ep_…`, the rest `rep_…`.
    const eventFormId = created.id.replace(/^rep_/, 'ep_');
    const check = webhookValidator();
    simulator.setWebhookUrl(HOOK);
    const seen: WebhookDelivery[] = [];
    try {
      for (let step = 0; step < 1000 && !seen.some((d) => (d.body as WireWebhook).action === 'reposit.completed'); step++) {
        const deliveries = simulator.advance();
        expect(deliveries.length).toBeGreaterThan(0);
        for (const delivery of deliveries) {
          expect(delivery.url).toBe(HOOK);
          expect(check(delivery.body as WireWebhook)).toEqual([]);
          if ([created.id, eventFormId].includes((delivery.body as WireWebhook).resource.id)) seen.push(delivery);
        }
      }
    } finally {
      simulator.setWebhookUrl(undefined);
    }

    const bodies = seen.map((d) => d.body as WireWebhook);
    const byTenant = (email: string) =>
      bodies
        .filter((b): b is WireTenantWebhook => 'data' in b && b.data.tenant.email === email)
        .map((b) => [b.action, b.data.tenant.status]);
    for (const email of validBody().tenantEmails) {
      expect(byTenant(email)).toEqual([
        ['reposit.tenant.confirmed', 'CONFIRMED'],
        ['reposit.tenant.signed', 'SIGNED'],
        ['reposit.tenant.paid', 'PAID'],
      ]);
    }
    expect(bodies).toHaveLength(7);
    const completed = bodies.at(-1)!;
    expect(Object.keys(completed).sort()).toEqual(['action', 'resource', 'resource_type', 'timestamp']);
    expect(completed).toMatchObject({
      resource_type: 'reposit',
      action: 'reposit.completed',
      resource: { id: created.id, href: `${sandbox.baseUrls.reposit}/v1/reposits/${created.id}` },
    });
    expect(seen.at(-1)!.description).toBe(`reposit.completed ${created.id}`);
    const tenantEvent = bodies[0] as WireTenantWebhook;
    expect(Object.keys(tenantEvent).sort()).toEqual(['action', 'data', 'resource', 'resource_type', 'timestamp']);
    expect(Object.keys(tenantEvent.data.tenant).sort()).toEqual(['createdAt', 'email', 'status']);
    expect(tenantEvent.data.tenant.createdAt).toBe(created.tenants[0]!.createdAt);
    expect(tenantEvent.resource).toEqual({ id: eventFormId, href: `${sandbox.baseUrls.reposit}/v1/reposits/${eventFormId}` });

    const after = (await call('GET', `/v1/reposits/${created.id}`)).body as WireReposit;
    expect(after.tenants.map((t) => t.status)).toEqual(['PAID', 'PAID']);
    const policies = (await call('GET', `/v1/reposits/${created.id}/policies`)).body as unknown[];
    expect(policies).toHaveLength(1);
  });

  it('moves tenants on without delivering anything when no webhook URL is set', () => {
    const own = createRepositSimulator({ people: demoPeople(6) });
    const statuses = () => [...own.state.reposits.values()].flatMap((r) => r.tenants.map((t) => t.status)).join();
    const before = statuses();
    expect(own.advance()).toEqual([]);
    expect(statuses()).not.toBe(before);
  });

  it('never runs dry: when every Reposit is complete, the next person starts a new one', () => {
    const people = demoPeople(2);
    const own = createRepositSimulator({ people });
    own.setWebhookUrl(HOOK);
    const check = webhookValidator();
    const seeded = own.state.reposits.size;
    for (let step = 0; step < 40; step++) {
      const deliveries = own.advance();
      expect(deliveries.length, `step ${step}`).toBeGreaterThan(0);
      for (const delivery of deliveries) expect(check(delivery.body as WireWebhook)).toEqual([]);
    }
    const renewals = [...own.state.reposits.values()].slice(seeded);
    expect(renewals.length).toBeGreaterThanOrEqual(3);
    expect(renewals.map((r) => r.tenants[0]!.email).slice(0, 2)).toEqual(people.map((p) => p.email));
  });
});

describe('contract', () => {
  it('answers every endpoint as its OpenAPI document says, and serves exactly the documented endpoints', async () => {
    const contract = loadContract('reposit');
    const endpoints = simulator.routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(contract.endpoints()).toEqual(endpoints);

    // Make sure every endpoint has been answered at least once, successfully and refused.
    const completed = [...simulator.state.reposits.values()].find((r) => r.policies.length > 0)!;
    await call('GET', '/v1/suppliers/me');
    await call('GET', `/v1/suppliers/${simulator.state.supplier.id}/agents`);
    await call('GET', `/v1/reposits/${completed.id}`);
    await call('GET', `/v1/reposits/${completed.id}/policies`);
    await call('GET', `/v1/reposits/${completed.id}/landlord`);
    await call('POST', '/v1/reposits', { body: validBody() });
    await call('POST', '/v1/reposits', { body: { ppm: 'lots' } });

    const answered = new Set(exchanges.map((exchange) => `${exchange.endpoint} ${exchange.reply.status}`));
    for (const endpoint of endpoints) expect([...answered].some((key) => key.startsWith(`${endpoint} 2`)), endpoint).toBe(true);
    expect(answered).toContain('POST /v1/reposits 400');
    expect(answered).toContain('GET /v1/reposits/:id 404');
    expect(answered).toContain('GET /v1/suppliers/me 401');

    const problems = exchanges.flatMap((exchange) => contract.check(exchange));
    expect(problems).toEqual([]);
  });
});
