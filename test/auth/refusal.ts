import { expect } from 'vitest';
import { AuthFailure } from '../../src/auth/auth-failure';

/** The AuthFailure a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AuthFailure> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(AuthFailure);
  return error as AuthFailure;
}
