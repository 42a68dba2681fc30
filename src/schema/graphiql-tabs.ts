import { readdirSync, readFileSync } from 'node:fs';

const OPERATIONS = new URL('../../operations/', import.meta.url);
/** The showcase first: one screen from three vendors, then the same tenant live. */
const FIRST = ['tenant-dashboard.graphql', 'tenant-events.graphql'];

/** GraphiQL opens with one tab per example operation in `operations/`, each with the given headers (a credential). */
export function graphiqlTabs(headers?: Record<string, string>): Array<{ query: string; variables?: string; headers?: string }> {
  const tabHeaders = headers && { headers: JSON.stringify(headers, null, 2) };
  const rank = (file: string) => (FIRST.includes(file) ? FIRST.indexOf(file) : FIRST.length);
  return readdirSync(OPERATIONS)
    .filter((file) => file.endsWith('.graphql'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((file) => {
      const query = readFileSync(new URL(file, OPERATIONS), 'utf8');
      const variables = new URL(file.replace(/\.graphql$/, '.variables.json'), OPERATIONS);
      try {
        return { query, variables: readFileSync(variables, 'utf8'), ...tabHeaders };
      } catch {
        return { query, ...tabHeaders };
      }
    });
}
