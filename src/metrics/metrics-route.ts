import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics`: the registry in Prometheus' text format. With `token` (METRICS_TOKEN), only to
 * `Authorization: Bearer <token>`; anyone else gets 401.
 */
export function useMetricsRoute(registry: Registry, token?: string): Plugin {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics' || request.method !== 'GET') return;
      if (expected && !timingSafeEqual(digest(request.headers.get('authorization') ?? ''), expected)) {
        endResponse(
          new fetchAPI.Response('Metrics need "Authorization: Bearer <METRICS_TOKEN>".\n', {
            status: 401,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' },
          }),
        );
        return;
      }
      endResponse(new fetchAPI.Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } }));
    },
  };
}

/** Compared as digests: equal lengths for timingSafeEqual, and no time leaked about the token's length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
