import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Agency } from './agencies/agency';
import { readAgenciesFile } from './agencies/agencies-file';
import { parseCredentialKey, type CredentialKeys } from './agencies/credential-cipher';
import { parseAuthConfig, type AuthConfig } from './auth/auth-config';
import { ConfigError } from './config-error';
import type { CorsConfig } from './http/cors';
import { defaultHost, refuseUnsafeCombinations } from './http/production-defaults';
import { redactUrl } from './http/redact-url';
import { LOG_LEVELS, type LogLevel } from './logging/log-level';
import type { VendorAccountSchema } from './sources/vendor-module';
import { eachVendor, type VendorAccount, type VendorKey } from './sources/vendors';

export { ConfigError } from './config-error';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './limits/operation-limits';
import { DEFAULT_MANIFEST_PATH, readManifest } from './persisted-documents/manifest';
import type { PersistedDocumentsConfig, PersistedDocumentsMode } from './persisted-documents/persisted-documents';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rate-limits/rate-limit-config';
import type { VendorBudgetConfig } from './sources/vendor-budget';

/** Agency `default` as today's single-agency variables define it; `null`: the sandbox plays that vendor. */
export type AgencyConfig = { id: string } & { [K in VendorKey]: VendorAccount<K> | null };

export interface Config {
  port: number;
  /** HOST: the address to listen on; undefined: every interface. @default loopback in sandbox mode and with AUTH=off */
  host: string | undefined;
  /** NODE_ENV=production: GraphiQL, introspection and field suggestions off unless enabled, and no development convenience. */
  production: boolean;
  /** GRAPHIQL: the GraphiQL page. @default on, off in production */
  graphiql: boolean;
  /** INTROSPECTION: `__schema` and `__type` (field suggestions follow it). @default on, off in production */
  introspection: boolean;
  /** CORS_ORIGINS and CORS_CREDENTIALS: the browser origins other than the gateway's own that may call it. */
  cors: CorsConfig;
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: the Redis Cluster nodes to start from, in place of REDIS_URL. */
  redisClusterNodes: RedisNode[] | undefined;
  /** Whether REDIS_URL was given: an explicit Redis that cannot be reached fails readiness. */
  redisUrlExplicit: boolean;
  /** Starts every Redis key the gateway writes, so deployments can share one database. */
  redisKeyPrefix: string;
  publicUrl: string;
  webhookSecret: string;
  /** True when WEBHOOK_SECRET was unset and a random one was made for this process. */
  webhookSecretGenerated: boolean;
  /** REPORT_LINK_SECRET: the report links' HMAC key; when unset, a random one kept in Redis. */
  reportLinkSecret: string | undefined;
  sandbox: { forced: boolean; events: boolean };
  /** FEDERATION: `/graphql` also answers the Federation v2 subgraph protocol (`_service`, `_entities`). */
  federation: boolean;
  agency: AgencyConfig;
  /** The agencies of AGENCIES_FILE (YAML or JSON); undefined without one. */
  fileAgencies: Agency[] | undefined;
  /** REPOSIT_REFERRER_TOKEN: identifies the CRM to Reposit, sent for every agency. */
  repositReferrerToken: string | undefined;
  /** CREDENTIALS_KEY (and CREDENTIALS_KEY_PREVIOUS): seals run-time credentials in Redis; without it run-time changes are refused. */
  credentialKeys: CredentialKeys | undefined;
  /** The most connections, so calls in flight, the gateway keeps open to each vendor. */
  vendorConnections: VendorConnections;
  /** What one GraphQL request may cost the process. */
  limits: OperationLimits;
  /** Requests, vendor calls and open subscriptions per principal and per agency. */
  rateLimits: RateLimitConfig;
  /** Each agency's share of each vendor: calls per second and calls in flight. */
  vendorBudgets: VendorBudgetConfig;
  /** AUTH and AUTH_*: how callers prove who they are. */
  auth: AuthConfig;
  /** METRICS_TOKEN: the bearer token `/metrics` asks for; open without one. Write-only. */
  metricsToken: string | undefined;
  /** PERSISTED_DOCUMENTS, PERSISTED_DOCUMENTS_API_KEYS and the manifest: which documents run. */
  persistedDocuments: PersistedDocumentsConfig;
  /** LOG_LEVEL: the least severe level written. @default info */
  logLevel: LogLevel;
}

