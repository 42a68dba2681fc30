import type { Agency, VendorKey } from './agencies/agency';
import { createAgencyServices, type AgencyServicesCache } from './agencies/agency-services';
import { createCanopyKeyRotations } from './agencies/canopy-key-rotations';
import { createCredentialCipher } from './agencies/credential-cipher';
import { createAgencyRegistry, type LiveAgencyRegistry } from './agencies/registry';
import { loadCanopySecretKey } from './agencies/rotated-canopy-keys';
import { createRuntimeAgencyStore } from './agencies/runtime-agencies';
import { createRedisApiKeyStore, type ApiKeyStore } from './auth/api-keys';
import { authMode, type AuthConfig, type AuthMode } from './auth/auth-config';
import { AuthFailure } from './auth/auth-failure';
import { createAuthenticator } from './auth/authenticate';
import { createDevTokens, type DevTokens } from './auth/dev-tokens';
import type { Config } from './config';
import type { AgencyAdmin } from './context';
import { ConfigError } from './config-error';
import { redactUrl } from './http/redact-url';
import { describeRedis, type RedisClient } from './redis-client';
import type { ReadinessCheck } from './http/health-routes';
import { redisReadiness, vendorReadiness } from './http/readiness';
import { reportLinkKey } from './http/report-link-key';
import { createReportLinks } from './http/report-links';
import type { LinkStore } from './links/link-store';
import { createMemoryLinkStore } from './links/memory-link-store';
import { createRedisLinkStore } from './links/redis-link-store';
import { createMemoryReportDocuments, createRedisReportDocuments, type ReportDocumentStore } from './links/report-documents';
import { createMetrics, recordVendorCalls, type Metrics } from './metrics/metrics';
import { configuredAgencies, isSandboxMode } from './agencies/configured-agencies';
import { SANDBOX_CREDENTIALS } from './sandbox/credentials';
import type { RunningSandbox } from './sandbox/start';
import { createPersistedDocuments } from './persisted-documents/persisted-documents';
import { forwardDiagnostics } from './logging/diagnostics';
import { createLogger, type Logger } from './logging/logger';
import { createGatewayRateLimits } from './rate-limits/gateway-rate-limits';
import { createGateway, type Gateway } from './server';
import { createVendorBudgets } from './sources/vendor-budget';
import { createVendorClients, createVendorPools, type VendorHttpTuning, type VendorPools } from './sources/clients';
import type { CrmIdentity } from './sources/vendor-module';
import { VENDOR_KEYS } from './sources/vendors';
import { createMemoryDeadLetters, createRedisDeadLetters, type DeadLetterStore } from './subscriptions/dead-letters';
import type { EventLog } from './subscriptions/event-log';
import { createMemoryEventLog } from './subscriptions/memory-event-log';
import { createRedisEventLog } from './subscriptions/redis-event-log';
import { createWebhookAgencies } from './subscriptions/webhook-secrets';

export interface GatewayStores {
  links: LinkStore;
  events: EventLog;
  deadLetters: DeadLetterStore;
  reportDocuments: ReportDocumentStore;
}

export interface CompositionParts {
  config: Config;
  /** Undefined: the single-instance in-memory mode. */
  redis: RedisClient | undefined;
  /** A second connection, for SUBSCRIBE. */
  subscriber: RedisClient | undefined;
  /** The simulated vendors, when some agency's vendors are played by the sandbox. */
  sandbox: RunningSandbox | undefined;
  /** Tests only: stores in place of those Redis (or memory) gives. */
  stores?: Partial<GatewayStores>;
  /** Tests only: vendor timeouts and retries. */
  vendorHttp?: Omit<VendorHttpTuning, 'onCall'>;
  /** Tests only: more readiness checks. */
  readiness?: ReadinessCheck[];
  /** Where the gateway's lines go. @default a logger at level info on stdout */
  logger?: Logger;
  /** Tests only: the agencies' and rotations' lines, in place of the logger's. */
  log?: (line: string) => void;
}

/** What start-up made of one agency's unfinished Canopy key rotation. */

export interface ComposedGateway {
  gateway: Gateway;
  registry: LiveAgencyRegistry;
  agencies: AgencyServicesCache;
  stores: GatewayStores;
  metrics: Metrics;
  pools: VendorPools;
  apiKeys: ApiKeyStore | undefined;
  /** What the admin fields act on, as the gateway hands it to every request. */
  admin: AgencyAdmin;
  authMode: AuthMode;
  /** Sandbox mode without AUTH_*: the printed development tokens. */
  devTokens: DevTokens | undefined;
  /** Lines for the start-up log: every agency, with its vendors real or simulated. */
  describe(): string[];
  dispose(): Promise<void>;
}

