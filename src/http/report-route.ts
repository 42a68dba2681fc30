import { Readable } from 'node:stream';
import type { Plugin } from 'graphql-yoga';
import type { CanopyReferencingClient } from '../sources/canopy-referencing/client';
import { VendorError } from '../sources/vendor-error';
import { REPORT_PATH, type ReportLinks } from './report-links';

/** An agency's Canopy Referencing client; undefined for an agency the gateway no longer serves (or one without Canopy). */
export type CanopyClientFor = (agencyId: string) => CanopyReferencingClient | undefined | Promise<CanopyReferencingClient | undefined>;

/**
 * Streams a Canopy report PDF (a completed report's document, or a request's intermediate report)
 * to whoever holds a valid signed link, without buffering it, from the account of the agency that
 * signed the link.
 */
export function useReportRoute(links: ReportLinks, canopyFor: CanopyClientFor): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(REPORT_PATH)) return;
      if (request.method !== 'GET') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      const target = await links.verify(url);
      if (!target) {
        endResponse(fetchAPI.Response.json({ error: 'This report link is invalid or has expired: ask the API for a new one.' }, { status: 403 }));
        return;
      }
      const canopy = await canopyFor(target.agencyId);
      if (!canopy) {
        endResponse(fetchAPI.Response.json({ error: 'This report link’s agency is not served here any more.' }, { status: 404 }));
        return;
      }
      try {
        const document =
          target.kind === 'document'
            ? await canopy.downloadDocument(target.documentId)
            : await canopy.downloadIntermediateReport(target.canopyReferenceId);
        // A reader that goes away mid-download aborts the vendor body; that is not a failure of ours.
        document.body.once('error', () => undefined);
        const headers = new fetchAPI.Headers({ 'content-type': document.contentType, 'cache-control': 'private, no-store' });
        if (document.contentLength !== undefined) headers.set('content-length', String(document.contentLength));
        if (document.contentDisposition) headers.set('content-disposition', document.contentDisposition);
        endResponse(new fetchAPI.Response(Readable.toWeb(document.body) as ReadableStream, { status: 200, headers }));
      } catch (error) {
        if (!(error instanceof VendorError)) throw error;
        const status = error.code === 'NOT_FOUND' ? 404 : 502;
        endResponse(fetchAPI.Response.json({ error: error.message, code: error.code }, { status }));
      }
    },
  };
}
