/**
 * The valid GraphQL requests the fuzzing starts from: every query and mutation of operations/
 * whose variables are given there (a `.variables.json` beside it, or none needed). Subscriptions
 * stay out: over plain POST they hold the connection open.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOperationAST, parse, type OperationDefinitionNode } from 'graphql';

export interface OperationSeed {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  operation: OperationDefinitionNode;
}

const OPERATIONS = fileURLToPath(new URL('../../operations', import.meta.url));

export function operationSeeds(): OperationSeed[] {
  return readdirSync(OPERATIONS)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file): OperationSeed[] => {
      const query = readFileSync(join(OPERATIONS, file), 'utf8');
      const operation = getOperationAST(parse(query));
      const variablesFile = join(OPERATIONS, file.replace(/\.graphql$/, '.variables.json'));
      const needsVariables = operation?.variableDefinitions?.some((v) => v.type.kind === 'NonNullType' && !v.defaultValue);
      if (!operation || operation.operation === 'subscription') return [];
      if (!existsSync(variablesFile) && needsVariables) return [];
      const variables = existsSync(variablesFile) ? (JSON.parse(readFileSync(variablesFile, 'utf8')) as Record<string, unknown>) : {};
      return [{ name: file, query, variables, operation }];
    });
}
