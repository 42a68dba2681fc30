import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Refuses an `operationName` that is not a string, naming it: Yoga checks the other parameters'
 * types but not this one, and answers such a request "Could not determine what operation to
 * execute.", which does not say what is wrong. (graphql-ws checks it in its own messages.)
 */
export function useOperationNameParam(): Plugin {
  return {
    onParams({ params }) {
      const { operationName } = params as { operationName?: unknown };
      if (operationName == null || typeof operationName === 'string') return;
      const given = Array.isArray(operationName) ? 'array' : typeof operationName;
      throw createGraphQLError(`Expected "operationName" param to be empty or a string, but given ${given}.`, {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    },
  };
}