/** By vendor, from `<envPrefix>_MAX_CONNECTIONS`. */
export type VendorConnections = Record<VendorKey, number>;

/**
 * 50 tenant dashboards in flight keep up to 200 Canopy Servicing calls open at once; with 32
 * connections the pool, not the CPU, set their latency (238 ms median at 20 ms a call, 82 ms with 256).
 */
const DEFAULT_VENDOR_CONNECTIONS = 256;
/** Far above what a CRM's screens cause (a tenant dashboard is about ten calls), yet a ceiling on a runaway client. */
const DEFAULT_VENDOR_CALLS_PER_SECOND_PER_AGENCY = 1_000;

type Env = Record<string, string | undefined>;


/** Parses every variable of the public contract once; throws ConfigError naming the first bad one. */
export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env, 'PORT', 4000);
  const redisUrl = optional(env, 'REDIS_URL');
  if (redisUrl !== undefined) requireUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:']);
  const redisClusterNodes = parseRedisNodes(env, 'REDIS_CLUSTER_NODES');
  if (redisUrl !== undefined && redisClusterNodes !== undefined) {
    throw new ConfigError('REDIS_URL and REDIS_CLUSTER_NODES', 'one of them only: REDIS_URL for one Redis, REDIS_CLUSTER_NODES for a Redis Cluster');
  }
  const publicUrl = optional(env, 'PUBLIC_URL') ?? `http://localhost:${port}`;
  requireUrl('PUBLIC_URL', publicUrl, ['http:', 'https:']);

  const secret = optional(env, 'WEBHOOK_SECRET');
  if (secret !== undefined && secret.length < 16) {
    throw new ConfigError('WEBHOOK_SECRET', 'at least 16 characters');
  }
  const reportLinkSecret = optional(env, 'REPORT_LINK_SECRET');
  if (reportLinkSecret !== undefined && reportLinkSecret.length < 32) {
    throw new ConfigError('REPORT_LINK_SECRET', 'at least 32 characters');
  }
  if (reportLinkSecret !== undefined && reportLinkSecret === secret) {
    throw new ConfigError('REPORT_LINK_SECRET', 'a secret other than WEBHOOK_SECRET');
  }
  const metricsToken = optional(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigError('METRICS_TOKEN', 'at least 16 characters');
  }
  const forced = parseFlag(env, 'SANDBOX', false);
  const agenciesFile = optional(env, 'AGENCIES_FILE');
  const production = optional(env, 'NODE_ENV') === 'production';
  const introspection = parseFlag(env, 'INTROSPECTION', !production);
  const vendorConnections = eachVendor<VendorConnections>(({ account }) => parseCount(env, `${account.envPrefix}_MAX_CONNECTIONS`, DEFAULT_VENDOR_CONNECTIONS));

  const config: Config = {
    port,
    host: parseHost(env, 'HOST'),
    production,
    graphiql: parseFlag(env, 'GRAPHIQL', !production),
    introspection,
    cors: corsFrom(env, publicUrl, production),
    redisUrl: redisUrl ?? 'redis://127.0.0.1:6379',
    redisClusterNodes,
    redisUrlExplicit: redisUrl !== undefined,
    redisKeyPrefix: parseKeyPrefix(env, 'REDIS_KEY_PREFIX', 'rentgraph'),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    webhookSecret: secret ?? randomBytes(24).toString('base64url'),
    webhookSecretGenerated: secret === undefined,
    reportLinkSecret,
    sandbox: { forced, events: parseFlag(env, 'SANDBOX_EVENTS', true) },
    vendorConnections,
    rateLimits: rateLimitsFrom(env),
    vendorBudgets: vendorBudgetsFrom(env, vendorConnections),
    federation: parseFlag(env, 'FEDERATION', false),
    limits: {
      maxDepth: parseCount(env, 'MAX_DEPTH', DEFAULT_OPERATION_LIMITS.maxDepth, 1, 1_000),
      maxTokens: parseCount(env, 'MAX_TOKENS', DEFAULT_OPERATION_LIMITS.maxTokens, 1, 1_000_000),
      maxAliases: parseCount(env, 'MAX_ALIASES', DEFAULT_OPERATION_LIMITS.maxAliases, 0, 10_000),
      maxDirectives: parseCount(env, 'MAX_DIRECTIVES', DEFAULT_OPERATION_LIMITS.maxDirectives, 0, 10_000),
      maxAnswerNodes: parseCount(env, 'MAX_ANSWER_NODES', DEFAULT_OPERATION_LIMITS.maxAnswerNodes, 1, 100_000_000),
      maxAnswerCharacters: parseCount(env, 'MAX_ANSWER_CHARACTERS', DEFAULT_OPERATION_LIMITS.maxAnswerCharacters, 1, 1_000_000_000),
      deadlineMs: parseCount(env, 'OPERATION_DEADLINE_MS', DEFAULT_OPERATION_LIMITS.deadlineMs, 1, 3_600_000),
      // "Did you mean …?" tells what the schema holds: no more than introspection does.
      blockFieldSuggestions: !introspection,
      maxVendorCalls: parseCount(env, 'MAX_VENDOR_CALLS', DEFAULT_OPERATION_LIMITS.maxVendorCalls, 1, 1_000_000),
    },
    fileAgencies: agenciesFile === undefined ? undefined : readAgenciesFile(agenciesFile, env),
    repositReferrerToken: optional(env, 'REPOSIT_REFERRER_TOKEN'),
    credentialKeys: credentialKeysFrom(env),
    auth: parseAuthConfig(env),
    metricsToken,
    persistedDocuments: persistedDocumentsFrom(env),
    logLevel: parseChoice(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    agency: {
      id: 'default',
      ...eachVendor<Omit<AgencyConfig, 'id'>>((vendor, key) => (forced ? null : (accountFrom(env, vendor.account) as AgencyConfig[typeof key]))),
    },
  };
  refuseUnsafeCombinations(config);
  return { ...config, host: config.host ?? defaultHost(config) };
}

