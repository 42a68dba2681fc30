import { randomBytes } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SCOPES } from '../../src/auth/principal';
import { SANDBOX_ACCOUNT_CREDENTIALS } from '../../src/sandbox/credentials';
import type { SandboxAccount } from '../../src/sandbox/start';
import { createRandom, fuzzSettings, type Random } from '../fuzz/prng';
import { TEST_AGENCIES, TEST_JWT_SECRET, testToken, useGateway, type TestGateway } from '../helpers/gateway';
import { markersOf, type AgencyMarkers } from './agency-markers';
import { captureOutput } from './captured-output';
import { randomStep, REPOSIT_EVENTS, STATUS_EVENTS, TENANT_EVENTS, type AgencyIds } from './operations';
import { keysUnder } from './redis-contents';
import { createCaller, STREAMING_TRANSPORTS, TRANSPORTS, type Caller, type Operation, type Outcome, type Transport } from './transports';

const { seed, runs } = fuzzSettings();
const STEPS_PER_AGENCY = Math.round(5_000 * runs);
/** Steps of one agency in flight at once: enough to interleave the agencies, few enough for two shared cores. */
const IN_FLIGHT = 8;
/** Steps before which some vendor call fails, so that the gateway has failures to log and error answers to give. */
const VENDOR_FAULT_RATE = 0.03;
/** Webhook steps whose notification is malformed. */
const REFUSED_WEBHOOK_RATE = 0.1;
const VENDORS = ['canopy-referencing', 'canopy-servicing', 'reposit'] as const;
const WEBHOOK_SECRET = `isolation-webhook-${randomBytes(12).toString('hex')}`;
const CREDENTIALS_KEY = randomBytes(32).toString('base64');
const CANOPY_WEBHOOK_TYPES = ['REQUEST_STATUS_UPDATES', 'PASSPORT_STATUS_UPDATES', 'PASSPORT_ALL_NOTES'] as const;
const REGISTER_CANOPY_WEBHOOK = 'mutation ($input: RegisterCanopyWebhookInput!) { registerCanopyWebhook(input: $input) { __typename } }';

/** One agency as its clients see it: three callers (a token, its API key, a key for every agency), its ids, its vendors' webhooks. */
interface Side {
  id: string;
  account: SandboxAccount;
  ids: AgencyIds;
  markers: AgencyMarkers;
  callers: Caller[];
  sockets: Client[];
  secrets: string[];
  /** Results of the subscriptions held open for the whole run. */
  held: Array<Promise<Outcome>>;
}

/** Something one agency was given that carries the other's data. */
interface Leak {
  agency: string;
  what: string;
  markers: string[];
  text: string;
}

const prefix = `test-${randomBytes(6).toString('hex')}`;
const redis = new Redis('redis://127.0.0.1:6379');
const subscriber = new Redis('redis://127.0.0.1:6379');
const output = captureOutput();
let gateway: TestGateway;
const sides: Side[] = [];
const leaks: Leak[] = [];
let endRun = () => undefined as void;
const runEnded = new Promise<void>((resolve) => (endRun = resolve));

