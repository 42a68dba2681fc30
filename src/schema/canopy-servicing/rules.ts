import { checkFormat, type Maybe } from '../input-checks';
import { UNLISTED } from '../vendor-enum';
import type { ProblemList } from '../validation-error';

/** The reference's `phonenumber` format: digits with the usual separators. */
const PHONE = /^\+?[\d\s().-]{7,20}$/;
const BACKDATING_MS = 10 * 24 * 60 * 60 * 1000;

export const E164 = /^\+[1-9]\d{1,14}$/;
/** Five digits, or ZIP+4. */
export const US_ZIP = /^\d{5}(-?\d{4})?$/;

export function checkPhone(problems: ProblemList, field: string, value: Maybe<string>): void {
  checkFormat(problems, field, value, PHONE, 'a phone number');
}

/** `UNLISTED` is how a vendor value outside the documentation reads back; it is never one to send. */
export function checkListed(problems: ProblemList, field: string, value: Maybe<string>): void {
  if (value === UNLISTED) problems.add(field, 'oneOf', 'must be one of the values the vendor documents, not UNLISTED');
}

export function checkPositiveCents(problems: ProblemList, field: string, value: number | null | undefined): void {
  if (value !== null && value !== undefined && value <= 0) problems.add(field, 'greaterThan', 'must be a positive number of cents');
}

export function checkAtLeast(problems: ProblemList, field: string, value: number | null | undefined, min: number): void {
  if (value !== null && value !== undefined && value < min) problems.add(field, 'min', `must be at least ${min}`);
}

/** "Although it is being added to Canopy today, it can actually be effective as of 10 days ago." */
export function checkBackdating(problems: ProblemList, field: string, value: Date | null | undefined, now = new Date()): void {
  if (value && now.getTime() - value.getTime() > BACKDATING_MS) problems.add(field, 'notBefore', 'can be at most 10 days in the past');
}

/** `undefined` for GraphQL's absent-or-null, as the client takes it. */
export function given<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}
