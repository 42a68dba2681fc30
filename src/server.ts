import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { CORSOptions } from '@whatwg-node/server';
import { createGraphQLError, createYoga, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { SCOPES } from './auth/principal';
import { createLoaders, type Agency, type CallbackUrls, type GatewayContext } from './context';
import { useCompressedPages } from './http/compressed-pages';
import { directExecution } from './http/direct-execution';
import { createGatewayLogger } from './http/gateway-logger';
import { useGraphQLBodyLimit } from './http/graphql-body-limit';
import { useHealthRoutes, type ReadinessCheck } from './http/health-routes';
import { useOperationNameParam } from './http/operation-name-param';
import type { ReportLinks } from './http/report-links';
import { useReportRoute } from './http/report-route';
import { withRouteErrors } from './http/route-errors';
import { withAnswerBudget } from './limits/answer-budget';
import { DEFAULT_OPERATION_LIMITS, useOperationLimits, type OperationLimits } from './limits/operation-limits';
import type { LinkStore } from './links/link-store';
import type { ReportDocumentStore } from './links/report-documents';
import { schema } from './schema';
import type { Metrics } from './metrics/metrics';
import { useMetricsRoute } from './metrics/metrics-route';
import { useOperationMetrics } from './metrics/operation-metrics';
import { useSharedEventExecution } from './schema/events/shared-execution';
import { graphiqlTabs } from './schema/graphiql-tabs';
import type { VendorClients } from './sources/clients';
import type { DeadLetterStore } from './subscriptions/dead-letters';
import type { EventLog } from './subscriptions/event-log';
import { useWebhookRoutes } from './subscriptions/webhooks';
import { attachWebSockets } from './subscriptions/websocket';
import type { RequestListener, Server } from 'node:http';
import { PathParameterError } from './sources/http';
import { PayloadError } from './sources/normalise';
import { VendorError } from './sources/vendor-error';

const GRAPHQL_ENDPOINT = '/graphql';
/** Operations are small: a megabyte leaves room for a large document and its variables. */
const GRAPHQL_BODY_LIMIT = 1024 * 1024;
/** Yoga's default: any origin, with credentials. One object for Yoga and the direct listener. */
const CORS: CORSOptions = {};
/**
 * Parse errors are not cached. Yoga gives a parse error its status (400) after parsing, and only
 * in an HTTP request's context; an error first met by the direct listener or over graphql-ws
 * would be cached without it, and every later HTTP request for that document answered 200.
 */
const UNCACHED_PARSE_ERRORS = { get: () => undefined, set: () => undefined };

export interface GatewayDeps {
  agency: Agency;
  /** The agency's vendor clients, built once: the Canopy client caches its access token. */
  clients: VendorClients;
  links: LinkStore;
  reportDocuments: ReportDocumentStore;
  reportLinks: ReportLinks;
  callbackUrls: CallbackUrls;
  readiness: ReadinessCheck[];
  events: EventLog;
  deadLetters: DeadLetterStore;
  /** The secret path segment of the webhook routes. */
  webhookSecret: string;
  /** Served at /metrics; the vendor clients report their calls to it themselves. */
  metrics: Metrics;
  /** What one request may cost: document depth and tokens, answer size, deadline. @default DEFAULT_OPERATION_LIMITS */
  limits?: OperationLimits;
}

export interface Gateway {
  /** The Node listener to serve: plain JSON queries and mutations run directly, the rest through Yoga. */
  listener: RequestListener;
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  /** Serves graphql-ws on the server's GraphQL path; the function returned closes every socket. */
  attachWebSockets(server: Server): () => Promise<void>;
}

/** The whole gateway as a request handler (`yoga` is also a fetch handler); it never listens. */
export function createGateway(deps: GatewayDeps): Gateway {
  const logger = createGatewayLogger();
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: withAnswerBudget(schema),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    // useGraphQLBodyLimit below does the same job at a fraction of the cost.
    maxRequestBodySize: false,
    parserAndValidationCache: { errorCache: UNCACHED_PARSE_ERRORS },
    cors: CORS,
    context: (): GatewayContext => ({
      principal: { subject: 'anonymous', agencyId: deps.agency.id, scopes: new Set(SCOPES), credential: { kind: 'none' } },
      agency: deps.agency,
      clients: deps.clients,
      loaders: createLoaders(deps.clients, deps.links, deps.reportDocuments, deps.agency),
      links: deps.links,
      reportDocuments: deps.reportDocuments,
      reportLinks: deps.reportLinks,
      callbackUrls: deps.callbackUrls,
      events: deps.events,
    }),
    graphiql: { title: 'rentgraph', defaultTabs: graphiqlTabs() },
    // GraphiQL served from the gateway itself, not a CDN: it works offline and behind strict firewalls.
    renderGraphiQL,
    maskedErrors: { maskError },
    logging: logger,
    plugins: withRouteErrors([
      ...useOperationLimits(deps.limits ?? DEFAULT_OPERATION_LIMITS),
      useOperationMetrics(deps.metrics),
      useMetricsRoute(deps.metrics.registry),
      useSharedEventExecution(),
      useGraphQLBodyLimit(GRAPHQL_BODY_LIMIT),
      useOperationNameParam(),
      useCompressedPages(),
      useHealthRoutes(deps.readiness),
      useReportRoute(deps.reportLinks, (agencyId) => (agencyId === deps.agency.id ? deps.clients.canopyReferencing : undefined)),
      useWebhookRoutes({
        secret: deps.webhookSecret,
        agencyId: deps.agency.id,
        events: deps.events,
        links: deps.links,
        reportDocuments: deps.reportDocuments,
        deadLetters: deps.deadLetters,
        counter: deps.metrics.webhooks,
        // The notes answer is the one that names the renter.
        renterEmail: async (canopyReferenceId) => (await deps.clients.canopyReferencing.getPassportNotes(canopyReferenceId)).renter.email,
      }),
    ], (error) => logger.error('route failed', error)),
  });
  return {
    listener: directExecution(yoga, { graphqlEndpoint: GRAPHQL_ENDPOINT, bodyLimit: GRAPHQL_BODY_LIMIT, cors: CORS }),
    yoga,
    attachWebSockets: (server) => attachWebSockets(server, yoga),
  };
}

/**
 * Vendor failures reach the client with a message a person can act on and `extensions.code`
 * and `extensions.vendor`; anything unexpected is masked.
 */
function maskError(error: unknown, message: string): Error {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const original = graphqlError ? graphqlError.originalError : error;
  const path = graphqlError?.path;
  if (original instanceof VendorError) {
    return createGraphQLError(original.message, {
      path,
      extensions: {
        code: original.code,
        vendor: original.vendor,
        status: original.status,
        endpoint: original.endpoint,
        requestId: original.requestId,
      },
    });
  }
  if (original instanceof PayloadError) {
    return createGraphQLError(`A vendor sent data the gateway could not read: ${original.message}`, {
      path,
      extensions: { code: 'VENDOR_ERROR' },
    });
  }
  if (original instanceof PathParameterError) {
    return createGraphQLError(`An id cannot be sent to the vendor: ${original.message}`, { path, extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (graphqlError && (!original || original instanceof GraphQLError)) return graphqlError;
  console.error('unexpected error', original);
  return createGraphQLError(message, { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