/**
 * Config → Redis stores → agency registry → per-agency services → authentication → gateway,
 * written once, for `main.ts` and the tests alike. It opens nothing itself: the connections and
 * the sandbox come in, the gateway goes out, and `main.ts` listens.
 */
export async function composeGateway(parts: CompositionParts): Promise<ComposedGateway> {
  const { config, redis, subscriber, sandbox } = parts;
  const logger = parts.logger ?? createLogger();
  const stopDiagnostics = forwardDiagnostics(logger);
  const agenciesLogger = logger.child({ component: 'agencies' });
  const log = parts.log ?? ((line: string) => agenciesLogger.info(line));
  const prefix = config.redisKeyPrefix;
  const stores: GatewayStores = {
    links: parts.stores?.links ?? (redis ? createRedisLinkStore(redis, { prefix }) : createMemoryLinkStore()),
    events: parts.stores?.events ?? (redis && subscriber ? createRedisEventLog({ redis, subscriber, prefix }) : createMemoryEventLog()),
    deadLetters: parts.stores?.deadLetters ?? (redis ? createRedisDeadLetters(redis, prefix) : createMemoryDeadLetters()),
    reportDocuments: parts.stores?.reportDocuments ?? (redis ? createRedisReportDocuments(redis, prefix) : createMemoryReportDocuments()),
  };
  const cipher = config.credentialKeys && createCredentialCipher(config.credentialKeys);
  const configured = configuredAgencies(config, sandbox);
  const registry = createAgencyRegistry({
    configured,
    runtime: redis && createRuntimeAgencyStore({ redis, prefix, cipher, log: (line) => agenciesLogger.warn(line) }),
    subscriber,
    log: (line) => agenciesLogger.warn(line),
  });
  registry.ready.catch((error: Error) => log(`agencies: run-time agencies not read yet (${error.message}); serving the configured ones`));

  const pools = createVendorPools(config.vendorConnections);
  const metrics = createMetrics();
  const onVendorCall = recordVendorCalls(metrics);
  const crm = crmIdentity(config);
  const vendorHttp = { ...parts.vendorHttp, budgets: createVendorBudgets({ redis, prefix, limits: config.vendorBudgets }) };
  const rateLimits = createGatewayRateLimits({ redis, prefix, limits: config.rateLimits });
  const rotatedKeys = redis && cipher ? { redis, prefix, cipher } : undefined;
  const agencies = createAgencyServices({
    registry,
    pools,
    crm,
    publicUrl: config.publicUrl,
    webhookSecret: config.webhookSecret,
    onCall: onVendorCall,
    vendorHttp,
    log,
    // A Canopy key rotated at run time wins over the configured one it replaced.
    prepare: rotatedKeys && (async (agency) => {
      const canopy = agency.vendors.canopyReferencing;
      if (!canopy) return agency;
      const secretKey = await loadCanopySecretKey({ ...rotatedKeys, agencyId: agency.id, configuredKey: canopy.secretKey });
      return secretKey === canopy.secretKey ? agency : withCanopySecretKey(agency, secretKey);
    }),
  });

  const canopyKeyRotations = createCanopyKeyRotations({
    registry,
    agencies,
    storage: rotatedKeys && subscriber && { ...rotatedKeys, subscriber },
    canopyClient: (agency, secretKey) =>
      createVendorClients(withCanopySecretKey(agency, secretKey), pools, crm, { ...vendorHttp, onCall: (call) => onVendorCall(agency.id, call) })
        .canopyReferencing,
    log,
  });
  // A rotation a process left unfinished is settled once the run-time agencies are known; in the
  // background, so that a Redis that answers later does not hold start-up back.
  void registry.ready.catch(() => undefined).then(() => canopyKeyRotations.reconcile());

  const mode = authMode(config.auth, { realVendors: configured.some((agency) => agency.source !== 'sandbox'), sandbox: isSandboxMode(config) });
  if (mode === 'off' && (configured.length !== 1 || configured[0]?.id !== 'default')) {
    const served = isSandboxMode(config) ? 'sandbox mode serves sandbox-north and sandbox-south, each with its printed development token' : `${configured.length} agencies are configured`;
    throw new ConfigError('AUTH', `unset, because ${served}: AUTH=off serves only the single agency "default" of the single-agency variables`);
  }
  const devTokens = mode === 'sandbox-dev-tokens' ? await createDevTokens(config.auth, configured.map((agency) => agency.id)) : undefined;
  const apiKeys = redis && subscriber ? createRedisApiKeyStore(redis, { prefix, subscriber }) : undefined;
  const authentication = createAuthenticator({
    config: authConfigFor(mode, config.auth, devTokens),
    apiKeys,
    agencyExists: (agencyId) => registry.get(agencyId) !== undefined,
  });

  const admin: AgencyAdmin = { registry, agencies, apiKeys, canopyKeyRotations };
  const gateway = createGateway({
    agencies,
    authentication: { ...authentication, refusalOf: (error) => (error instanceof AuthFailure ? error : undefined) },
    webhookAgencies: createWebhookAgencies(registry, config.webhookSecret),
    ...stores,
    metrics,
    metricsToken: config.metricsToken,
    limits: config.limits,
    persistedDocuments: createPersistedDocuments(config.persistedDocuments),
    rateLimits,
    federation: config.federation,
    admin,
    reportLinks: createReportLinks({
      publicUrl: config.publicUrl,
      key: () => reportLinkKey({ configured: config.reportLinkSecret, redis, prefix }),
    }),
    readiness: [
      ...vendorReadiness(pools, () => vendorOrigins(registry.list())),
      ...(redis ? [redisReadiness(redis, describeRedis(config))] : []),
      canopyKeyRotations.readiness,
      ...(parts.readiness ?? []),
    ],
    logger,
    graphiqlHeaders: devTokens && { authorization: `Bearer ${devTokens.tokens[configured[0]!.id]}` },
    cors: config.cors,
    exposure: { graphiql: config.graphiql, introspection: config.introspection },
  });

  return {
    gateway,
    registry,
    agencies,
    stores,
    metrics,
    pools,
    apiKeys,
    admin,
    authMode: mode,
    devTokens,
    describe: () => registry.list().map((agency) => describeAgency(agency, sandbox?.url)),
    async dispose() {
      stopDiagnostics();
      await canopyKeyRotations.dispose();
      await rateLimits.dispose();
      await registry.dispose();
      await apiKeys?.dispose();
      await pools.close();
      await stores.events.dispose();
    },
  };
}

