import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';

/** Which count an operation was refused by, as named in the error. */
export type RateLimitName =
  | 'requests per principal'
  | 'requests per agency'
  | 'vendor calls per principal'
  | 'vendor calls per agency';

export interface RateLimitRefusal {
  limit: RateLimitName;
  /** The count's size per window. */
  points: number;
  /** Until the window in which the refused operation fits again. */
  retryAfterMs: number;
}

/** Whole seconds, rounded up, at least 1: what Retry-After and `retryAfterSeconds` say. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The error of an operation over a rate limit: `extensions.code` RATE_LIMITED and
 * `retryAfterSeconds` on every transport, and over HTTP a 429 with Retry-After (Yoga and the
 * direct listener answer with `extensions.http`, which neither writes into the answer; `overHttp`
 * false leaves it out).
 */
export function rateLimitedError(refusal: RateLimitRefusal, windowSeconds: number, overHttp: boolean): GraphQLError {
  const seconds = retryAfterSeconds(refusal.retryAfterMs);
  return createGraphQLError(
    `Rate limit reached: at most ${refusal.points} ${refusal.limit} every ${windowSeconds} s; try again in ${seconds} s`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        limit: refusal.limit,
        retryAfterSeconds: seconds,
        // graphql-ws writes every extension it is given: there the status would be noise.
        ...(overHttp && { http: { status: 429, headers: { 'Retry-After': String(seconds) } } }),
      },
    },
  );
}
