import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What stands in a message for the suggestions taken out of it (graphql-armor's own default). */
export const SUGGESTION_MASK = '[Suggestion hidden]';

/** graphql-js ends a message with its suggestions: `Did you mean "name"?`, `Did you mean the enum value "ACTIVE"?`. */
const SUGGESTION = /\s*Did you mean .*\?$/s;

/** In place, as armor does: the errors are this request's own. */
function maskSuggestions(errors: readonly Error[] | undefined): void {
  for (const error of errors ?? []) {
    if (SUGGESTION.test(error.message)) error.message = `${error.message.replace(SUGGESTION, '')} ${SUGGESTION_MASK}`;
  }
}

/**
 * Masks the suggestions graphql-armor's blockFieldSuggestion leaves: it masks validation errors
 * of the `Did you mean "x"?` form only, but graphql-js also suggests enum values (`Did you mean
 * the enum value "X"?`) and, when it coerces the variables at execution, an input's fields.
 */
export function useSuggestionMask(): Plugin {
  return {
    onValidate: () => ({ result }) => maskSuggestions(result),
    onExecute: () => MASK_EXECUTION,
    onSubscribe: () => MASK_SUBSCRIPTION,
  };
}

function maskAnswer({ result }: { result: ExecutionResult | AsyncIterable<unknown> }): void {
  if (!(Symbol.asyncIterator in result)) maskSuggestions(result.errors);
}

// The same hooks for every operation: an open subscription holds its operation's hooks for as long as it lasts.
const MASK_EXECUTION = { onExecuteDone: maskAnswer };
const MASK_SUBSCRIPTION = { onSubscribeResult: maskAnswer };
