import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Deepest nesting of arrays and objects in one variable's value; the deepest input type the schema has is 3. */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * The path to the first value nested deeper than `limit` levels, or undefined.
 * Walked with a stack, not recursion: the value may be nested thousands of levels deep.
 */
function tooDeep(value: unknown, limit: number): Array<string | number> | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= limit) return path;
    for (const [key, member] of Object.entries(node)) stack.push({ value: member, path: [...path, Array.isArray(node) ? Number(key) : key] });
  }
  return undefined;
}

/** `input.dateOfBirth[0][0]…`: the path as far as its first few steps, enough to find the member. */
function shownPath(name: string, path: Array<string | number>): string {
  const steps = path.slice(0, 3).map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`));
  return `${name}${steps.join('')}${path.length > 3 ? '…' : ''}`;
}

function variableDepthError(variables: unknown, limit: number): GraphQLError | undefined {
  if (variables === null || typeof variables !== 'object') return undefined;
  for (const [name, value] of Object.entries(variables)) {
    const path = tooDeep(value, limit);
    if (path) {
      return createGraphQLError(`Variable "$${name}" is nested deeper than ${limit} levels (at ${shownPath(name, path)}).`, {
        extensions: { code: 'BAD_USER_INPUT', variable: name, rule: 'maxVariableDepth', http: { status: 400 } },
      });
    }
  }
  return undefined;
}

/**
 * Refuses a variable nested deeper than `limit` before graphql-js coerces it: a scalar's
 * `parseValue` may serialise or recurse into what it refuses (graphql-scalars' messages
 * `JSON.stringify` the value), and overflows the stack on a value thousands of levels deep.
 * In execute and subscribe, so it holds on every transport, the direct listener included.
 */
export function useVariableDepthLimit(limit = MAX_VARIABLE_DEPTH): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = variableDepthError(args.variableValues, limit);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = variableDepthError(args.variableValues, limit);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