beforeAll(async () => {
  gateway = await useGateway({ redis: { client: redis, subscriber, prefix }, env: { WEBHOOK_SECRET, CREDENTIALS_KEY } });
  const markers = markersOf(gateway.sandbox.accounts);
  // A server's key for every agency, naming one per request: one caller of each agency uses it.
  const everyAgency = await gateway.composed.apiKeys!.create({ name: 'crm server', agencyId: null, scopes: SCOPES });
  for (const id of TEST_AGENCIES) {
    const account = gateway.sandbox.account(id);
    const webhookUrls = { canopy: await gateway.webhookUrl('canopy', id), reposit: await gateway.webhookUrl('reposit', id) };
    account.setWebhookUrls(webhookUrls);
    const token = await testToken({ agency: id, subject: `${id}-user` });
    for (const type of CANOPY_WEBHOOK_TYPES) {
      const answer = await gateway.graphql(REGISTER_CANOPY_WEBHOOK, { input: { type } }, { token });
      expect(answer.data?.registerCanopyWebhook.__typename, JSON.stringify(answer)).toBe('MutationRegisterCanopyWebhookSuccess');
      expect(account.simulators.canopyReferencing.state.webhooks.get(type)?.callbackUrl).toBe(webhookUrls.canopy);
    }
    const { key } = await gateway.composed.apiKeys!.create({ name: `${id} server`, agencyId: id, scopes: SCOPES });
    const sockets = [socket({ authorization: `Bearer ${token}` }), socket({ apiKey: key }), socket({ apiKey: everyAgency.key, agency: id })];
    sides.push({
      id,
      account,
      ids: idsOf(account),
      markers: markers.get(id)!,
      callers: [
        createCaller(gateway.url, { authorization: `Bearer ${token}` }, sockets[0]!),
        createCaller(gateway.url, { 'x-api-key': key }, sockets[1]!),
        createCaller(gateway.url, { 'x-api-key': everyAgency.key, 'x-agency-id': id }, sockets[2]!),
      ],
      sockets,
      secrets: [token, key, everyAgency.key, ...Object.values(webhookUrls).map((url) => url.split('/').pop()!)],
      held: [],
    });
  }
}, 60_000);

afterAll(async () => {
  output.restore();
  for (const side of sides) {
    await Promise.all(side.callers.map((caller) => caller.close()));
    await Promise.all(side.sockets.map((client) => client.dispose()));
  }
  await gateway?.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  subscriber.disconnect();
});

