import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const COMPRESS: Record<string, (html: string) => Promise<Buffer>> = {
  br: (html) => promisify(brotliCompress)(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (html) => promisify(gzip)(html),
};

/**
 * The gateway serves GraphiQL itself (no CDN), and that page is 9 MB of HTML. A browser that
 * takes brotli or gzip gets a fifth or a quarter of that. Pages are compressed once (off the event
 * loop, in zlib's threads) and kept.
 */
export function useCompressedPages(): Plugin {
  const compressed = new Map<string, Promise<Buffer>>();
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return;
      const encoding = acceptedEncoding(request.headers.get('accept-encoding'));
      if (!encoding) return;
      const html = await response.text();
      // The pages are few and fixed for the process: length and ending tell them apart without hashing 9 MB.
      const key = `${encoding}\n${html.length}\n${html.slice(-2_000)}`;
      let body = compressed.get(key);
      if (!body) compressed.set(key, (body = COMPRESS[encoding]!(html)));
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-encoding', encoding);
      headers.set('content-length', String((await body).length));
      headers.append('vary', 'accept-encoding');
      setResponse(new fetchAPI.Response(new Uint8Array(await body), { status: 200, headers }));
    },
  };
}

/** brotli if the client takes it, else gzip, else nothing (q=0 refuses an encoding). */
function acceptedEncoding(header: string | null): string | undefined {
  const accepted = new Set(
    (header ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, quality]) => !/^\s*q=0(\.0*)?\s*$/.test(quality ?? ''))
      .map(([name]) => name),
  );
  return ['br', 'gzip'].find((encoding) => accepted.has(encoding));
}
