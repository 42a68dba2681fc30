import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { request } from 'undici';
import type { ReadinessCheck } from '../../src/http/health-routes';
import { createReportLinks } from '../../src/http/report-links';
import type { LinkStore } from '../../src/links/link-store';
import { createMemoryLinkStore } from '../../src/links/memory-link-store';
import { createMemoryReportDocuments } from '../../src/links/report-documents';
import { createMemoryDeadLetters, type DeadLetterStore } from '../../src/subscriptions/dead-letters';
import type { EventLog } from '../../src/subscriptions/event-log';
import { createMemoryEventLog } from '../../src/subscriptions/memory-event-log';
import { seedSandboxLinks } from '../../src/sandbox/seed-links';
import type { StartSandboxOptions } from '../../src/sandbox/start';
import { createMetrics, recordVendorCalls } from '../../src/metrics/metrics';
import { createGateway } from '../../src/server';
import { closeVendorPools, createVendorClients, createVendorPools } from '../../src/sources/clients';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../../src/limits/operation-limits';
import { useSandbox } from './sandbox';

export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/**
 * The gateway on an ephemeral port over a fresh sandbox, with the sandbox's demo links in a
 * memory link store: `graphql()` asks it over real HTTP. Close it after the test.
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
  vendorHttp?: Parameters<typeof createVendorClients>[2];
  /** Limits of one operation, in place of the defaults (some, the others kept). */
  limits?: Partial<OperationLimits>;
}

export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
export const TEST_REPORT_KEY = 'test-report-key';

export async function useGateway(options: TestGatewayOptions = {}) {
  const sandbox = await useSandbox(options.sandbox);
  const agency = sandbox.agency();
  const pools = createVendorPools(agency);
  const metrics = createMetrics();
  const clients = createVendorClients(agency, pools, { onCall: recordVendorCalls(metrics), ...options.vendorHttp });
  const links = options.links ?? createMemoryLinkStore();

  // The report links need the gateway's own URL, known once it listens.
  let handler: ReturnType<typeof createGateway>['listener'] | undefined;
  const server = createServer((req, res) => void handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const events = options.events ?? createMemoryEventLog();
  const deadLetters = options.deadLetters ?? createMemoryDeadLetters();
  const reportDocuments = createMemoryReportDocuments();
  await seedSandboxLinks({ links, reportDocuments }, agency.id, sandbox.simulators);
  const gateway = createGateway({
    agency: { id: agency.id },
    clients,
    links,
    reportLinks: createReportLinks({ publicUrl, key: TEST_REPORT_KEY }),
    callbackUrls: {
      canopy: `${publicUrl}/webhooks/canopy/${TEST_WEBHOOK_SECRET}`,
      reposit: `${publicUrl}/webhooks/reposit/${TEST_WEBHOOK_SECRET}`,
    },
    readiness: options.readiness ?? [],
    events,
    deadLetters,
    reportDocuments,
    webhookSecret: TEST_WEBHOOK_SECRET,
    metrics,
    limits: { ...DEFAULT_OPERATION_LIMITS, ...options.limits },
  });
  handler = gateway.listener;
  const closeWebSockets = gateway.attachWebSockets(server);

  async function close(): Promise<void> {
    await closeWebSockets();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeVendorPools(pools);
    await sandbox.close();
  }

  return {
    url: publicUrl,
    /** Yoga itself, for comparing what the gateway's listener answers with what Yoga alone would. */
    yoga: gateway.yoga,
    sandbox,
    clients,
    links,
    events,
    deadLetters,
    reportDocuments,
    agencyId: agency.id,
    /** POSTs one operation to /graphql and returns the parsed answer. */
    async graphql<TData = Record<string, any>, TVariables = Record<string, unknown>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- untyped documents answer loosely
      document: string | TypedDocumentNode<TData, TVariables>,
      variables?: TVariables,
    ): Promise<GraphQLResponse<TData>> {
      const query = typeof document === 'string' ? document : print(document);
      const response = await request(`${publicUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.body.json()) as GraphQLResponse<TData>;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

export type TestGateway = Awaited<ReturnType<typeof useGateway>>;