describe(`two agencies served at once (seed ${seed}; FUZZ_SEED repeats it)`, () => {
  it('serves every caller of each agency as that agency, on every transport', async () => {
    for (const side of sides) {
      const { name } = side.account.simulators.reposit.state.supplier;
      for (const caller of side.callers) {
        for (const transport of TRANSPORTS) {
          const outcome = await caller.run(transport, { query: '{ repositSupplier { name } }', variables: {}, results: 1, waitMs: 10_000 });
          expect(outcome.texts.map((text) => JSON.parse(text) as unknown), `${side.id} over ${transport}`).toEqual([{ data: { repositSupplier: { name } }, extensions: { vendorCalls: { canopyReferencing: 0, canopyServicing: 0, reposit: 1 } } }]);
        }
      }
    }
  });

  it(`answers neither agency with the other's data over ${STEPS_PER_AGENCY} mixed steps each, on every transport`, async () => {
    const [north, south] = sides as [Side, Side];
    // Cursors first, so that subscriptions can replay after the other agency's events.
    for (const side of sides) for (let i = 0; i < 6; i++) await webhookStep(side, createRandom(seed + i));
    for (const [own, other] of [[north, south], [south, north]] as const) {
      for (const transport of ['sse', 'graphql-ws'] as const) {
        hold(own, transport, { query: TENANT_EVENTS, variables: { email: own.ids.sharedEmail, after: other.ids.cursors[0] } });
        hold(own, transport, { query: REPOSIT_EVENTS, variables: {} });
        hold(own, transport, { query: STATUS_EVENTS, variables: {} });
      }
    }

    const answered = await Promise.all([drive(north, south, createRandom(seed)), drive(south, north, createRandom(seed + 1))]);
    endRun();
    gateway.sandbox.knobs.reset();
    for (const side of sides) {
      const other = side === north ? south : north;
      for (const outcome of await Promise.all(side.held)) for (const text of outcome.texts) check(side, other, 'held subscription', text);
    }

    expect(leaks, `seed ${seed}: ${JSON.stringify(leaks.slice(0, 5), null, 2)}`).toEqual([]);
    // The check only means something if each agency was given its own data, and its events.
    for (const [index, side] of sides.entries()) {
      expect(answered[index]!.ownData, `${side.id} answers with its own data`).toBeGreaterThan(STEPS_PER_AGENCY / 10);
      expect(answered[index]!.events, `${side.id} events`).toBeGreaterThan(0);
      const heldEvents = (await Promise.all(side.held)).reduce((sum, outcome) => sum + outcome.texts.length, 0);
      expect(heldEvents, `${side.id} events of held subscriptions`).toBeGreaterThan(0);
    }
  }, 240_000);

  it('keeps every agency key under its own hash tag, holding none of the other agency’s ids', async () => {
    const keys = await keysUnder(redis, prefix);
    expect(keys.length).toBeGreaterThan(0);
    const strays: string[] = [];
    for (const { key, tag, value } of keys) {
      const owner = sides.find((side) => side.id === tag);
      const others = sides.filter((side) => side !== owner);
      if (owner && !key.startsWith(`${prefix}:{${owner.id}}:`)) strays.push(`${key}: the agency is not its first hash tag`);
      for (const other of others) {
        const found = other.markers.foundIn(`${key} ${value}`);
        if (found.length > 0) strays.push(`${key} (${tag ?? 'no agency'}) holds ${other.id}'s ${found.slice(0, 3).join(', ')}`);
      }
    }
    expect(strays, `seed ${seed}`).toEqual([]);
    expect(keys.filter(({ tag }) => tag === 'sandbox-north').length).toBeGreaterThan(0);
    expect(keys.filter(({ tag }) => tag === 'sandbox-south').length).toBeGreaterThan(0);
    // Refused notifications are kept too, and scanned with the rest.
    expect(keys.filter(({ key }) => key.endsWith(':dead-letters')).map(({ tag }) => tag).sort()).toEqual([...TEST_AGENCIES]);
  });

  it('writes no token, API key or vendor secret in any log line or metric', async () => {
    const secrets = [
      TEST_JWT_SECRET,
      WEBHOOK_SECRET,
      CREDENTIALS_KEY,
      ...Object.values(SANDBOX_ACCOUNT_CREDENTIALS).flatMap((credentials) => Object.values(credentials).flatMap((vendor) => Object.values(vendor) as string[])),
      ...sides.flatMap((side) => side.secrets),
    ];
    // The check only means something if the gateway logged: the vendor faults of the run make it.
    // Everything the process wrote, and every line the gateway's logger wrote.
    const logged = [...output.lines, ...gateway.logLines];
    expect(gateway.logLines.length).toBeGreaterThan(0);
    const metrics = await (await request(`${gateway.url}/metrics`)).body.text();
    expect(metrics).toContain('sandbox-south');
    const lines = [...logged, ...metrics.split('\n')].filter((line) => secrets.some((secret) => line.includes(secret)));
    expect(lines.map((line) => line.slice(0, 300))).toEqual([]);
  });
});

