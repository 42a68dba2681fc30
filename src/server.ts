import { createGraphQLError, createYoga, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { createLoaders, type Agency, type CallbackUrls, type GatewayContext } from './context';
import { useHealthRoutes, type ReadinessCheck } from './http/health-routes';
import type { ReportLinks } from './http/report-links';
import { useReportRoute } from './http/report-route';
import type { LinkStore } from './links/link-store';
import { schema } from './schema';
import { graphiqlTabs } from './schema/graphiql-tabs';
import type { VendorClients } from './sources/clients';
import { PayloadError } from './sources/normalise';
import { VendorError } from './sources/vendor-error';

export interface GatewayDeps {
  agency: Agency;
  /** The agency's vendor clients, built once: the Canopy client caches its access token. */
  clients: VendorClients;
  links: LinkStore;
  reportLinks: ReportLinks;
  callbackUrls: CallbackUrls;
  readiness: ReadinessCheck[];
}

export interface Gateway {
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
}

/** The whole gateway as a request handler (`yoga` is a Node listener and a fetch handler); it never listens. */
export function createGateway(deps: GatewayDeps): Gateway {
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context: (): GatewayContext => ({
      agency: deps.agency,
      clients: deps.clients,
      loaders: createLoaders(deps.clients, deps.links, deps.agency),
      links: deps.links,
      reportLinks: deps.reportLinks,
      callbackUrls: deps.callbackUrls,
    }),
    graphiql: { title: 'rentgraph', defaultTabs: graphiqlTabs() },
    maskedErrors: { maskError },
    plugins: [useHealthRoutes(deps.readiness), useReportRoute(deps.reportLinks, () => deps.clients.canopyReferencing)],
  });
  return { yoga };
}

/**
 * Vendor failures reach the client with a message a person can act on and `extensions.code`
 * and `extensions.vendor`; anything unexpected is masked.
 */
function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof VendorError) {
    return createGraphQLError(original.message, {
      path: error instanceof GraphQLError ? error.path : undefined,
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
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'VENDOR_ERROR' },
    });
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  console.error('unexpected error', original);
  return createGraphQLError(message, { path: error instanceof GraphQLError ? error.path : undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
