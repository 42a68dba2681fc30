import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import { documentIdOf } from './document-id';
import { PERSISTED_ERRORS, type PersistedDocuments } from './persisted-documents';

/**
 * Persisted documents over HTTP and SSE, by Yoga's own plugin fed with the gateway's one rule
 * (`PersistedDocuments`): the id from `documentId` (a URL parameter over GET) or APQ's
 * `extensions.persistedQuery`, the document from the manifest, and text only from the principals
 * allowed it. Nothing is registered at run time: under `require`, a registered document would be
 * an arbitrary one by another name. Must come before every plugin that reads the document.
 */
export function usePersistedDocuments(documents: PersistedDocuments, principalOf: (request: Request) => Principal | undefined): Plugin[] {
  if (documents.mode === 'off') return [];
  const getUrl = (request: Request) => (request.method === 'GET' ? new URL(request.url) : undefined);
  return [
    {
      // The library runs `query` whenever there is one; a request naming a document as well is ambiguous.
      onParams({ params, request }) {
        const named = (params as { documentId?: unknown }).documentId ?? getUrl(request)?.searchParams.get('documentId') ?? undefined;
        if (params.query && named !== undefined) {
          throw createGraphQLError(PERSISTED_ERRORS.both.message, { extensions: PERSISTED_ERRORS.both.extensions });
        }
      },
    },
    usePersistedOperations({
      extractPersistedOperationId: (params, request) => documentIdOf(params, getUrl(request)) ?? null,
      getPersistedOperation: (id) => documents.lookup(id),
      allowArbitraryOperations: (request) => documents.mayRunText(principalOf(request)),
      customErrors: {
        notFound: PERSISTED_ERRORS.notFound,
        persistedQueryOnly: PERSISTED_ERRORS.textRefused,
        keyNotFound: PERSISTED_ERRORS.noDocument,
      },
    }),
  ];
}
