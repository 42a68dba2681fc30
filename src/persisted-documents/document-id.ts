import { createGraphQLError } from 'graphql-yoga';

/** What a request may carry besides (or instead of) its `query`. */
export interface PersistedParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

const SHA256_ID = /^sha256:[0-9a-f]{64}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The id of the persisted document a request names, as `sha256:<hex>`, or undefined when it names
 * none. Two spellings: `documentId` (GraphQL over HTTP persisted documents; over GET, a URL
 * parameter) and APQ's `extensions.persistedQuery: { version: 1, sha256Hash }`. A malformed id is
 * refused, naming the field and its rule, rather than looked up.
 */
export function documentIdOf(params: PersistedParams, url?: URL): string | undefined {
  const documentId = params.documentId ?? url?.searchParams.get('documentId') ?? undefined;
  const persistedQuery = persistedQueryOf(params.extensions);
  if (documentId !== undefined && persistedQuery !== undefined) {
    throw badRequest('Send the document id once: "documentId" or "extensions.persistedQuery", not both.');
  }
  if (documentId !== undefined) {
    if (typeof documentId !== 'string' || !SHA256_ID.test(documentId)) {
      throw badRequest('"documentId" must be "sha256:" followed by 64 lower-case hex digits.');
    }
    return documentId;
  }
  if (persistedQuery === undefined) return undefined;
  const { version, sha256Hash } = persistedQuery as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) throw badRequest('"extensions.persistedQuery.version" must be 1.');
  if (typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    throw badRequest('"extensions.persistedQuery.sha256Hash" must be 64 lower-case hex digits.');
  }
  return `sha256:${sha256Hash}`;
}

function persistedQueryOf(extensions: unknown): unknown {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  return (extensions as { persistedQuery?: unknown }).persistedQuery ?? undefined;
}

function badRequest(message: string) {
  return createGraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}