/**
 * CORS_ORIGINS: comma-separated exact origins, or `*`. The gateway's own origin (PUBLIC_URL) is
 * always allowed; without CORS_ORIGINS outside production, so are loopback origins, where a front
 * end's development server runs. In production without it: no cross-origin caller.
 */
function corsFrom(env: Env, publicUrl: string, production: boolean): CorsConfig {
  const raw = optional(env, 'CORS_ORIGINS');
  const credentials = parseFlag(env, 'CORS_CREDENTIALS', false);
  const own = new URL(publicUrl).origin;
  if (raw === undefined) return { origins: [own], loopback: !production, credentials };
  const origins = raw.split(',').map((origin) => origin.trim());
  if (origins.includes('*')) {
    if (origins.length > 1) throw new ConfigError('CORS_ORIGINS', '* alone, or exact origins without *');
    return { origins: '*', loopback: false, credentials };
  }
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', 'comma-separated origins, each scheme://host[:port] in lower case (http: or https:, no path, no trailing slash, no default port), or *');
    }
  }
  return { origins: [...new Set([own, ...origins])], loopback: false, credentials };
}

/** One node of REDIS_CLUSTER_NODES. */
export interface RedisNode {
  host: string;
  port: number;
}

/** Comma-separated `host:port` (IPv6 as `[::1]:7000`). */
function parseRedisNodes(env: Env, name: string): RedisNode[] | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  return raw.split(',').map((entry) => {
    const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+)):(\d{1,5})$/i.exec(entry.trim());
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65535) throw new ConfigError(name, 'comma-separated host:port pairs, e.g. 10.0.0.1:7000,10.0.0.2:7000');
    return { host: (match[1] ?? match[2])!, port };
  });
}

