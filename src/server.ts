import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { CORSOptions } from '@whatwg-node/server';
import { createGraphQLError, createYoga, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { AgencyServicesCache } from './agencies/agency-services';
import type { Principal } from './auth/principal';
import { createLoaders, type AgencyAdmin, type GatewayContext } from './context';
import { useAuthentication, type CallerAuthentication } from './http/authentication';
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
import type { DeadLetterStore } from './subscriptions/dead-letters';
import type { EventLog } from './subscriptions/event-log';
import { useCredentialWatch } from './subscriptions/credential-watch';
import type { WebhookAgencies } from './subscriptions/webhook-secrets';
import { useWebhookRoutes } from './subscriptions/webhooks';
import { attachWebSockets } from './subscriptions/websocket';
import type { RequestListener, Server } from 'node:http';
import { PathParameterError } from './sources/http';
import { PayloadError } from './sources/normalise';
import { VendorError } from './sources/vendor-error';
import { useOperationSpans } from './telemetry/operation-spans';

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
  /** Each agency's vendor clients and webhook URLs, by agency id. */
  agencies: AgencyServicesCache;
  /** Who is calling: every GraphQL request and socket is authenticated before anything runs. */
  authentication: CallerAuthentication;
  /** Which agency a webhook URL's secret names. */
  webhookAgencies: WebhookAgencies;
  links: LinkStore;
  reportDocuments: ReportDocumentStore;
  reportLinks: ReportLinks;
  readiness: ReadinessCheck[];
  events: EventLog;
  deadLetters: DeadLetterStore;
  /** Served at /metrics; the vendor clients report their calls to it themselves. */
  metrics: Metrics;
  /** The bearer token /metrics asks for (METRICS_TOKEN); open without one. */
  metricsToken?: string;
  /** What one request may cost: document depth and tokens, answer size, deadline. @default DEFAULT_OPERATION_LIMITS */
  limits?: OperationLimits;
  /** The agencies, API keys and Canopy keys the admin fields change. */
  admin: AgencyAdmin;
  /** Headers GraphiQL opens with (the sandbox's development token). */
  graphiqlHeaders?: Record<string, string>;
}

/** What the transports hand the context factory: the principal they authenticated. */
interface ServerContext {
  principal?: Principal;
}

export interface Gateway {
  /** The Node listener to serve: plain JSON queries and mutations run directly, the rest through Yoga. */
  listener: RequestListener;
  yoga: YogaServerInstance<ServerContext, GatewayContext>;
  /** Serves graphql-ws on the server's GraphQL path; the function returned closes every socket. */
  attachWebSockets(server: Server): () => Promise<void>;
}

/** The whole gateway as a request handler (`yoga` is also a fetch handler); it never listens. */
export function createGateway(deps: GatewayDeps): Gateway {
  const logger = createGatewayLogger();
  const principals = new WeakMap<Request, Principal>();
  const yoga = createYoga<ServerContext, GatewayContext>({
    schema: withAnswerBudget(schema),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    // useGraphQLBodyLimit below does the same job at a fraction of the cost.
    maxRequestBodySize: false,
    parserAndValidationCache: { errorCache: UNCACHED_PARSE_ERRORS },
    cors: CORS,
    context: async ({ request, principal }): Promise<GatewayContext> => {
      // Every transport authenticates first; a context without a principal is a gateway bug, so it fails closed.
      const caller = principal ?? (request && principals.get(request));
      if (!caller) throw createGraphQLError('Authentication is required', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      const services = await deps.agencies.get(caller.agencyId);
      if (!services) throw createGraphQLError('The agency of this credential does not exist', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
      return {
        principal: caller,
        agency: services.agency,
        clients: services.clients,
        loaders: createLoaders(services.clients, deps.links, deps.reportDocuments, services.agency),
        links: deps.links,
        reportDocuments: deps.reportDocuments,
        reportLinks: deps.reportLinks,
        callbackUrls: services.callbackUrls,
        events: deps.events,
        admin: deps.admin,
      };
    },
    graphiql: {
      title: 'rentgraph',
      defaultTabs: graphiqlTabs(deps.graphiqlHeaders),
      ...(deps.graphiqlHeaders && { headers: JSON.stringify(deps.graphiqlHeaders, null, 2) }),
    },
    // GraphiQL served from the gateway itself, not a CDN: it works offline and behind strict firewalls.
    renderGraphiQL,
    maskedErrors: { maskError },
    logging: logger,
    plugins: withRouteErrors([
      useOperationSpans(),
      useAuthentication(deps.authentication, principals, GRAPHQL_ENDPOINT),
      ...useOperationLimits(deps.limits ?? DEFAULT_OPERATION_LIMITS),
      useOperationMetrics(deps.metrics),
      useMetricsRoute(deps.metrics.registry, deps.metricsToken),
      useCredentialWatch(deps.authentication),
      useSharedEventExecution(),
      useGraphQLBodyLimit(GRAPHQL_BODY_LIMIT),
      useOperationNameParam(),
      useCompressedPages(),
      useHealthRoutes(deps.readiness),
      useReportRoute(deps.reportLinks, async (agencyId) => (await deps.agencies.get(agencyId))?.clients.canopyReferencing),
      useWebhookRoutes({
        agencyFor: (secret) => deps.webhookAgencies.agencyFor(secret),
        events: deps.events,
        links: deps.links,
        reportDocuments: deps.reportDocuments,
        deadLetters: deps.deadLetters,
        counter: deps.metrics.webhooks,
        clients: async (agencyId) => (await deps.agencies.get(agencyId))?.clients,
      }),
    ], (error) => logger.error('route failed', error)),
  });
  return {
    listener: directExecution(yoga, { graphqlEndpoint: GRAPHQL_ENDPOINT, bodyLimit: GRAPHQL_BODY_LIMIT, cors: CORS, authentication: deps.authentication }),
    yoga,
    attachWebSockets: (server) => attachWebSockets(server, yoga, deps.authentication),
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
