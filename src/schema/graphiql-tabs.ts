import { readdirSync, readFileSync } from 'node:fs';

const OPERATIONS = new URL('../../operations/', import.meta.url);

/** GraphiQL opens with one tab per example operation in `operations/`. */
export function graphiqlTabs(): Array<{ query: string; variables?: string }> {
  return readdirSync(OPERATIONS)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(new URL(file, OPERATIONS), 'utf8');
      const variables = new URL(file.replace(/\.graphql$/, '.variables.json'), OPERATIONS);
      try {
        return { query, variables: readFileSync(variables, 'utf8') };
      } catch {
        return { query };
      }
    });
}