/** An IP address or a host name; undefined when unset. */
function parseHost(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  if (isIP(raw) === 0 && !/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(raw)) {
    throw new ConfigError(name, 'an IP address (127.0.0.1, ::1, 0.0.0.0, ::) or a host name');
  }
  return raw;
}

/**
 * One vendor's account from `<envPrefix>_BASE_URL` and its credentials' variables: all of them
 * (the base URL may fall back to the vendor's default), or none, since half a set of credentials
 * is a mistake worth stopping for.
 */
function accountFrom(env: Env, schema: VendorAccountSchema<string>): Record<string, string> | null {
  const baseUrlName = `${schema.envPrefix}_BASE_URL`;
  const names = [baseUrlName, ...Object.values(schema.credentials)];
  const given = names.filter((name) => optional(env, name) !== undefined);
  if (given.length === 0) return null;
  const required = schema.defaultBaseUrl === undefined ? names : names.slice(1);
  const missing = required.find((name) => optional(env, name) === undefined);
  if (missing) throw new ConfigError(missing, `a value, because ${given.join(', ')} is set`);
  const account: Record<string, string> = {
    baseUrl: requireUrl(baseUrlName, optional(env, baseUrlName) ?? (schema.defaultBaseUrl as string)),
  };
  for (const [field, name] of Object.entries(schema.credentials)) account[field] = optional(env, name) as string;
  return account;
}

/** Production faces browsers: there only trusted documents run unless PERSISTED_DOCUMENTS says otherwise. */
export function defaultPersistedDocumentsMode(env: Env): PersistedDocumentsMode {
  return optional(env, 'NODE_ENV') === 'production' ? 'require' : 'allow';
}

function persistedDocumentsFrom(env: Env): PersistedDocumentsConfig {
  const mode = parseChoice(env, 'PERSISTED_DOCUMENTS', ['off', 'allow', 'require'] as const, defaultPersistedDocumentsMode(env));
  const apiKeys = parseChoice(env, 'PERSISTED_DOCUMENTS_API_KEYS', ['persisted', 'arbitrary'] as const, 'persisted');
  const path = optional(env, 'PERSISTED_DOCUMENTS_MANIFEST');
  if (mode === 'off' && path !== undefined) throw new ConfigError('PERSISTED_DOCUMENTS_MANIFEST', 'unset, because PERSISTED_DOCUMENTS=off reads no manifest');
  const manifest = mode === 'off' ? new Map<string, string>() : readManifest(path ?? DEFAULT_MANIFEST_PATH, 'PERSISTED_DOCUMENTS_MANIFEST');
  return { mode, apiKeys, manifest };
}

function rateLimitsFrom(env: Env): RateLimitConfig {
  const d = DEFAULT_RATE_LIMITS;
  const big = 100_000_000;
  return {
    windowSeconds: parseCount(env, 'RATE_LIMIT_WINDOW_SECONDS', d.windowSeconds, 1, 86_400),
    requestsPerPrincipal: parseCount(env, 'RATE_LIMIT_PER_PRINCIPAL', d.requestsPerPrincipal, 1, big),
    requestsPerAgency: parseCount(env, 'RATE_LIMIT_PER_AGENCY', d.requestsPerAgency, 1, big),
    // An estimate may run to trillions (a deep nesting): a budget may be set that high, e.g. for a test of what follows it.
    vendorCallsPerPrincipal: parseCount(env, 'VENDOR_CALLS_PER_PRINCIPAL', d.vendorCallsPerPrincipal, 1, Number.MAX_SAFE_INTEGER),
    vendorCallsPerAgency: parseCount(env, 'VENDOR_CALLS_PER_AGENCY', d.vendorCallsPerAgency, 1, Number.MAX_SAFE_INTEGER),
    subscriptionsPerSocket: parseCount(env, 'MAX_SUBSCRIPTIONS_PER_SOCKET', d.subscriptionsPerSocket, 1, 100_000),
    subscriptionsPerPrincipal: parseCount(env, 'MAX_SUBSCRIPTIONS_PER_PRINCIPAL', d.subscriptionsPerPrincipal, 1, 1_000_000),
    subscriptionsPerAgency: parseCount(env, 'MAX_SUBSCRIPTIONS_PER_AGENCY', d.subscriptionsPerAgency, 1, 10_000_000),
  };
}

