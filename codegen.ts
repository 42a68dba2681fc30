import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/schema';

/**
 * Prints the schema the code builds to `schema.graphql` (committed; CI fails when it drifts)
 * and types every example operation in `operations/` as a TypedDocumentNode for the tests.
 */
const config: CodegenConfig = {
  schema: printSchema(schema),
  documents: ['operations/*.graphql'],
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
  },
};

export default config;
