import type { CodegenConfig } from '@graphql-codegen/cli';
import type { CodegenPlugin } from '@graphql-codegen/plugin-helpers';
import { printSchema } from 'graphql';
import * as persistedDocumentsManifest from './src/persisted-documents/manifest-plugin';
import { schema } from './src/schema';

/** Our own plugins, by name; every other name is a package, as codegen loads it by default. */
const LOCAL_PLUGINS: Record<string, CodegenPlugin> = { 'persisted-documents-manifest': persistedDocumentsManifest };

/**
 * Prints the schema the code builds to `schema.graphql` (committed; CI fails when it drifts),
 * types every example operation in `operations/` as a TypedDocumentNode for the tests, and writes
 * their trusted-documents manifest (`sha256:<hex>` → document) for PERSISTED_DOCUMENTS.
 */
const config: CodegenConfig = {
  schema: printSchema(schema),
  documents: ['operations/*.graphql'],
  pluginLoader: async (name: string) => LOCAL_PLUGINS[name] ?? ((await import(name)) as CodegenPlugin),
  generates: {
    'schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false } },
    'operations/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { DateTime: 'string', Date: 'string', SafeInt: 'number', ID: 'string' },
        enumsAsTypes: true,
        avoidOptionals: true,
        useTypeImports: true,
      },
    },
    'operations/persisted-documents.json': { plugins: ['persisted-documents-manifest'] },
  },
};

export default config;
