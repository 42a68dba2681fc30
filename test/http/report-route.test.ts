import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReportLinks, type ReportLinks } from '../../src/http/report-links';
import { useReportRoute } from '../../src/http/report-route';
import { withRouteErrors } from '../../src/http/route-errors';
import { schema } from '../../src/schema';
import type { CanopyReferencingClient } from '../../src/sources/canopy-referencing/client';
import { createVendorClients, createVendorPools } from '../../src/sources/clients';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

/** Two agencies, each with its own Canopy account (a sandbox of its own), behind one report route. */
let north: TestSandbox;
let south: TestSandbox;
const served = new Map<string, CanopyReferencingClient>();
const closers: Array<() => Promise<void>> = [];
const routeErrors: unknown[] = [];
let links: ReportLinks;
let origin: string;
/** A completed report that only north's Canopy account holds. */
let northReportId: string;

beforeAll(async () => {
  north = await useSandbox();
  south = await useSandbox({ people: 5 });
  closers.push(() => north.close(), () => south.close());
  const pools = createVendorPools();
  closers.push(() => pools.close());
  for (const [id, sandbox] of [['north', north], ['south', south]] as const) {
    const { canopyReferencing, canopyServicing, reposit } = sandbox.agency(id);
    const agency = { id, name: id, source: 'file' as const, vendors: { canopyReferencing, canopyServicing, reposit } };
    served.set(id, createVendorClients(agency, pools, { repositReferrerToken: undefined }).canopyReferencing);
  }
  const southRequests = south.simulators.canopyReferencing.state.requests;
  const completed = [...north.simulators.canopyReferencing.state.requests.values()].find((r) => r.documents && !southRequests.has(r.canopyReferenceId));
  northReportId = completed!.documents!.reportId;

  // The links need the server's URL, known once it listens.
  let yoga: ReturnType<typeof createYoga> | undefined;
  const server = createServer((req, res) => void yoga?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  links = createReportLinks({ publicUrl: origin, key: 'report-route-test-key' });
  // As an agency registry answers: asynchronously, and nothing for an agency it no longer has.
  yoga = createYoga({ schema, plugins: withRouteErrors([useReportRoute(links, async (agencyId) => served.get(agencyId))], (error) => routeErrors.push(error)) });
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});
beforeEach(() => {
  north.calls.reset();
  south.calls.reset();
});
afterEach(() => {
  expect(routeErrors).toEqual([]);
});

async function fetchLink(url: string) {
  const response = await request(url);
  const bytes = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, bytes, json: () => JSON.parse(bytes.toString()) as unknown };
}

const callsTo = (sandbox: TestSandbox) => Object.values(sandbox.calls.snapshot()).reduce((sum, count) => sum + count, 0);

describe('the report route', () => {
  it('streams a valid link’s PDF from the Canopy account of the agency that issued it', async () => {
    const pdf = await fetchLink(await links.canopyDocumentUrl('north', northReportId));
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(callsTo(north)).toBeGreaterThan(0);
    expect(callsTo(south)).toBe(0);
  });

  it('asks the link’s own agency, whose account does not hold another agency’s report', async () => {
    const answer = await fetchLink(await links.canopyDocumentUrl('south', northReportId));
    expect(answer.status).toBe(404);
    expect(callsTo(south)).toBeGreaterThan(0);
    expect(callsTo(north)).toBe(0);
  });

  it('refuses (403) a link of one agency edited to name another, asking no Canopy', async () => {
    for (const make of [
      () => links.canopyDocumentUrl('north', northReportId),
      () => links.canopyIntermediateReportUrl('north', 'any-request'),
    ]) {
      const url = new URL(await make());
      url.pathname = url.pathname.replace('/reports/canopy/north/', '/reports/canopy/south/');
      const answer = await fetchLink(url.toString());
      expect(answer.status).toBe(403);
      expect(answer.json()).toEqual({ error: 'This report link is invalid or has expired: ask the API for a new one.' });
    }
    expect(callsTo(north) + callsTo(south)).toBe(0);
  });

  it('answers 404 for a valid link of an agency no longer served, asking no Canopy', async () => {
    const url = await links.canopyDocumentUrl('gone', northReportId);
    const answer = await fetchLink(url);
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ error: 'This report link’s agency is not served here any more.' });

    served.set('gone', served.get('north')!);
    try {
      expect((await fetchLink(url)).status).toBe(200);
    } finally {
      served.delete('gone');
    }
    expect((await fetchLink(url)).status).toBe(404);
  });

  it('refuses an expired link, and one without its agency', async () => {
    const yesterday = createReportLinks({ publicUrl: origin, key: 'report-route-test-key', now: () => Date.now() - 86_400_000 });
    expect((await fetchLink(await yesterday.canopyDocumentUrl('north', northReportId))).status).toBe(403);
    const url = new URL(await links.canopyDocumentUrl('north', northReportId));
    url.pathname = `/reports/canopy/${northReportId}`;
    expect((await fetchLink(url.toString())).status).toBe(403);
    expect(callsTo(north)).toBe(0);
  });
});
