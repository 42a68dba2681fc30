import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { SignJWT } from 'jose';
import { request } from 'undici';
import { SCOPES } from '../../src/auth/principal';
import { composeGateway } from '../../src/compose';
import { configuredSecrets } from '../../src/logging/configured-secrets';
import { memoryLogger } from './memory-logger';
import type { RedisClient } from '../../src/redis-client';
import { loadConfig } from '../../src/config';
import type { ReadinessCheck } from '../../src/http/health-routes';
import type { OperationLimits } from '../../src/limits/operation-limits';
import type { LinkStore } from '../../src/links/link-store';
import { createMemoryLinkStore } from '../../src/links/memory-link-store';
import { createMemoryReportDocuments } from '../../src/links/report-documents';
import { seedSandboxLinks } from '../../src/sandbox/seed-links';
import type { StartSandboxOptions } from '../../src/sandbox/start';
import type { createGateway } from '../../src/server';
import type { VendorHttpTuning } from '../../src/sources/clients';
import { createMemoryDeadLetters, type DeadLetterStore } from '../../src/subscriptions/dead-letters';
import type { EventLog } from '../../src/subscriptions/event-log';
import { createMemoryEventLog } from '../../src/subscriptions/memory-event-log';
import { webhookSecretFor } from '../../src/subscriptions/webhook-secrets';
import { useSandbox } from './sandbox';

export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/**
 * The gateway on an ephemeral port over a fresh sandbox, composed exactly as `npm start` composes
 * it (sandbox mode: `sandbox-north` and `sandbox-south`, HS256 tokens), with the sandbox's demo
 * links in memory stores: `graphql()` asks it over real HTTP as `sandbox-north` with every scope.
 * Close it after the test.
 */
export interface TestGatewayOptions {
  sandbox?: StartSandboxOptions;
  /** The event log; a fresh in-memory one when absent. */
  events?: EventLog;
  /** Where refused webhooks are kept; a fresh in-memory list when absent. */
  deadLetters?: DeadLetterStore;
  readiness?: ReadinessCheck[];
  /** The link store; a fresh in-memory one when absent. */
  links?: LinkStore;
  /** Timeouts and retries of the vendor clients, e.g. short ones for tests of a hanging vendor. */
  vendorHttp?: Omit<VendorHttpTuning, 'onCall'>;
  /** Limits of one operation, in place of the defaults (some, the others kept). */
  limits?: Partial<OperationLimits>;
  /** Redis for the registry, API keys and rotated keys (and, unless given above, every store); memory without. */
  redis?: { client: RedisClient; subscriber: RedisClient; prefix: string };
  /** More variables of the environment (e.g. CREDENTIALS_KEY). */
  env?: Record<string, string>;
}

export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef-0123456789';
export const TEST_BASE_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
export const TEST_REPORT_KEY = 'test-report-key-0123456789abcdef-0123456789';
/** The secret of `sandbox-north`'s webhook URLs, derived from WEBHOOK_SECRET as every instance derives it. */
export const TEST_WEBHOOK_SECRET = webhookSecretFor(TEST_BASE_WEBHOOK_SECRET, 'sandbox-north');
export const TEST_AGENCIES = ['sandbox-north', 'sandbox-south'] as const;

export interface TokenOptions {
  agency?: string;
  scopes?: readonly string[];
  subject?: string;
  /** Seconds from now; negative for a token already expired. @default 3600 */
  expiresIn?: number;
}

/** An HS256 token the test gateway accepts (or, with options, one it refuses). */
export async function testToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ agency: options.agency ?? 'sandbox-north', scope: (options.scopes ?? SCOPES).join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject ?? 'test-user')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 3600))
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