/**
 * `<envPrefix>_CALLS_PER_SECOND_PER_AGENCY` and `<envPrefix>_CALLS_IN_FLIGHT_PER_AGENCY`. An agency's
 * calls in flight stay below the vendor pool's connections, which every agency shares, so that one
 * agency cannot hold them all: half of them unless set.
 */
function vendorBudgetsFrom(env: Env, connections: VendorConnections): VendorBudgetConfig {
  return eachVendor<VendorBudgetConfig>(({ account }, key) => {
    const pool = connections[key];
    const inFlightName = `${account.envPrefix}_CALLS_IN_FLIGHT_PER_AGENCY`;
    const callsInFlight = parseCount(env, inFlightName, Math.max(1, Math.floor(pool / 2)), 1, 1_000_000);
    if (pool > 1 && callsInFlight >= pool) {
      throw new ConfigError(inFlightName, `fewer than ${account.envPrefix}_MAX_CONNECTIONS (${pool}), the connections all agencies share`);
    }
    return {
      callsPerSecond: parseCount(env, `${account.envPrefix}_CALLS_PER_SECOND_PER_AGENCY`, DEFAULT_VENDOR_CALLS_PER_SECOND_PER_AGENCY, 1, 1_000_000),
      callsInFlight,
    };
  });
}

function credentialKeysFrom(env: Env): CredentialKeys | undefined {
  const key = (name: string) => {
    const raw = optional(env, name);
    if (raw === undefined) return undefined;
    const parsed = parseCredentialKey(raw);
    if (!parsed) throw new ConfigError(name, '32 bytes, as 64 hex digits or base64');
    return parsed;
  };
  const current = key('CREDENTIALS_KEY');
  const previous = key('CREDENTIALS_KEY_PREVIOUS');
  if (!current) {
    if (previous) throw new ConfigError('CREDENTIALS_KEY', 'a value, because CREDENTIALS_KEY_PREVIOUS is set');
    return undefined;
  }
  if (previous?.equals(current)) throw new ConfigError('CREDENTIALS_KEY_PREVIOUS', 'a key other than CREDENTIALS_KEY');
  return { current, previous };
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function parsePort(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new ConfigError(name, 'a port number from 0 to 65535');
  return port;
}

function parseKeyPrefix(env: Env, name: string, fallback: string): string {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^[\w.-]{1,64}$/.test(raw)) throw new ConfigError(name, 'up to 64 letters, digits, "_", "-" or "." (the gateway adds the ":")');
  return raw;
}

function parseCount(env: Env, name: string, fallback: number, min = 1, max = 10_000): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const count = Number(raw);
  if (!/^\d+$/.test(raw) || count < min || count > max) throw new ConfigError(name, `a whole number from ${min} to ${max}`);
  return count;
}

function parseChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new ConfigError(name, `one of ${choices.join(', ')}`);
  return raw as T;
}

function parseFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(name, '1 or 0 (also true/false, on/off, yes/no)');
}

function requireUrl(name: string, value: string, protocols = ['http:', 'https:']): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `an absolute URL (${protocols.join(' or ')})`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}, got "${redactUrl(value)}"`);
  }
  return value.replace(/\/+$/, '');
}
