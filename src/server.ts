import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createGraphQLError, createYoga, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { AgencyServicesCache } from './agencies/agency-services';
import type { Principal } from './auth/principal';
import { createLoaders, type AgencyAdmin, type GatewayContext } from './context';
import { useAuthentication, type CallerAuthentication } from './http/authentication';
import { useCompressedPages } from './http/compressed-pages';
import { createCorsPolicy, type CorsConfig, type CorsPolicy } from './http/cors';
import { useCrossSiteRequestRefusal } from './http/csrf';
import { directExecution } from './http/direct-execution';
import { createGatewayLogger } from './http/gateway-logger';
import { useGraphQLBodyLimit } from './http/graphql-body-limit';
import { useHealthRoutes, type ReadinessCheck } from './http/health-routes';
import { useOperationNameParam } from './http/operation-name-param';
import type { ReportLinks } from './http/report-links';
import { useReportRoute } from './http/report-route';
import { withRouteErrors } from './http/route-errors';
import { useSchemaExposure, type SchemaExposure } from './http/schema-exposure';
import { withAnswerBudget } from './limits/answer-budget';
import { DEFAULT_OPERATION_LIMITS, useOperationLimits, type OperationLimits } from './limits/operation-limits';
import type { LinkStore } from './links/link-store';
import type { GatewayRateLimits } from './rate-limits/gateway-rate-limits';
import { useRateLimits } from './rate-limits/use-rate-limits';
import { useSubscriptionCaps } from './rate-limits/use-subscription-caps';
import type { ReportDocumentStore } from './links/report-documents';
import type { PersistedDocuments } from './persisted-documents/persisted-documents';
import { usePersistedDocuments } from './persisted-documents/use-persisted-documents';
import { usePrivateGetAnswers } from './persisted-documents/use-private-get-answers';
import { schema } from './schema';
import type { Logger } from './logging/logger';
import { useOperationLog } from './logging/operation-log';
import { subgraphSchema } from './schema/federation/subgraph-schema';
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
/** Without deps.cors: the gateway's own origin and loopback ones, as outside production without CORS_ORIGINS. */
const DEVELOPMENT_CORS: CorsConfig = { origins: [], loopback: true, credentials: false };
/** Without deps.exposure: today's friendly defaults. */
const FULL_EXPOSURE: SchemaExposure = { graphiql: true, introspection: true };
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
  /** Requests and vendor calls per principal and agency, and caps on open subscriptions; none when absent. */
  rateLimits?: GatewayRateLimits;
  /** The agencies, API keys and Canopy keys the admin fields change. */
  admin: AgencyAdmin;
  /** Which documents run (PERSISTED_DOCUMENTS): the same rule on every transport. */
  persistedDocuments: PersistedDocuments;
  /**
   * Serve the schema as a Federation v2 subgraph (`_service`, `_entities`) for a CRM's router.
   * Off by default: `_entities` reaches up to 100 objects by key in one field and `_service`
   * prints the schema, which a browser's client needs neither of. @default false
   */
  federation?: boolean;
  /** Headers GraphiQL opens with (the sandbox's development token). */
  graphiqlHeaders?: Record<string, string>;
  /** The browser origins that may call (CORS_ORIGINS), over HTTP and WebSocket. @default DEVELOPMENT_CORS */
  cors?: CorsConfig;
  /** GRAPHIQL and INTROSPECTION. @default FULL_EXPOSURE */
  exposure?: SchemaExposure;
  /** Where every line the gateway logs goes: one per operation and per webhook, and failures. */
  logger: Logger;
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
  /** The CORS rules Yoga, the direct listener and the WebSocket upgrade share. */
  cors: CorsPolicy;
}

/** The whole gateway as a request handler (`yoga` is also a fetch handler); it never listens. */
export function createGateway(deps: GatewayDeps): Gateway {
  const logger = createGatewayLogger(deps.logger);
  const principals = new WeakMap<Request, Principal>();
  const cors = createCorsPolicy(deps.cors ?? DEVELOPMENT_CORS);
  const exposure = deps.exposure ?? FULL_EXPOSURE;
  const operationLog = useOperationLog(deps.logger, { graphqlEndpoint: GRAPHQL_ENDPOINT, principalOf: (request) => principals.get(request) });
  const yoga = createYoga<ServerContext, GatewayContext>({
    schema: withAnswerBudget(deps.federation ? subgraphSchema() : schema),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    // useGraphQLBodyLimit below does the same job at a fraction of the cost.
    maxRequestBodySize: false,
    parserAndValidationCache: { errorCache: UNCACHED_PARSE_ERRORS },
    cors: (request) => cors.optionsFor(request),
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
    graphiql: exposure.graphiql && {
      title: 'rentgraph',
      defaultTabs: graphiqlTabs(deps.graphiqlHeaders),
      ...(deps.graphiqlHeaders && { headers: JSON.stringify(deps.graphiqlHeaders, null, 2) }),
    },
    // GraphiQL served from the gateway itself, not a CDN: it works offline and behind strict firewalls.
    renderGraphiQL,
    maskedErrors: { maskError: (error, message) => maskError(error, message, logger), errorMessage: UNEXPECTED_ERROR },
    logging: logger,
    plugins: withRouteErrors([
      operationLog.requests,
      useAuthentication(deps.authentication, principals, GRAPHQL_ENDPOINT),
      useCrossSiteRequestRefusal(),
      ...useSchemaExposure(exposure, GRAPHQL_ENDPOINT),
      // Before anything reads the document: a persisted one replaces its id here.
      ...usePersistedDocuments(deps.persistedDocuments, (request) => principals.get(request)),
      usePrivateGetAnswers(GRAPHQL_ENDPOINT),
      ...(deps.rateLimits ? [useRateLimits(deps.rateLimits.requests)] : []),
      ...useOperationLimits(deps.limits ?? DEFAULT_OPERATION_LIMITS),
      useOperationMetrics(deps.metrics),
      useMetricsRoute(deps.metrics.registry, deps.metricsToken),
      useCredentialWatch(deps.authentication),
      useSharedEventExecution(),
      ...(deps.rateLimits ? [useSubscriptionCaps(deps.rateLimits.subscriptions, deps.rateLimits.subscriptionsPerSocket)] : []),
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
        logger: deps.logger,
      }),
      // After every plugin that adds to a result (extensions.vendorCalls): its span reads the finished answer.
      useOperationSpans(),
      operationLog.operations,
    ], (error) => logger.error('route failed', error)),
  });
  return {
    listener: directExecution(yoga, {
      graphqlEndpoint: GRAPHQL_ENDPOINT,
      bodyLimit: GRAPHQL_BODY_LIMIT,
      cors: (request) => cors.optionsFor(request),
      authentication: deps.authentication,
      documents: deps.persistedDocuments,
    }),
    yoga,
    attachWebSockets: (server) =>
      attachWebSockets(server, yoga, {
        authentication: deps.authentication,
        allowsOrigin: (origin) => cors.allows(origin),
        documents: deps.persistedDocuments,
        maskError: (error) => maskError(error, UNEXPECTED_ERROR, logger),
      }),
    cors,
  };
}

/** What a client is told of an error the gateway did not expect (Yoga's own wording). */
const UNEXPECTED_ERROR = 'Unexpected error.';

/**
 * Vendor failures reach the client with a message a person can act on and `extensions.code`
 * and `extensions.vendor`; anything unexpected is masked.
 */
function maskError(error: unknown, message: string, logger: YogaLogger): GraphQLError {
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
  logger.error('unexpected error', original);
  return createGraphQLError(message, { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
