import { VENDOR_TITLES, type VendorName } from './vendor-names';

export type { VendorName } from './vendor-names';

/** What went wrong, in the terms a GraphQL client acts on (`extensions.code`). */
export type VendorErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'VENDOR_TIMEOUT'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_ERROR'
  /** The agency has no account with the vendor: nothing was sent. */
  | 'NO_ACCOUNT';

export interface VendorErrorDetails {
  vendor: VendorName;
  /** `METHOD /path` as called, without the query string. */
  endpoint: string;
  /** HTTP status; absent when no response came (network error, timeout). */
  status?: number;
  /** The vendor's own message, where its error body carries one. */
  vendorMessage?: string;
  /** The vendor's request id, where its response carries one. */
  requestId?: string;
  /** Field-level problems the vendor reported, keyed by field path. */
  fieldErrors?: Record<string, string>;
  code?: VendorErrorCode;
  /** The agency whose account was called: for the log only, never in an answer. */
  agencyId?: string;
  cause?: unknown;
}

/** Every failed vendor call ends as one of these, whatever the vendor and whatever the failure. */
export class VendorError extends Error {
  override name = 'VendorError';
  readonly vendor: VendorName;
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly vendorMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: Record<string, string> | undefined;
  readonly code: VendorErrorCode;
  readonly agencyId: string | undefined;

  constructor(details: VendorErrorDetails) {
    const code = details.code ?? codeForStatus(details.status);
    super(describe(details, code), { cause: details.cause });
    this.vendor = details.vendor;
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.vendorMessage = details.vendorMessage;
    this.requestId = details.requestId;
    this.fieldErrors = details.fieldErrors;
    this.code = code;
    this.agencyId = details.agencyId;
  }
}

export function codeForStatus(status: number | undefined): VendorErrorCode {
  if (status === undefined) return 'VENDOR_UNAVAILABLE';
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 504) return 'VENDOR_TIMEOUT';
  if (status >= 500) return 'VENDOR_UNAVAILABLE';
  return 'VENDOR_ERROR';
}

function describe(details: VendorErrorDetails, code: VendorErrorCode): string {
  const who = `${VENDOR_TITLES[details.vendor]} ${details.endpoint}`;
  const what = details.vendorMessage ? `: ${details.vendorMessage}` : '';
  switch (code) {
    case 'VENDOR_TIMEOUT':
      return `${who} did not answer in time${what}; try again shortly`;
    case 'VENDOR_UNAVAILABLE':
      return details.status === undefined
        ? `${who} could not be reached${what}; try again shortly`
        : `${who} failed with HTTP ${details.status}${what}; try again shortly`;
    case 'RATE_LIMITED':
      return `${who} is rate-limiting this agency${what}; try again later`;
    case 'UNAUTHENTICATED':
      return `${who} refused the agency's credentials${what}; check the configured keys`;
    case 'FORBIDDEN':
      return `${who} does not allow this for the agency${what}`;
    case 'NOT_FOUND':
      return `${who} has no such object${what}`;
    case 'NO_ACCOUNT':
      return `${VENDOR_TITLES[details.vendor]} is not set up for this agency: its administrator can add the agency's credentials`;
    default:
      return `${who} rejected the request (HTTP ${details.status ?? '-'})${what}`;
  }
}
