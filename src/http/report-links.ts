import { createHmac, timingSafeEqual } from 'node:crypto';
import { AGENCY_ID } from '../agencies/agency';

export interface ReportLinksOptions {
  /** The gateway's public origin, e.g. `https://gw.example.com`. */
  publicUrl: string;
  /** Key of the HMAC that signs the links, or how to read it (from Redis): read on first use, and again after a failure. */
  key: string | (() => Promise<string>);
  /** How long a link works. @default 900 (15 minutes) */
  ttlSeconds?: number;
  /** @default Date.now */
  now?: () => number;
}

/** Followed by the agency's id, then what the link fetches. */
export const REPORT_PATH = '/reports/canopy/';
/** Below the agency: the intermediate report of a referencing request, by its Canopy id. */
const INTERMEDIATE_SEGMENT = 'rent-passport/';
const SIGNED_VERSION = 'v2';

/**
 * What a verified link fetches, in the account of the agency that issued it: a report document
 * by its id, or a request's intermediate report.
 */
export type ReportLinkTarget = { agencyId: string } & (
  | { kind: 'document'; documentId: string }
  | { kind: 'intermediate'; canopyReferenceId: string }
);

/**
 * Links to Canopy report PDFs, served by the gateway. A browser opens a PDF in a new tab without
 * the GraphQL request's headers, so the link carries its authority: whoever could read the link
 * from a GraphQL answer may fetch the document until the link expires.
 */
export interface ReportLinks {
  canopyDocumentUrl(agencyId: string, documentId: string): Promise<string>;
  /** The PDF of a referencing request's screening results so far, complete or not. */
  canopyIntermediateReportUrl(agencyId: string, canopyReferenceId: string): Promise<string>;
  /** What a signed, unexpired link path and query fetches; undefined otherwise. */
  verify(url: URL): Promise<ReportLinkTarget | undefined>;
}

export function createReportLinks(options: ReportLinksOptions): ReportLinks {
  const now = options.now ?? Date.now;
  const ttl = options.ttlSeconds ?? 900;
  const readKey = options.key;
  let key: Promise<string> | undefined;
  const currentKey = (): string | Promise<string> => {
    if (typeof readKey === 'string') return readKey;
    // A key not read (Redis down at start) is read again next time, never kept as a failure.
    key ??= readKey().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  // Signs the encoded path, not the id, so that a link can never pass for one of another kind or
  // another agency: both are in the path. The version keeps links of the paths before the agency
  // was in them from passing: `rent-passport/<id>` would read as an agency and a document.
  const sign = async (path: string, expires: number) =>
    createHmac('sha256', await currentKey()).update(`${SIGNED_VERSION}\n${path}\n${expires}`).digest('base64url');
  const link = async (agencyId: string, below: string) => {
    if (!AGENCY_ID.test(agencyId)) throw new Error(`report links: agency id ${JSON.stringify(agencyId)} is not ${AGENCY_ID.source}`);
    const path = `${REPORT_PATH}${agencyId}/${below}`;
    const expires = Math.floor(now() / 1000) + ttl;
    return `${options.publicUrl}${path}?expires=${expires}&signature=${await sign(path, expires)}`;
  };

  return {
    canopyDocumentUrl: (agencyId, documentId) => link(agencyId, encodeURIComponent(documentId)),
    canopyIntermediateReportUrl: (agencyId, canopyReferenceId) => link(agencyId, INTERMEDIATE_SEGMENT + encodeURIComponent(canopyReferenceId)),
    async verify(url) {
      if (!url.pathname.startsWith(REPORT_PATH)) return undefined;
      const expires = Number(url.searchParams.get('expires'));
      if (!Number.isSafeInteger(expires) || expires * 1000 < now()) return undefined;
      const given = Buffer.from(url.searchParams.get('signature') ?? '');
      const expected = Buffer.from(await sign(url.pathname, expires));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return targetOf(url.pathname.slice(REPORT_PATH.length));
    },
  };
}

/** What a signed path names; its encoding is the gateway's own, since the signature covers it. */
function targetOf(path: string): ReportLinkTarget | undefined {
  const slash = path.indexOf('/');
  const agencyId = path.slice(0, slash);
  if (slash < 0 || !AGENCY_ID.test(agencyId)) return undefined;
  const rest = path.slice(slash + 1);
  const intermediate = rest.startsWith(INTERMEDIATE_SEGMENT);
  const encoded = intermediate ? rest.slice(INTERMEDIATE_SEGMENT.length) : rest;
  if (encoded === '' || encoded.includes('/')) return undefined;
  const id = decodeURIComponent(encoded);
  return intermediate ? { agencyId, kind: 'intermediate', canopyReferenceId: id } : { agencyId, kind: 'document', documentId: id };
}
