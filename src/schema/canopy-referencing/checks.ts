import type { Maybe } from '../input-checks';
import type { ProblemList } from '../validation-error';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as Canopy takes it, `YYYY-MM-DD`. */
export function checkDate(problems: ProblemList, field: string, value: Maybe<string>, required = true): void {
  if (value === null || value === undefined) {
    if (required) problems.add(field, 'required', 'is required');
    return;
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value)) {
    problems.add(field, 'format', 'must be a date in YYYY-MM-DD format');
  }
}

/** A value of a documented enum: refuses UNLISTED, which only answers may carry. */
export function checkOneOf<T extends string>(problems: ProblemList, field: string, value: string, values: readonly T[]): value is T {
  if ((values as readonly string[]).includes(value)) return true;
  problems.add(field, 'oneOf', `must be one of ${values.join(', ')}`);
  return false;
}

/** Pence that Canopy can carry: it takes whole pounds. */
export function checkWholePounds(problems: ProblemList, field: string, pence: number): void {
  if (pence % 100 !== 0) problems.add(field, 'integer', 'must be whole pounds (a multiple of 100 pence): Canopy takes integer pounds');
}
