import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

const JSON_ANSWER = /^application\/(graphql-response\+)?json/;

/**
 * GET answers (a persisted document by `documentId` is what makes GET worth using) are the
 * caller's own: they depend on the credential, so no shared cache may keep them (`private`) and a
 * browser holding credentials of two agencies keeps one answer per credential (`Vary`). Vendor
 * data changes at any time, so the browser revalidates each time (`no-cache`); the ETag then
 * spares it the body when nothing changed, answering 304.
 */
export function usePrivateGetAnswers(endpoint: string): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const contentType = response.headers.get('content-type') ?? '';
      if (request.method !== 'GET' || response.status !== 200 || !JSON_ANSWER.test(contentType)) return;
      if (new URL(request.url).pathname !== endpoint) return;
      const body = await response.text();
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      const headers = new fetchAPI.Headers(response.headers);
      // Not always among the headers copied above: whatwg-node may keep it apart from them.
      headers.set('content-type', contentType);
      headers.set('cache-control', 'private, no-cache');
      headers.append('vary', 'Authorization, X-Api-Key, X-Agency-Id');
      headers.set('etag', etag);
      const unchanged = ifNoneMatch(request.headers.get('if-none-match')).includes(etag);
      if (unchanged) headers.delete('content-length');
      setResponse(unchanged ? new fetchAPI.Response(null, { status: 304, headers }) : new fetchAPI.Response(Buffer.from(body), { status: 200, headers }));
    },
  };
}

function ifNoneMatch(header: string | null): string[] {
  return (header ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
}