/**
 * The CRM's own identity at the vendors. REPOSIT_REFERRER_TOKEN is optional; in sandbox mode,
 * without it, the sandbox's referrer token is sent, as the sandbox stands in for the vendors.
 */
function crmIdentity(config: Config): CrmIdentity {
  const sandboxToken = isSandboxMode(config) ? SANDBOX_CREDENTIALS.reposit.referrerToken : undefined;
  return { repositReferrerToken: config.repositReferrerToken ?? sandboxToken };
}

/** The configuration tokens are checked with: the sandbox's generated secret, or the operator's. */
function authConfigFor(mode: AuthMode, configured: AuthConfig, devTokens: DevTokens | undefined): AuthConfig {
  return mode === 'sandbox-dev-tokens' && devTokens ? devTokens.config : configured;
}

/** The agency signing its Canopy token requests with `secretKey` (a rotated key, or one a rotation tries). */
function withCanopySecretKey(agency: Agency, secretKey: string): Agency {
  const canopy = agency.vendors.canopyReferencing;
  return canopy ? { ...agency, vendors: { ...agency.vendors, canopyReferencing: { ...canopy, secretKey } } } : agency;
}

/** Every vendor base URL some agency uses, once each, for readiness. */
function vendorOrigins(agencies: Agency[]): Array<{ vendor: VendorKey; baseUrl: string }> {
  const seen = new Map<string, { vendor: VendorKey; baseUrl: string }>();
  for (const agency of agencies) {
    for (const [vendor, account] of Object.entries(agency.vendors) as Array<[VendorKey, { baseUrl: string } | undefined]>) {
      if (account) seen.set(`${vendor} ${new URL(account.baseUrl).origin}`, { vendor, baseUrl: account.baseUrl });
    }
  }
  return [...seen.values()];
}

/** One start-up log line: the agency and, per vendor, real or simulated and where (never a credential). */
function describeAgency(agency: Agency, sandboxUrl: string | undefined): string {
  const vendors = VENDOR_KEYS.map((key) => {
    const account = agency.vendors[key];
    if (!account) return `${key} not used`;
    const simulated = sandboxUrl !== undefined && account.baseUrl.startsWith(sandboxUrl);
    return `${key} ${simulated ? 'simulated' : 'real'} at ${redactUrl(account.baseUrl)}`;
  });
  return `agency ${agency.id} (${agency.name}, from ${agency.source}): ${vendors.join(', ')}`;
}
