import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReportLinksOptions {
  /** The gateway's public origin, e.g. `https://gw.example.com`. */
  publicUrl: string;
  /** Key of the HMAC that signs the links. */
  key: string;
  /** How long a link works. @default 900 (15 minutes) */
  ttlSeconds?: number;
  /** @default Date.now */
  now?: () => number;
}

export const REPORT_PATH = '/reports/canopy/';

/**
 * Links to Canopy report PDFs, served by the gateway. A browser opens a PDF in a new tab without
 * the GraphQL request's headers, so the link carries its authority: whoever could read the link
 * from a GraphQL answer may fetch the document until the link expires.
 */
export interface ReportLinks {
  canopyDocumentUrl(documentId: string): string;
  /** The document id of a signed, unexpired link path and query; undefined otherwise. */
  verify(url: URL): string | undefined;
}

export function createReportLinks(options: ReportLinksOptions): ReportLinks {
  const now = options.now ?? Date.now;
  const ttl = options.ttlSeconds ?? 900;
  const sign = (documentId: string, expires: number) =>
    createHmac('sha256', options.key).update(`${documentId}\n${expires}`).digest('base64url');

  return {
    canopyDocumentUrl(documentId) {
      const expires = Math.floor(now() / 1000) + ttl;
      const path = REPORT_PATH + encodeURIComponent(documentId);
      return `${options.publicUrl}${path}?expires=${expires}&signature=${sign(documentId, expires)}`;
    },
    verify(url) {
      if (!url.pathname.startsWith(REPORT_PATH)) return undefined;
      const documentId = decodedSegment(url.pathname.slice(REPORT_PATH.length));
      const expires = Number(url.searchParams.get('expires'));
      if (!documentId || !Number.isSafeInteger(expires) || expires * 1000 < now()) return undefined;
      const given = Buffer.from(url.searchParams.get('signature') ?? '');
      const expected = Buffer.from(sign(documentId, expires));
      return given.length === expected.length && timingSafeEqual(given, expected) ? documentId : undefined;
    },
  };
}

/** A path segment decoded; undefined when its percent-encoding is broken (`%`, `%E0%A4%A`), which no link of ours has. */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
