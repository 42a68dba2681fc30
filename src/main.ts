import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { ConfigError, loadConfig, type AgencyConfig, type Config } from './config';
import { redisReadiness, vendorReadiness } from './http/readiness';
import { redactUrl } from './http/redact-url';
import { reportLinkKey } from './http/report-link-key';
import { createReportLinks } from './http/report-links';
import type { LinkStore } from './links/link-store';
import { createMemoryLinkStore } from './links/memory-link-store';
import { createRedisLinkStore } from './links/redis-link-store';
import { createMemoryReportDocuments, createRedisReportDocuments } from './links/report-documents';
import { createMetrics, recordVendorCalls } from './metrics/metrics';
import { createSandboxDriver } from './sandbox/driver';
import { seedSandboxLinks } from './sandbox/seed-links';
import { startSandbox, type RunningSandbox } from './sandbox/start';
import { createGateway } from './server';
import { createMemoryDeadLetters, createRedisDeadLetters } from './subscriptions/dead-letters';
import { createMemoryEventLog } from './subscriptions/memory-event-log';
import { createRedisEventLog } from './subscriptions/redis-event-log';
import type { CallbackUrls } from './context';
import { WEBHOOK_TYPE_VALUES } from './sources/canopy-referencing/enums';
import {
  closeVendorPools,
  createVendorClients,
  createVendorPools,
  type ResolvedAgency,
  type VendorClients,
} from './sources/clients';
import type { VendorName } from './sources/vendor-error';

const VENDOR_KEYS: Record<VendorName, Exclude<keyof AgencyConfig, 'id'>> = {
  'canopy-referencing': 'canopyReferencing',
  'canopy-servicing': 'canopyServicing',
  reposit: 'reposit',
};

