import type { VendorName } from '../../src/sources/vendor-error';
import { json, type SandboxRequest, type VendorSimulator } from '../../src/sandbox/vendor-simulator';

/**
 * A minimal vendor for testing the sandbox frame and the HTTP layer on their own: it echoes what
 * it received, creates numbered things, and answers chosen statuses.
 */
export function fixtureSimulator(vendor: VendorName = 'reposit'): VendorSimulator & { created: number } {
  const simulator = {
    vendor,
    created: 0,
    errorBody: (status: number, message: string) => ({ error: { status, message } }),
    routes: [
      { method: 'GET' as const, path: '/things/:id', handle: (req: SandboxRequest) => json(200, echo(req)) },
      {
        method: 'POST' as const,
        path: '/things',
        handle: (req: SandboxRequest) => json(201, { ...echo(req), number: ++simulator.created }),
      },
      {
        method: 'GET' as const,
        path: '/status/:code',
        handle: (req: SandboxRequest) =>
          json(Number(req.params.code), { message: `answered ${req.params.code}`, requestId: 'req-42' }, { 'x-request-id': 'req-42' }),
      },
    ],
  };
  return simulator;
}

function echo(req: SandboxRequest) {
  return { params: req.params, query: Object.fromEntries(req.query), body: req.body ?? null, baseUrl: req.baseUrl };
}
