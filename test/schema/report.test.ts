import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportLinks } from '../../src/http/report-links';
import { TEST_REPORT_KEY, useGateway, type TestGateway } from '../helpers/gateway';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import { amaraRequest, canopyExamples, postWebhook } from '../helpers/webhooks';

const REPORT = `query ($id: ID!) { referencingRequest(canopyReferenceId: $id) { report { status pdfUrl summaryPdfUrl } } }`;

let gateway: TestGateway;
let completed: { canopyReferenceId: string; documents: { reportId: string; summaryId: string } };

beforeAll(async () => {
  gateway = await useGateway();
  const request = [...gateway.sandbox.simulators.canopyReferencing.state.requests.values()].find((r) => r.documents);
  completed = request as typeof completed;
});
afterAll(() => gateway.close());

async function fetchBytes(url: string) {
  const response = await request(url);
  const bytes = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, bytes };
}

describe('intermediate report PDFs', () => {
  const PRIYA = seededCanopyReferenceId('priya.shah@example.com');
  const INTERMEDIATE = `query ($id: ID!) { referencingRequest(canopyReferenceId: $id) { completed intermediateReportPdfUrl } }`;

  it('links the screening results of a passport still in progress, which the gateway streams from Canopy as a real PDF', async () => {
    const { data, errors } = await gateway.graphql(INTERMEDIATE, { id: PRIYA });
    expect(errors).toBeUndefined();
    expect(data?.referencingRequest.completed).toBe(false);
    const url = data?.referencingRequest.intermediateReportPdfUrl as string;
    expect(url).toMatch(new RegExp(`^${gateway.url}/reports/canopy/${gateway.agencyId}/rent-passport/${PRIYA}\\?expires=\\d+&signature=`));

    const pdf = await fetchBytes(url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename='${PRIYA}_INTERMEDIATE.pdf'`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.bytes.subarray(-6).toString()).toContain('%%EOF');
    expect(pdf.bytes.toString('latin1')).toContain('(Status so far: IN_PROGRESS)');
  });

  it('keeps the two kinds of link apart: a document link’s signature does not open the intermediate report', async () => {
    const links = createReportLinks({ publicUrl: gateway.url, key: TEST_REPORT_KEY });
    const forged = new URL(await links.canopyDocumentUrl(gateway.agencyId, PRIYA));
    forged.pathname = `/reports/canopy/${gateway.agencyId}/rent-passport/${PRIYA}`;
    expect((await fetchBytes(forged.toString())).status).toBe(403);
    expect((await fetchBytes(await links.canopyIntermediateReportUrl(gateway.agencyId, 'no-such-request'))).status).toBe(404);
  });
});

describe('report PDFs', () => {
  it('links a completed passport’s report and summary at the gateway, which streams the real PDFs', async () => {
    const { data, errors } = await gateway.graphql(REPORT, { id: completed.canopyReferenceId });
    expect(errors).toBeUndefined();
    const { pdfUrl, summaryPdfUrl } = data?.referencingRequest.report;
    expect(pdfUrl).toMatch(new RegExp(`^${gateway.url}/reports/canopy/${gateway.agencyId}/${completed.documents.reportId}\\?expires=\\d+&signature=`));

    for (const url of [pdfUrl, summaryPdfUrl]) {
      const pdf = await fetchBytes(url);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain('.pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.bytes.subarray(-6).toString()).toContain('%%EOF');
      expect(Number(pdf.headers['content-length'])).toBe(pdf.bytes.length);
    }
  });

  it('refuses a link whose signature was tampered with, or that has expired', async () => {
    const { data } = await gateway.graphql(REPORT, { id: completed.canopyReferenceId });
    const url = new URL(data?.referencingRequest.report.pdfUrl as string);
    url.searchParams.set('signature', 'forged');
    expect((await fetchBytes(url.toString())).status).toBe(403);

    const yesterday = createReportLinks({ publicUrl: gateway.url, key: TEST_REPORT_KEY, now: () => Date.now() - 86_400_000 });
    expect((await fetchBytes(await yesterday.canopyDocumentUrl(gateway.agencyId, completed.documents.reportId))).status).toBe(403);
    const fresh = createReportLinks({ publicUrl: gateway.url, key: TEST_REPORT_KEY });
    expect((await fetchBytes(await fresh.canopyDocumentUrl(gateway.agencyId, completed.documents.reportId))).status).toBe(200);
  });

  it('answers 404 for a signed link to a document Canopy does not have', async () => {
    const links = createReportLinks({ publicUrl: gateway.url, key: TEST_REPORT_KEY });
    expect((await fetchBytes(await links.canopyDocumentUrl(gateway.agencyId, 'no-such-document'))).status).toBe(404);
  });

  it('remembers the documents a completed-report callback names', async () => {
    expect((await postWebhook(gateway.url, 'canopy', canopyExamples.completedReport)).status).toBe(200);
    const [stored] = await gateway.reportDocuments.load(gateway.agencyId, [amaraRequest]);
    expect(stored).toMatchObject({ documentId: 'doc-1', summaryDocumentId: 'doc-2' });
  });

  it('reports what the callback says and nothing it leaves out: its maxRent and documentType, absent guarantor flags as null', async () => {
    expect((await postWebhook(gateway.url, 'canopy', canopyExamples.completedReport)).status).toBe(200);
    const { data, errors } = await gateway.graphql(
      `query ($id: ID!) {
        referencingRequest(canopyReferenceId: $id) {
          rentPassport { monthlyRentAffordability { minorUnits } }
          report { title documentType status maxRent { minorUnits } isGuarantorReference isGuarantorNeeded waitingForGuarantor guarantorCompleted }
        }
      }`,
      { id: amaraRequest },
    );
    expect(errors).toBeUndefined();
    // The callback's maxRent (1500 pounds) is not the passport's affordability.
    expect(data?.referencingRequest.rentPassport.monthlyRentAffordability.minorUnits).not.toBe(150_000);
    expect(data?.referencingRequest.report).toEqual({
      title: 'FULL',
      documentType: 'FULL',
      status: 'VERIFY',
      maxRent: { minorUnits: 150_000 },
      isGuarantorReference: null,
      isGuarantorNeeded: false,
      waitingForGuarantor: null,
      guarantorCompleted: null,
    });
  });

});