/** The only place that opens things: config, Redis, the sandbox, vendor pools, the listener, and shutdown. */
async function main(): Promise<void> {
  const config = readConfig();
  const redis = await connectRedis(config);
  const prefix = config.redisKeyPrefix;
  const links: LinkStore = redis ? createRedisLinkStore(redis, { prefix }) : createMemoryLinkStore();
  // SUBSCRIBE takes a connection over, so fan-out gets one of its own.
  const subscriber = redis?.duplicate();
  const events = redis && subscriber ? createRedisEventLog({ redis, subscriber, prefix }) : createMemoryEventLog();
  const deadLetters = redis ? createRedisDeadLetters(redis, prefix) : createMemoryDeadLetters();
  const reportDocuments = redis ? createRedisReportDocuments(redis, prefix) : createMemoryReportDocuments();

  const sandbox = needsSandbox(config.agency) ? await startSandbox() : undefined;
  const agency = withSandbox(config.agency, sandbox);
  logVendors(config.agency, agency);

  const pools = createVendorPools(agency, config.vendorConnections);
  const metrics = createMetrics();
  const clients = createVendorClients(agency, pools, { onCall: recordVendorCalls(metrics) });
  const callbackUrls = {
    canopy: `${config.publicUrl}/webhooks/canopy/${config.webhookSecret}`,
    reposit: `${config.publicUrl}/webhooks/reposit/${config.webhookSecret}`,
  };
  const gateway = createGateway({
    agency: { id: agency.id },
    clients,
    links,
    events,
    deadLetters,
    reportDocuments,
    webhookSecret: config.webhookSecret,
    metrics,
    limits: config.limits,
    reportLinks: createReportLinks({
      publicUrl: config.publicUrl,
      // Links wait for the key while Redis is away; everything else is served meanwhile.
      key: untilDone('report links: reading their key', () => reportLinkKey({ configured: config.reportLinkSecret, redis, prefix })),
    }),
    callbackUrls,
    readiness: [...vendorReadiness(pools), ...(redis ? [redisReadiness(redis, config.redisUrl)] : [])],
  });
  const server = createServer(gateway.listener);
  const closeWebSockets = gateway.attachWebSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // e.g. EADDRINUSE: nothing would be served, so stop
    server.listen(config.port, resolve);
  });
  console.log(`rentgraph: GraphQL at http://localhost:${config.port}/graphql (public URL ${redactUrl(config.publicUrl)})`);
  // Behind the listener: Redis may come later, and /readyz says so meanwhile.
  if (sandbox) void untilDone('sandbox: seeding the demo links', () => seedSandboxLinks({ links, reportDocuments }, agency.id, sandbox.simulators));
  if (sandbox) await registerSandboxWebhooks(sandbox, config.agency, clients, callbackUrls);

  const driver =
    sandbox && config.sandbox.events
      ? createSandboxDriver({
          simulators: [sandbox.simulators.canopyReferencing, sandbox.simulators.reposit],
          log: (line) => console.warn(line),
        })
      : undefined;
  driver?.start();
  if (sandbox) console.log(`sandbox: simulated renter and tenant activity ${driver ? 'on' : 'off (SANDBOX_EVENTS=0)'}`);

  const stop = async (signal: string) => {
    console.log(`${signal}: stopping`);
    await driver?.stop();
    await closeWebSockets();
    // Open SSE streams would hold the server open: their clients reconnect to another instance.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await closeVendorPools(pools);
    await sandbox?.close();
    await events.dispose();
    subscriber?.disconnect();
    redis?.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * What an agency does once with real vendors (asks Reposit to activate webhooks, registers
 * with Canopy) done at start for the simulated ones, so events flow at once.
 */
async function registerSandboxWebhooks(
  sandbox: RunningSandbox,
  configured: AgencyConfig,
  clients: VendorClients,
  callbackUrls: CallbackUrls,
): Promise<void> {
  if (!configured.reposit) sandbox.simulators.reposit.setWebhookUrl(callbackUrls.reposit);
  if (configured.canopyReferencing) return;
  sandbox.simulators.canopyReferencing.setSeedCallbackUrl(callbackUrls.canopy);
  for (const type of WEBHOOK_TYPE_VALUES) {
    const sections = type === 'PASSPORT_STATUS_UPDATES' ? { additionalSettings: [] } : {};
    await clients.canopyReferencing.registerWebhook({ type, callbackUrl: callbackUrls.canopy, ...sections });
  }
}

/** Runs a start-up step that needs Redis again every second until it succeeds, reporting the first failure and the success. */
async function untilDone<T>(what: string, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await step();
      if (attempt > 1) console.log(`${what}: done`);
      return result;
    } catch (error) {
      if (attempt === 1) console.error(`${what}: ${(error as Error).message}; trying again until Redis answers`);
      await sleep(1_000);
    }
  }
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`rentgraph: bad configuration. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Redis, or undefined for the single-instance in-memory mode: only when REDIS_URL was not set
 * and the default Redis does not answer. An explicit REDIS_URL that does not answer is kept
 * (ioredis reconnects) and readiness reports it.
 */
async function connectRedis(config: Config): Promise<Redis | undefined> {
  const redis = new Redis(config.redisUrl, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 2 });
  redis.on('error', (error: Error) => console.error(`redis: ${error.message}`));
  try {
    await redis.connect();
    return redis;
  } catch (error) {
    if (config.redisUrlExplicit) {
      console.error(`redis: ${redactUrl(config.redisUrl)} does not answer (${(error as Error).message}); readiness fails until it does`);
      return redis;
    }
    redis.disconnect();
    console.warn(
      [
        '!!! Redis does not answer at redis://127.0.0.1:6379 and REDIS_URL is not set.',
        '!!! Running as a SINGLE INSTANCE with links and events IN MEMORY: lost on restart, not shared.',
      ].join('\n'),
    );
    return undefined;
  }
}

function needsSandbox(agency: AgencyConfig): boolean {
  return Object.values(VENDOR_KEYS).some((key) => agency[key] === null);
}

/** The agency with every vendor that has no credentials pointed at the sandbox. */
function withSandbox(agency: AgencyConfig, sandbox: RunningSandbox | undefined): ResolvedAgency {
  const simulated = sandbox?.agency(agency.id);
  const pick = <K extends Exclude<keyof AgencyConfig, 'id'>>(key: K): ResolvedAgency[K] => {
    const credentials = agency[key] ?? simulated?.[key];
    if (!credentials) throw new Error(`${key}: neither credentials nor a sandbox`);
    return credentials as ResolvedAgency[K];
  };
  return {
    id: agency.id,
    canopyReferencing: pick('canopyReferencing'),
    canopyServicing: pick('canopyServicing'),
    reposit: pick('reposit'),
  };
}

function logVendors(configured: AgencyConfig, effective: ResolvedAgency): void {
  for (const [vendor, key] of Object.entries(VENDOR_KEYS)) {
    const kind = configured[key] ? 'real' : 'simulated';
    console.log(`${vendor}: ${kind}, at ${redactUrl(effective[key].baseUrl)}`);
  }
}

main().catch((error: unknown) => {
  console.error('rentgraph: failed to start', error);
  process.exit(1);
});
