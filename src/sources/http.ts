import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import { routeTemplate } from '../telemetry/route-template';
import { traceVendorAttempt } from '../telemetry/vendor-call-span';
import { callSignal, OperationDeadlineReached, recordCall } from './call-scope';
import { VendorBudgetExhausted, type VendorBudget } from './vendor-budget';
import { VendorError, type VendorErrorDetails, type VendorName } from './vendor-error';
import { exchangeWhole } from './whole-answer';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ResponseHeaders = Record<string, string | string[] | undefined>;

export interface VendorPoolOptions {
  /** Keep-alive connections to the origin, so requests in flight to it. @default 256 */
  connections?: number;
  /** Time allowed to open a connection. @default 5000 */
  connectTimeoutMs?: number;
  /** How long an idle connection is kept open. @default 30000 */
  keepAliveTimeoutMs?: number;
}

/** One long-lived keep-alive pool per vendor origin; built at start-up, closed at shutdown. */
export function createVendorPool(baseUrl: string, options: VendorPoolOptions = {}): Pool {
  return new Pool(new URL(baseUrl).origin, {
    connections: options.connections ?? 256,
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
  });
}

export interface RetryPolicy {
  /** Attempts in all, the first included. @default 3 */
  attempts: number;
  /** First backoff; doubled each retry, with full jitter. @default 100 */
  baseDelayMs: number;
  /** Ceiling of one backoff. @default 2000 */
  maxDelayMs: number;
  /** A longer Retry-After than this is not waited for: the error goes to the caller. @default 10000 */
  maxRetryAfterMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 };

/** What a vendor's error body says, pulled out by that vendor's client. */
export interface VendorErrorBody {
  message?: string;
  requestId?: string;
  fieldErrors?: Record<string, string>;
}

export interface VendorHttpOptions {
  vendor: VendorName;
  /** The vendor's base URL, path prefix included (`https://reposit.co.uk/deposits`). */
  baseUrl: string;
  /** The pool for the base URL's origin; undefined when the agency has no account with the vendor, so every call fails at once, unsent. */
  dispatcher: Dispatcher | undefined;
  /** Time allowed until the response headers arrive. @default 10000 */
  headersTimeoutMs?: number;
  /** Time allowed between two chunks of the response body. @default 30000 */
  bodyTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Reads the vendor's error body; the default takes `message` or `error` if it is a string. */
  readErrorBody?: (body: unknown, headers: ResponseHeaders) => VendorErrorBody;
  /** Told of every attempt: its status, or the network error's code, and its seconds until the answer was in. */
  onCall?: (call: VendorCall) => void;
  /** The agency whose account is called, carried by every VendorError for the log. */
  agencyId?: string;
  /** The agency's share of the vendor: every attempt waits for it, and a 429 backs it off. Unbounded when absent. */
  budget?: VendorBudget;
}

export interface VendorCall {
  vendor: VendorName;
  method: HttpMethod;
  status: number | string;
  seconds: number;
}

export interface VendorRequest {
  method: HttpMethod;
  /** Path below the base URL, parameters already encoded (see `encodePath`). */
  path: string;
  /**
   * The path's template (`/client/:clientId/token`), named in errors instead of the filled path
   * where the path carries an account identifier that must not reach a client. @default path
   */
  route?: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * Whether repeating the request is harmless. GET, PUT and DELETE are; POST and PATCH are not,
   * so they are retried only when the vendor cannot have seen them (connection refused, 429).
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** What the retry loop needs of an answer, however its body is read. */
interface Answer {
  statusCode: number;
  headers: ResponseHeaders;
  /** The whole body, for an error's details. */
  readText(): Promise<string>;
  /** Lets the body go, before a retry. */
  discard(): Promise<void>;
}

export interface VendorResponse<T> {
  status: number;
  headers: ResponseHeaders;
  /** `undefined` when the answer has no body (a 204, or any 2xx sent empty): see `emptyAnswer`. */
  body: T;
  /**
   * A retried DELETE met 404 after an earlier attempt may have applied (a 5xx or a lost answer):
   * the object is gone, as asked, so this is success. `status` is the 404 and `body` is undefined.
   */
  goneOnRetry?: true;
}

/**
 * Encodes every interpolated value as a path segment: encodePath`/accounts/${id}`. The schema
 * refuses ids a vendor cannot hold; this is the last line of defence, refusing a value that
 * would change which path is called (`.` and `..` climb, an empty one lists) or that has no
 * encoding (a lone UTF-16 surrogate).
 */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((path, part, i) => path + part + (i < values.length ? encodeSegment(String(values[i])) : ''), '');
}

/**
 * A route template filled in (`/client/:clientId/token`), each `:name` encoded as `encodePath`
 * encodes a value; the template is kept as `route`, for errors that must not show the filled path.
 */