function socket(connectionParams: Record<string, unknown>): Client {
  return createClient({ url: `${gateway.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams, lazy: true });
}

/** The ids an agency's clients know: its sandbox accounts' seeded objects. */
function idsOf(account: SandboxAccount): AgencyIds {
  const { canopyReferencing, canopyServicing, reposit } = account.simulators;
  const shared = account.people.find((person) => person.firstName === 'Priya' && person.lastName === 'Shah')!;
  return {
    referencingRequests: [...canopyReferencing.state.requests.keys()],
    reposits: [...reposit.state.reposits.keys()],
    accounts: [...canopyServicing.state.accounts.keys()],
    emails: account.people.map((person) => person.email).filter((email) => email !== shared.email),
    sharedEmail: shared.email,
    cursors: [],
    eventEmails: [],
  };
}

/** A subscription held open until the run ends, over one transport, by the agency's first caller. */
function hold(side: Side, transport: Transport, operation: Pick<Operation, 'query' | 'variables'>): void {
  side.held.push(side.callers[0]!.run(transport, { ...operation, results: Number.POSITIVE_INFINITY, waitMs: 600_000, until: runEnded }));
}

/** Runs the agency's steps, IN_FLIGHT at a time, checking every answer against the other agency's markers. */
async function drive(own: Side, other: Side, random: Random): Promise<{ ownData: number; events: number }> {
  let ownData = 0;
  let events = 0;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < STEPS_PER_AGENCY) {
      next++;
      if (random.chance(VENDOR_FAULT_RATE)) gateway.sandbox.knobs.addFault({ vendor: random.pick(VENDORS), status: random.pick([400, 401, 500]), times: 1 });
      const step = randomStep(random, own.ids, other.ids);
      if (step.kind === 'webhook') {
        await webhookStep(own, random);
        continue;
      }
      const transport = random.pick(step.streaming ? STREAMING_TRANSPORTS : TRANSPORTS);
      const outcome = await random.pick(own.callers).run(transport, step.operation);
      const sent = sentIn(step.operation.variables);
      for (const text of outcome.texts) {
        check(own, other, `${transport} ${step.operation.query.slice(0, 40)} ${sent}`, text, sent);
        if (own.markers.foundIn(text, sent).length > 0) ownData++;
        if (text.includes('"receivedAt"')) events++;
        for (const lineItemId of text.matchAll(/"lineItemId":"([^"]+)"/g)) own.markers.add(lineItemId[1]!);
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { ownData, events };
}

/** Moves one of the agency's renters or tenants on and delivers what its vendor sends, as the vendor would. */
async function webhookStep(side: Side, random: Random): Promise<void> {
  const { canopyReferencing, reposit } = side.account.simulators;
  if (random.chance(REFUSED_WEBHOOK_RATE)) return refusedWebhook(side, random);
  for (const delivery of random.pick([canopyReferencing, reposit]).advance()) {
    const response = await request(delivery.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(delivery.body) });
    const text = await response.body.text();
    expect(response.statusCode, `${delivery.description}: ${text}`).toBe(200);
    const { id } = JSON.parse(text) as { id: string };
    side.ids.cursors.push(id);
    const email = emailOf(side, delivery.body);
    if (email && !side.ids.eventEmails.includes(email)) side.ids.eventEmails.push(email);
  }
}

/** A notification the gateway refuses (no action), naming one of the agency's reposits: kept as the agency's dead letter. */
async function refusedWebhook(side: Side, random: Random): Promise<void> {
  const url = await gateway.webhookUrl('reposit', side.id);
  const body = { resource_type: 'reposit', resource: { id: random.pick(side.ids.reposits) } };
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.body.text();
  expect(response.statusCode, text).toBe(400);
  check(side, sides.find((other) => other !== side)!, 'refused webhook', text);
}

/** What a caller sent, global ids decoded too: a vendor id the caller gave may be named back to it. */
function sentIn(variables: Record<string, unknown>): string {
  const text = JSON.stringify(variables);
  const decoded = Object.values(variables).flatMap((value) => {
    try {
      return typeof value === 'string' ? [decodeGlobalID(value).id] : [];
    } catch {
      return [];
    }
  });
  return [text, ...decoded].join(' ');
}

/** The tenant a notification is about: Reposit names them, Canopy names the request. */
function emailOf(side: Side, body: unknown): string | undefined {
  const text = JSON.stringify(body);
  const named = /"email":"([^"]+)"/.exec(text)?.[1];
  const canopyReferenceId = /"canopyReferenceId":"([^"]+)"/.exec(text)?.[1];
  return named ?? (canopyReferenceId && side.account.simulators.canopyReferencing.state.requests.get(canopyReferenceId)?.email);
}

function check(own: Side, other: Side, what: string, text: string, sent = ''): void {
  const found = other.markers.foundIn(text, sent);
  if (found.length > 0) leaks.push({ agency: own.id, what, markers: found, text: text.slice(0, 500) });
}
