import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';

export interface DocumentLimits {
  /** Deepest selection nesting of an operation, fragments counted as a level (introspection's `__schema` not counted). */
  maxDepth: number;
  /** Most lexical tokens in a document; counted while parsing, so a longer one is never parsed whole. */
  maxTokens: number;
  /** Whether validation errors leave out "Did you mean …?" (graphql-armor's blockFieldSuggestion); set where introspection is off. */
  blockFieldSuggestions: boolean;
}

/**
 * graphql-armor's checks of the document itself, before any execution: the token limit stops
 * the parser, the depth limit is a validation rule. The other armor protections (aliases,
 * directives, cost) are configured here too, off until they are given limits.
 */
export function documentLimitPlugins(limits: DocumentLimits): Plugin[] {
  const armor = new EnvelopArmor({
    // Armor's own message ("Token limit of n exceeded.") says which limit but not what it counts.
    maxTokens: { n: limits.maxTokens, exposeLimits: false, errorMessage: `Token limit of ${limits.maxTokens} exceeded: a document may have at most ${limits.maxTokens} tokens.` },
    // Reported as a validation error, like any other rule's; armor's default throws out of validate().
    maxDepth: { n: limits.maxDepth, propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  });
  return armor.protect().plugins as Plugin[];
}
