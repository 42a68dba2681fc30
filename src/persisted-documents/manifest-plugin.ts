import type { PluginFunction } from '@graphql-codegen/plugin-helpers';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { Kind, type DocumentNode } from 'graphql';
import { documentHash } from './manifest';

/**
 * The GraphQL Code Generator plugin that writes the trusted documents' manifest: each document
 * printed as the client preset's `persistedDocuments` prints it (sorted, white space reduced),
 * under the `sha256:<hex>` of that text. One operation per file, so that a file is one id.
 */
export const plugin: PluginFunction = (_schema, files) => {
  const manifest: Record<string, string> = {};
  for (const file of files) {
    if (!file.document) continue;
    const operations = file.document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) throw new Error(`${file.location}: a persisted document holds exactly one operation, this holds ${operations.length}`);
    const text = printPersistedDocument(file.document);
    manifest[documentHash(text)] = text;
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
};

/** A document as the manifest holds it, and as its id is computed from. */
export function printPersistedDocument(document: DocumentNode): string {
  return printExecutableGraphQLDocument(document);
}
