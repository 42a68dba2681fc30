import type { IncomingHttpHeaders } from 'node:http';
import type { HttpMethod } from '../sources/http';
import type { VendorName } from '../sources/vendor-error';

/** One call as a simulated vendor sees it, below the vendor's prefix. */
export interface SandboxRequest {
  method: HttpMethod;
  /** The path below the vendor's prefix, without the query string. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  /** The origin and prefix this vendor is served under, for absolute URLs in answers. */
  baseUrl: string;
}

export type SandboxReply =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; headers: Record<string, string> };

export interface SandboxRoute {
  method: HttpMethod;
  /** find-my-way pattern below the prefix, e.g. `/accounts/:account_id`. */
  path: string;
  handle(request: SandboxRequest): SandboxReply | Promise<SandboxReply>;
}

/**
 * One account at a simulated vendor: its routes, the error body it answers with when the frame
 * refuses a call, and whether a call is this account's.
 */
export interface VendorSimulator {
  vendor: VendorName;
  routes: SandboxRoute[];
  /**
   * Whether the call bears this account's credential, as the vendor tells accounts apart (an API
   * key, a bearer token). The frame sends each call to the account it names; routes still check
   * everything else the vendor checks. Absent, the simulator is its vendor's only account.
   */
  acceptsCredential?(headers: IncomingHttpHeaders): boolean;
  /** The vendor's error payload for a status the frame decides (unknown route, bad JSON, forced fault). */
  errorBody(status: number, message: string): unknown;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxReply {
  return { status, json: body, headers };
}

/** A notification a simulated vendor sends to a callback URL. */
export interface WebhookDelivery {
  url: string;
  body: unknown;
  /** For logs: what happened, e.g. `reposit.tenant.paid rep_x`. */
  description: string;
}

/** A simulated vendor whose renters or tenants act on their own, reported by webhook. */
export interface ActiveSimulator extends VendorSimulator {
  /**
   * Moves one renter or tenant one step on (a passport section done, a tenant paid) and returns
   * the notifications the vendor sends for it; empty when nobody has anything left to do.
   */
  advance(): WebhookDelivery[];
}
