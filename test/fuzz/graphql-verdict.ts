/**
 * The rules every GraphQL answer must keep: never a 5xx, never `INTERNAL_SERVER_ERROR`; a
 * refusal (an error the gateway raised, not a vendor's answer, or a ValidationError result)
 * names what it refuses — a variable, argument or field, the limit broken, or, for a syntax
 * error, its location.
 */
import type { GraphQLCase } from './graphql-mutators';

interface GraphQLError {
  message?: unknown;
  locations?: unknown[];
  extensions?: Record<string, unknown>;
}

/** A limit's refusal names the limit it broke: armor's "Aliases limit of 2 exceeded", or the variable that sets it, "(MAX_ANSWER_NODES)". */
const NAMES_A_LIMIT = /\b\w+ limit of \d+ exceeded\b|\(MAX_[A-Z_]+\)/;

const mentions = (text: string, name: string) => new RegExp(`(^|[^\\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`).test(text);

/** The document the request carried, when it is readable. */
function documentOf(body: string): string {
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' ? query : '';
  } catch {
    return '';
  }
}

function namesSomething(error: GraphQLError, testCase: GraphQLCase): boolean {
  const message = String(error.message ?? '');
  if (message.startsWith('Syntax Error') && (error.locations?.length ?? 0) > 0) return true;
  if (NAMES_A_LIMIT.test(message)) return true;
  const text = `${message} ${JSON.stringify(error.extensions ?? {})}`;
  if (testCase.names.some((name) => mentions(text, name))) return true;
  // graphql-js quotes what it refuses (`Cannot query field "x"`, `Variable "$input"`, `Unknown directive "@x"`): a quoted name of the document counts.
  const document = documentOf(testCase.body);
  return [...message.matchAll(/"[$@]?([_A-Za-z]\w*)"/g)].some(([, name]) => mentions(document, name!));
}

/** ValidationError results anywhere in the data: each problem must name its field. */
function validationProblems(data: unknown): Array<{ field?: unknown }> {
  if (data === null || typeof data !== 'object') return [];
  const node = data as Record<string, unknown>;
  const own = node.__typename === 'ValidationError' && Array.isArray(node.problems) ? (node.problems as Array<{ field?: unknown }>) : [];
  return [...own, ...Object.values(node).flatMap(validationProblems)];
}

export function judgeGraphQL(testCase: GraphQLCase, status: number, text: string): string[] {
  if (status >= 500) return [`${status}`];
  let answer: { data?: unknown; errors?: GraphQLError[] };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return [`${status} answer is not JSON`];
  }
  const errors = answer.errors ?? [];
  const failures = new Set<string>();
  if (errors.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) failures.add('INTERNAL_SERVER_ERROR');
  const refusals = errors.filter((error) => error.extensions?.vendor === undefined && error.extensions?.code !== 'INTERNAL_SERVER_ERROR');
  const problems = validationProblems(answer.data);
  if (refusals.some((error) => !namesSomething(error, testCase))) failures.add('refusal does not name the argument/field');
  if (problems.some((problem) => typeof problem.field !== 'string' || problem.field === '')) failures.add('ValidationError problem without a field');
  const refused = refusals.length > 0 || problems.length > 0;
  if (testCase.expect === 'refuse' && !refused && !failures.has('INTERNAL_SERVER_ERROR')) failures.add('accepted, should refuse');
  if (testCase.expect === 'accept' && refused) failures.add('refused, should accept');
  return [...failures];
}
