/**
 * Which operation limits an answer's errors name, so a run with tight limits can show that each
 * limit was met and refused well, not just configured: armor's "Query depth limit of 7 exceeded"
 * as `depth`, the answer budget's "(MAX_ANSWER_NODES)" as `MAX_ANSWER_NODES`.
 */
const ARMOR_LIMIT = /\b(depth|Token|Aliases|Directives) limit of \d+ exceeded/g;
const BUDGET_LIMIT = /\((MAX_[A-Z_]+)\)/g;

export function limitsNamedIn(answerText: string): string[] {
  return [...answerText.matchAll(ARMOR_LIMIT), ...answerText.matchAll(BUDGET_LIMIT)].map(([, name]) => name!.toLowerCase());
}
