import { isEmail } from '../links/email';
import { UUID } from '../sources/id-formats';
import type { ProblemList } from './validation-error';

// The checks every vendor's inputs share; each adds its problems to the list and goes on.

export type Maybe<T> = T | null | undefined;

/**
 * A text the vendor needs to be more than blanks: GraphQL makes a required one present, this
 * makes it say something. An optional one may be absent, not blank. True when it has content.
 */
export function checkText(problems: ProblemList, field: string, value: Maybe<string>, required = true): boolean {
  if (value === null || value === undefined) {
    if (required) problems.add(field, 'required', 'is required');
    return false;
  }
  if (value.trim() !== '') return true;
  problems.add(field, required ? 'required' : 'notBlank', 'must not be blank');
  return false;
}

export function checkEmail(problems: ProblemList, field: string, value: Maybe<string>, required = true): void {
  if (checkText(problems, field, value, required) && !isEmail(value!.trim())) problems.add(field, 'format', 'must be an e-mail address');
}

/** A text that, when given, must match `format` (described as `what`). */
export function checkFormat(problems: ProblemList, field: string, value: Maybe<string>, format: RegExp, what: string, required = false): void {
  if (checkText(problems, field, value, required) && !format.test(value!.trim())) problems.add(field, 'format', `must be ${what}`);
}

export function checkUuid(problems: ProblemList, field: string, value: Maybe<string>): void {
  checkFormat(problems, field, value, UUID, 'a UUID');
}
