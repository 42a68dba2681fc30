import { useDisableIntrospection } from '@envelop/disable-introspection';
import { shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';

/** What the gateway shows of its schema: GRAPHIQL and INTROSPECTION, off by default in production. */
export interface SchemaExposure {
  /** The GraphiQL page for a browser's GET of the endpoint. @default true (false when NODE_ENV=production) */
  graphiql: boolean;
  /** `__schema` and `__type`; `__typename` is always answered. Field suggestions follow it. @default true (false when NODE_ENV=production) */
  introspection: boolean;
}

/**
 * Introspection refused as a validation error, on every transport: envelop's plugin adds graphql's
 * NoSchemaIntrospectionCustomRule in `onValidate`, which graphql-ws and the direct listener run
 * too. (Yoga's own plugin decides in `onRequestParse`, which only Yoga's HTTP route calls, so a
 * JSON POST to the direct listener or a graphql-ws operation would still introspect.)
 * With GraphiQL off, a browser asking for the page gets 404 instead of a GraphQL answer.
 */
export function useSchemaExposure(exposure: SchemaExposure, endpoint: string): Plugin[] {
  return [...(exposure.introspection ? [] : [useDisableIntrospection() as Plugin]), ...(exposure.graphiql ? [] : [useNoGraphiQL(endpoint)])];
}

function useNoGraphiQL(endpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      // The endpoint as Yoga matches it (see authentication.ts), where Yoga would render the page.
      const atEndpoint = [endpoint, `${endpoint}/`].some((path) => url.pathname === path || request.url.endsWith(path));
      if (!atEndpoint || !shouldRenderGraphiQL(request)) return;
      endResponse(new fetchAPI.Response('GraphiQL is off (GRAPHIQL=1 turns it on).', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    },
  };
}
