import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReportLinksOptions {
  /** The gateway's public origin, e.g. `https://gw.example.com`. */
  publicUrl: string;
  /** Key of the HMAC that signs the links; a promise while it is still being read (from Redis, at start-up). */
  key: string | Promise<string>;
  /** How long a link works. @default 900 (15 minutes) */
  ttlSeconds?: number;
  /** @default Date.now */
  now?: () => number;
}

export const REPORT_PATH = '/reports/canopy/';
/** Below REPORT_PATH: the intermediate report of a referencing request, by its Canopy id. */
const INTERMEDIATE_SEGMENT = 'rent-passport/';

/** What a verified link fetches: a report document by its id, or a request's intermediate report. */
export type ReportLinkTarget = { kind: 'document'; documentId: string } | { kind: 'intermediate'; canopyReferenceId: string };

/**
 * Links to Canopy report PDFs, served by the gateway. A browser opens a PDF in a new tab without
 * the GraphQL request's headers, so the link carries its authority: whoever could read the link
 * from a GraphQL answer may fetch the document until the link expires.
 */
export interface ReportLinks {
  canopyDocumentUrl(documentId: string): Promise<string>;
  /** The PDF of a referencing request's screening results so far, complete or not. */
  canopyIntermediateReportUrl(canopyReferenceId: string): Promise<string>;
  /** What a signed, unexpired link path and query fetches; undefined otherwise. */
  verify(url: URL): Promise<ReportLinkTarget | undefined>;
}

export function createReportLinks(options: ReportLinksOptions): ReportLinks {
  const now = options.now ?? Date.now;
  const ttl = options.ttlSeconds ?? 900;
  const key = Promise.resolve(options.key);
  // Signs the encoded path, not the id, so that a link of one kind can never pass for the other.
  const sign = async (path: string, expires: number) => createHmac('sha256', await key).update(`${path}\n${expires}`).digest('base64url');
  const link = async (path: string) => {
    const expires = Math.floor(now() / 1000) + ttl;
    return `${options.publicUrl}${path}?expires=${expires}&signature=${await sign(path, expires)}`;
  };

  return {
    canopyDocumentUrl: (documentId) => link(REPORT_PATH + encodeURIComponent(documentId)),
    canopyIntermediateReportUrl: (canopyReferenceId) => link(REPORT_PATH + INTERMEDIATE_SEGMENT + encodeURIComponent(canopyReferenceId)),
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
function targetOf(rest: string): ReportLinkTarget | undefined {
  const intermediate = rest.startsWith(INTERMEDIATE_SEGMENT);
  const encoded = intermediate ? rest.slice(INTERMEDIATE_SEGMENT.length) : rest;
  if (encoded === '' || encoded.includes('/')) return undefined;
  const id = decodeURIComponent(encoded);
  return intermediate ? { kind: 'intermediate', canopyReferenceId: id } : { kind: 'document', documentId: id };
}
