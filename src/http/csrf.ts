import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Headers a browser never sends cross-site without a CORS preflight, which the gateway's CORS
 * rules then refuse for an origin not allowed. The credentials' headers count: a request carrying
 * one was preflighted. The others are what clients send for the purpose (the GraphQL over HTTP
 * draft's, Apollo's and Yoga's), for a GET without a credential.
 */
export const PREFLIGHTED_HEADERS = [
  'authorization',
  'x-api-key',
  'graphql-require-preflight',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-graphql-yoga-csrf',
];

const REFUSAL =
  'A request a browser could send from any site without a preflight is refused: POST with Content-Type application/json, ' +
  `or send one of the headers ${PREFLIGHTED_HEADERS.join(', ')}.`;

/**
 * Refuses (403) a GraphQL request that a page on any site could make its visitor's browser send
 * without a preflight: an urlencoded, multipart or text/plain POST, or a GET, that carries none of
 * {@link PREFLIGHTED_HEADERS}. A JSON POST is always preflighted cross-origin, so it passes (the
 * direct listener takes only those). Yoga's plugin makes the decision; its message names no rule,
 * so the refusal is said again with one. Runs when Yoga parses the request, after authentication.
 */
export function useCrossSiteRequestRefusal(): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: PREFLIGHTED_HEADERS });
  return {
    onRequestParse(payload) {
      try {
        // The plugin's hook is synchronous: it returns nothing or throws.
        prevention.onRequestParse?.(payload as never);
      } catch {
        throw createGraphQLError(REFUSAL, { extensions: { code: 'CROSS_SITE_REQUEST_REFUSED', http: { status: 403 } } });
      }
    },
  };
}
