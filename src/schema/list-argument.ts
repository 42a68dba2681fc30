import { createGraphQLError } from 'graphql-yoga';

/**
 * Most items a list argument takes (`tenants(emails:)`, `nodes(ids:)`): each item costs vendor
 * calls, so a longer list is refused before any is made.
 */
export const MAX_LIST_ARGUMENT_ITEMS = 100;

export function checkListArgument(argument: string, items: readonly unknown[]): void {
  if (items.length <= MAX_LIST_ARGUMENT_ITEMS) return;
  throw createGraphQLError(`${argument}: at most ${MAX_LIST_ARGUMENT_ITEMS} at once, got ${items.length}`, {
    extensions: { code: 'BAD_USER_INPUT', field: argument, rule: 'maxItems' },
  });
}