export function fillRoute(template: string, params: Record<string, string>): { path: string; route: string } {
  const path = template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: no value for :${name}`);
    return encodeSegment(value);
  });
  return { path, route: template };
}

/** A path parameter that cannot be sent as one path segment; the caller's input, not a fault of ours. */
export class PathParameterError extends Error {
  override name = 'PathParameterError';
}

/** With the `u` flag a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function encodeSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') throw new PathParameterError(`"${value}" cannot be a path parameter`);
  if (LONE_SURROGATE.test(value)) throw new PathParameterError('a path parameter cannot hold a lone UTF-16 surrogate');
  return encodeURIComponent(value);
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** JSON and streaming calls to one vendor, with timeouts, retries and VendorError mapping. */
export class VendorHttp {
  readonly vendor: VendorName;
  private readonly basePath: string;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: VendorHttpOptions) {
    this.vendor = options.vendor;
    this.basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** The path of an absolute URL the vendor handed out (e.g. Reposit's `landlordUrl`), below the base URL. */
  pathOf(absoluteUrl: string): string {
    const { pathname, search } = new URL(absoluteUrl);
    const below = pathname.startsWith(this.basePath) ? pathname.slice(this.basePath.length) : pathname;
    return below + search;
  }

  async json<T = unknown>(request: VendorRequest): Promise<VendorResponse<T>> {
    request = withOperationSignal(request);
    const dispatcher = this.dispatcherFor(request);
    const answer = await this.send(request, async (options) => {
      const whole = await exchangeWhole(dispatcher, options, request.signal);
      return { ...whole, readText: async () => whole.text, discard: async () => undefined };
    });
    if (answer.goneOnRetry) return { status: answer.statusCode, headers: answer.headers, body: undefined as T, goneOnRetry: true };
    let body: unknown;
    try {
      body = answer.text === '' ? undefined : JSON.parse(answer.text);
    } catch (cause) {
      throw this.failure({
        endpoint: endpointOf(request),
        status: answer.statusCode,
        code: 'VENDOR_ERROR',
        vendorMessage: 'the answer is not valid JSON',
        cause,
      });
    }
    return { status: answer.statusCode, headers: answer.headers, body: body as T };
  }

  /** A successful response with its body unread: the caller must consume or destroy it. */
  async stream(request: VendorRequest): Promise<VendorResponse<Readable>> {
    request = withOperationSignal(request);
    const dispatcher = this.dispatcherFor(request);
    const answer = await this.send(request, async (options) => {
      const response = await dispatcher.request({ ...options, signal: request.signal });
      return { ...response, readText: () => response.body.text(), discard: () => response.body.dump() };
    });
    return { status: answer.statusCode, headers: answer.headers, body: answer.body };
  }

  /** A VendorError of this vendor, naming the agency whose account was called. */
  private failure(details: Omit<VendorErrorDetails, 'vendor' | 'agencyId'>): VendorError {
    return new VendorError({ ...details, vendor: this.vendor, agencyId: this.options.agencyId });
  }

  private dispatcherFor(request: VendorRequest): Dispatcher {
    if (this.options.dispatcher) return this.options.dispatcher;
    throw this.failure({ endpoint: endpointOf(request), code: 'NO_ACCOUNT' });
  }

  /** One call with its retries: the answer once it succeeds, a VendorError once it cannot. */
  private async send<A extends Answer>(
    request: VendorRequest,
    exchange: (options: Dispatcher.DispatchOptions) => Promise<A>,
  ): Promise<A & { goneOnRetry?: true }> {
    const endpoint = endpointOf(request);
    const idempotent = request.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(request.method);
    // Whether an attempt that failed may still have reached the vendor and been applied.
    let mayHaveApplied = false;
    for (let attempt = 1; ; attempt++) {
      // Nothing is sent for an operation that has stopped, and no retry outlives it.
      if (request.signal?.aborted) throw this.stopped(request.signal.reason, endpoint);
      const last = attempt >= this.retry.attempts;
      let response: A;
      const release = await this.budgetPlace(request.signal, endpoint);
      const started = performance.now();
      // Each attempt counts for its operation, as the vendor counts it (and bills it).
      recordCall(this.vendor);
      try {
        const attemptOf = { vendor: this.vendor, method: request.method, route: routeTemplate(request), attempt };
        response = await traceVendorAttempt(attemptOf, (traceHeaders) => exchange(this.toDispatch(request, traceHeaders)));
        this.report(request, response.statusCode, started);
      } catch (cause) {
        release();
        // The caller gave up: no retry, and its reason is the answer.
        if (request.signal?.aborted) throw this.stopped(request.signal.reason, endpoint);
        const code = errorCode(cause);
        this.report(request, code || 'error', started);
        if (!NOT_SENT_CODES.has(code)) mayHaveApplied = true;
        if (!last && (idempotent || NOT_SENT_CODES.has(code))) {
          await this.pause(this.backoff(attempt), request.signal, endpoint);
          continue;
        }
        throw this.failure({
          endpoint,
          code: TIMEOUT_CODES.has(code) ? 'VENDOR_TIMEOUT' : 'VENDOR_UNAVAILABLE',
          vendorMessage: code || undefined,
          cause,
        });
      }
      release();
      const status = response.statusCode;
      if (status < 400) return response;
      if (status === 404 && request.method === 'DELETE' && mayHaveApplied) {
        await response.discard();
        return { ...response, goneOnRetry: true };
      }
      if (status >= 500) mayHaveApplied = true;

      const retryable = status === 429 || (idempotent && status >= 500);
      const wait = status === 429 ? retryAfterMs(response.headers) : undefined;
      // The vendor counts the agency's account, so every instance holds back, not just this call.
      if (status === 429) await this.options.budget?.backOff(wait ?? this.retry.maxDelayMs).catch(() => undefined);
      if (!last && retryable && (wait ?? 0) <= this.retry.maxRetryAfterMs) {
        await response.discard();
        await this.pause(wait ?? this.backoff(attempt), request.signal, endpoint);
        continue;
      }
      throw await this.errorFrom(response, endpoint);
    }
  }

  /** Waits for the agency's share of the vendor; the function returned frees it once the answer is in. */
  private async budgetPlace(signal: AbortSignal | undefined, endpoint: string): Promise<() => void> {
    const budget = this.options.budget;
    if (!budget) return () => undefined;
    try {
      return await budget.acquire(signal, this.retry.maxRetryAfterMs);
    } catch (error) {
      if (signal?.aborted) throw this.stopped(signal.reason, endpoint);
      if (error instanceof VendorBudgetExhausted) throw this.failure({ endpoint, code: 'RATE_LIMITED', vendorMessage: error.message, cause: error });
      throw error;
    }
  }

  /** Waits before a retry, unless the caller stops first. */
  private async pause(ms: number, signal: AbortSignal | undefined, endpoint: string): Promise<void> {
    try {
      await sleep(ms, undefined, { signal });
    } catch (error) {
      if (signal?.aborted) throw this.stopped(signal.reason, endpoint);
      throw error;
    }
  }

  /** The error of a call its caller stopped: a passed deadline is this vendor's timeout, anything else the caller's own reason. */
  private stopped(reason: unknown, endpoint: string): unknown {
    if (!(reason instanceof OperationDeadlineReached)) return reason;
    return this.failure({ endpoint, code: 'VENDOR_TIMEOUT', vendorMessage: reason.message, cause: reason });
  }

  private toDispatch(request: VendorRequest, traceHeaders: Record<string, string>): Dispatcher.DispatchOptions {
    const headers: Record<string, string> = { accept: 'application/json', ...traceHeaders, ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    return {
      method: request.method,
      path: this.basePath + request.path + queryString(request.query),
      headers,
      body,
      headersTimeout: this.options.headersTimeoutMs ?? 10_000,
      bodyTimeout: this.options.bodyTimeoutMs ?? 30_000,
    };
  }

  private async errorFrom(response: Answer, endpoint: string): Promise<VendorError> {
    let text = '';
    try {
      text = await response.readText();
    } catch {
      // The status alone is enough to report; a body that breaks off adds nothing.
    }
    const parsed = text === '' ? undefined : parseJsonOrText(text);
    const read = this.options.readErrorBody ?? readCommonErrorBody;
    const details = read(parsed, response.headers);
    return this.failure({
      endpoint,
      status: response.statusCode,
      vendorMessage: details.message,
      requestId: details.requestId,
      fieldErrors: details.fieldErrors,
    });
  }

  private report(request: VendorRequest, status: number | string, started: number): void {
    this.options.onCall?.({ vendor: this.vendor, method: request.method, status, seconds: (performance.now() - started) / 1000 });
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.random() * ceiling;
  }
}

/** The request stopped also by the signal of the operation it serves, when there is one. */
function withOperationSignal(request: VendorRequest): VendorRequest {
  const operation = callSignal();
  if (!operation) return request;
  return { ...request, signal: request.signal ? AbortSignal.any([request.signal, operation]) : operation };
}

function readCommonErrorBody(body: unknown): VendorErrorBody {
  if (typeof body === 'string') return { message: body.slice(0, 500) };
  if (body === null || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  const message = [record.message, record.error].find((value) => typeof value === 'string') as string | undefined;
  return { message };
}

/** The body as JSON where it is JSON, else as the text it is (HTML error pages, plain text). */
function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function endpointOf(request: VendorRequest): string {
  return `${request.method} ${request.route ?? request.path.split('?')[0]}`;
}

function queryString(query: VendorRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(headers: ResponseHeaders): number | undefined {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
