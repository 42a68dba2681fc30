import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { SUGGESTION_MASK, useSuggestionMask } from './suggestion-mask';

export interface DocumentLimits {
  /** Deepest selection nesting of an operation, fragments counted as a level (introspection's `__schema` not counted). */
  maxDepth: number;
  /** Most lexical tokens in a document; counted while parsing, so a longer one is never parsed whole. */
  maxTokens: number;
  /**
   * Most aliases in an operation, its fragments' included (`__typename` not counted). It also
   * bounds the root fields an operation runs: a root field repeated without an alias is merged
   * and runs once, so an operation runs at most the schema's root fields plus this many.
   */
  maxAliases: number;
  /** Most directives in an operation, its fragments' included. */
  maxDirectives: number;
  /**
   * Masks graphql-js's "Did you mean …?" in validation errors, so a misspelt field does not
   * list the schema's fields to a caller who may not introspect it; set where introspection is off.
   */
  blockFieldSuggestions: boolean;
}

/** Armor's own rules throw out of validate(); reported instead, they answer as any other validation error (400). */
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) => context?.reportError(error)],
};

/**
 * graphql-armor's checks of the document itself, before any execution: the token limit stops
 * the parser; the depth, alias and directive limits are validation rules, and their messages
 * name the limit and the count found. Armor's cost limit stays off: what an operation costs
 * here is its vendor calls, which armor does not count.
 * Pinned at graphql-armor 3.2.0 (3.1.7 was the first): its max-depth 2.4.2 no longer skips a
 * fragment named `__schema` as introspection, nor reuses a fragment's depth from a shallower spread.
 */
export function documentLimitPlugins(limits: DocumentLimits): Plugin[] {
  const armor = new EnvelopArmor({
    // Armor's own message ("Token limit of n exceeded.") says which limit but not what it counts.
    maxTokens: { n: limits.maxTokens, exposeLimits: false, errorMessage: `Token limit of ${limits.maxTokens} exceeded: a document may have at most ${limits.maxTokens} tokens.` },
    maxDepth: { n: limits.maxDepth, ...reportAsValidationError },
    maxAliases: { n: limits.maxAliases, ...reportAsValidationError },
    maxDirectives: { n: limits.maxDirectives, ...reportAsValidationError },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions, mask: SUGGESTION_MASK },
  });
  const plugins = armor.protect().plugins as Plugin[];
  return limits.blockFieldSuggestions ? [...plugins, useSuggestionMask()] : plugins;
}
