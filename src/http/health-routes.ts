import type { Plugin } from 'graphql-yoga';

/** One thing the gateway needs in order to serve: Redis, a vendor. Rejects when it is not there. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /** Shown in /readyz but never makes the instance unready: it concerns some agencies, and every other is served. */
  advisory?: boolean;
}

/**
 * `/healthz`: the process is up. `/readyz`: every dependency answers; 503 with each failing
 * one named otherwise (an advisory check is named but does not fail it), so an orchestrator stops routing traffic here while, say, Redis is down.
 */
export function useHealthRoutes(checks: ReadinessCheck[]): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(fetchAPI.Response.json({ status: 'ok' }));
        return;
      }
      if (url.pathname !== '/readyz') return;
      const results = await Promise.all(
        checks.map(async ({ name, check, advisory }) => {
          try {
            await check();
            return { name, ok: true };
          } catch (error) {
            return { name, ok: false, ...(advisory && { advisory }), error: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      const ready = results.every((result, i) => result.ok || checks[i]?.advisory);
      endResponse(fetchAPI.Response.json({ status: ready ? 'ready' : 'not ready', checks: results }, { status: ready ? 200 : 503 }));
    },
  };
}