export async function useGateway(options: TestGatewayOptions = {}) {
  const sandbox = await useSandbox(options.sandbox);
  // The report links need the gateway's own URL, known once it listens.
  let handler: ReturnType<typeof createGateway>['listener'] | undefined;
  const server = createServer((req, res) => void handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    SANDBOX: '1',
    PUBLIC_URL: publicUrl,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    WEBHOOK_SECRET: TEST_BASE_WEBHOOK_SECRET,
    REPORT_LINK_SECRET: TEST_REPORT_KEY,
    ...(options.redis && { REDIS_KEY_PREFIX: options.redis.prefix }),
    ...options.env,
  });
  // The limits `env` sets (and those that follow from it, such as field suggestions), then `limits`.
  const limits = { ...config.limits, ...options.limits };
  // Composed as main.ts composes it, its lines kept in memory instead of going to stdout.
  const logs = memoryLogger({ level: config.logLevel, secrets: configuredSecrets(config) });
  const composed = await composeGateway({
    logger: logs.logger,
    config: { ...config, limits },
    redis: options.redis?.client,
    subscriber: options.redis?.subscriber,
    sandbox,
    stores: options.redis
      ? { links: options.links, events: options.events, deadLetters: options.deadLetters }
      : {
          links: options.links ?? createMemoryLinkStore(),
          events: options.events ?? createMemoryEventLog(),
          deadLetters: options.deadLetters ?? createMemoryDeadLetters(),
          reportDocuments: createMemoryReportDocuments(),
        },
    vendorHttp: options.vendorHttp,
    readiness: options.readiness,
    log: () => undefined,
  });
  const { links, events, deadLetters, reportDocuments } = composed.stores;
  for (const account of sandbox.accounts) await seedSandboxLinks(composed.stores, account.id, account.simulators);
  const north = await composed.agencies.get('sandbox-north');
  if (!north) throw new Error('sandbox-north is not served');
  const token = await testToken();
  handler = composed.gateway.listener;
  const closeWebSockets = composed.gateway.attachWebSockets(server);

  async function close(): Promise<void> {
    await closeWebSockets();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await composed.dispose();
    await sandbox.close();
  }

  return {
    url: publicUrl,
    /** Yoga itself, for comparing what the gateway's listener answers with what Yoga alone would. */
    yoga: composed.gateway.yoga,
    composed,
    sandbox,
    /** Every line the gateway logged, as it would have written it to stdout. */
    logLines: logs.lines,
    /** Those lines parsed. */
    logRecords: logs.records,
    /** `sandbox-north`'s vendor clients. */
    clients: north.clients,
    links,
    events,
    deadLetters,
    reportDocuments,
    agencyId: 'sandbox-north',
    /** `sandbox-north`'s token, every scope. */
    token,
    /** The headers that authenticate as `sandbox-north` with every scope. */
    authorization: { authorization: `Bearer ${token}` },
    /** A graphql-ws connection_init payload, as `sandbox-north` with every scope. */
    connectionParams: { authorization: `Bearer ${token}` },
    /** An agency's webhook URL for a vendor. */
    async webhookUrl(vendor: 'canopy' | 'reposit', agencyId: string = 'sandbox-north'): Promise<string> {
      const services = await composed.agencies.get(agencyId);
      if (!services) throw new Error(`${agencyId} is not served`);
      return services.callbackUrls[vendor];
    },
    /** POSTs one operation to /graphql, as `sandbox-north` with every scope unless told otherwise, and returns the parsed answer. */
    async graphql<TData = Record<string, any>, TVariables = Record<string, unknown>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- untyped documents answer loosely
      document: string | TypedDocumentNode<TData, TVariables>,
      variables?: TVariables,
      as: { token?: string; headers?: Record<string, string> } = {},
    ): Promise<GraphQLResponse<TData>> {
      const query = typeof document === 'string' ? document : print(document);
      const response = await request(`${publicUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(as.headers ?? { authorization: `Bearer ${as.token ?? token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.body.json()) as GraphQLResponse<TData>;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

export type TestGateway = Awaited<ReturnType<typeof useGateway>>;
