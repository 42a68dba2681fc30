import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface LoadOptions {
  /** The endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** The POST body (JSON); or several, sent one after the other, each made from the answer before it. */
  body: string | LoadStep[];
  /** Requests in flight at once. */
  concurrency: number;
  /** Sent with every request besides the content type, e.g. `authorization`. */
  headers?: Record<string, string>;
  /** Stop after this many requests… */
  maxRequests: number;
  /** …or after this long, whichever comes first. */
  maxDurationMs: number;
}

/** One request of a sequence: its body, from the parsed answer of the request before (undefined for the first). */
export type LoadStep = (previous: unknown) => string;

export interface LoadResult {
  /** Milliseconds of every answered request, in completion order. */
  latencies: number[];
  errors: number;
  /** From the first request sent to the last answer. */
  elapsedMs: number;
  /** The first error seen, to say why a run failed. */
  firstError?: string;
}

/**
 * Closed-loop load: `concurrency` workers, each sending its next request when the last one is
 * answered, over keep-alive connections. A response that is not 200 or that carries GraphQL
 * `errors` counts as an error.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let sent = 0;
  const start = performance.now();
  const deadline = start + options.maxDurationMs;
  const body = options.body;
  const steps: LoadStep[] = typeof body === 'string' ? [() => body] : body;
  const headers = { ...options.headers, 'content-type': 'application/json', accept: 'application/json' };

  async function worker(): Promise<void> {
    while (sent < options.maxRequests && performance.now() < deadline) {
      sent++;
      const began = performance.now();
      try {
        let previous: unknown;
        let failed = false;
        for (const step of steps) {
          const response = await pool.request({
            method: 'POST',
            path: target.pathname,
            headers,
            body: step(previous),
          });
          const text = await response.body.text();
          if (response.statusCode !== 200 || text.includes('"errors"')) {
            errors++;
            firstError ??= `${response.statusCode} ${text.slice(0, 300)}`;
            failed = true;
            break;
          }
          if (steps.length > 1) previous = JSON.parse(text);
        }
        if (!failed) latencies.push(performance.now() - began);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await pool.close();
  }
  return { latencies, errors, elapsedMs: performance.now() - start, firstError };
}

/** One request, answered as parsed JSON: for checks and call counts. */
export async function postOnce(url: string, body: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  return response.json();
}
