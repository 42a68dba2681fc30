import { createGraphQLError } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import { documentIdOf, type PersistedParams } from './document-id';
import type { Manifest } from './manifest';

/**
 * `off`: documents are sent as text only, as before. `allow`: a request may name a persisted
 * document instead of sending it. `require`: only persisted documents run, but for the API keys
 * PERSISTED_DOCUMENTS_API_KEYS lets send their own.
 */
export type PersistedDocumentsMode = 'off' | 'allow' | 'require';

/** Under `require`, whether an API key (a server, not a browser) may still send documents as text. */
export type ApiKeyDocuments = 'persisted' | 'arbitrary';

export interface PersistedDocumentsConfig {
  /** PERSISTED_DOCUMENTS. @default "require" when NODE_ENV=production, else "allow" */
  mode: PersistedDocumentsMode;
  /** PERSISTED_DOCUMENTS_API_KEYS. @default "persisted" */
  apiKeys: ApiKeyDocuments;
  /** PERSISTED_DOCUMENTS_MANIFEST, read; empty when the mode is `off`. @default the manifest of operations/ */
  manifest: Manifest;
}

/** The one rule of which documents run, for every transport. */
export interface PersistedDocuments {
  readonly mode: PersistedDocumentsMode;
  /** Whether this principal may send a document as text. */
  mayRunText(principal: Principal | undefined): boolean;
  /** The trusted document of an id, or null. */
  lookup(id: string): string | null;
  /**
   * The text to run for a request's parameters: its own `query`, if the principal may send text,
   * or the persisted document it names. Throws the GraphQL error that refuses it.
   */
  documentFor(params: PersistedParams, principal: Principal | undefined): string;
}

export const PERSISTED_ERRORS = {
  notFound: {
    message: 'No persisted document has this id: run `npm run codegen` and deploy its manifest, or send the document as "query" where that is allowed.',
    // APQ's well-known code, which APQ clients answer by sending the document as text.
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
  },
  textRefused: {
    message: 'This gateway runs persisted documents only (PERSISTED_DOCUMENTS=require): send "documentId": "sha256:<hex>" of a document in its manifest instead of "query".',
    extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: { status: 400 } },
  },
  noDocument: {
    message: 'Send a document: "query" with its text, or "documentId": "sha256:<hex>" of a persisted document.',
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  },
  both: {
    message: 'Send either "query" or "documentId", not both.',
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  },
} as const;

export function createPersistedDocuments(config: PersistedDocumentsConfig): PersistedDocuments {
  const { mode, apiKeys, manifest } = config;
  const refuse = (error: (typeof PERSISTED_ERRORS)[keyof typeof PERSISTED_ERRORS]) => createGraphQLError(error.message, { extensions: error.extensions });

  function mayRunText(principal: Principal | undefined): boolean {
    if (mode !== 'require') return true;
    // Browsers hold JWTs; AUTH=off and an unknown caller are refused too (fail closed).
    return principal?.credential.kind === 'apiKey' && apiKeys === 'arbitrary';
  }

  return {
    mode,
    mayRunText,
    lookup: (id) => manifest.get(id) ?? null,
    documentFor(params, principal) {
      const text = typeof params.query === 'string' && params.query !== '' ? params.query : undefined;
      if (mode === 'off') return typeof params.query === 'string' ? params.query : '';
      // APQ sends the text beside its hash to register it; nothing is registered here, so the hash is not needed.
      if (text !== undefined && params.documentId !== undefined) throw refuse(PERSISTED_ERRORS.both);
      if (text !== undefined) {
        if (!mayRunText(principal)) throw refuse(PERSISTED_ERRORS.textRefused);
        return text;
      }
      const id = documentIdOf(params);
      if (id === undefined) throw refuse(PERSISTED_ERRORS.noDocument);
      const persisted = manifest.get(id);
      if (persisted === undefined) throw refuse(PERSISTED_ERRORS.notFound);
      return persisted;
    },
  };
}
