/**
 * "Get Intermediate PDF Report": the Rent Passport endpoint answers a PDF of the screening
 * results so far when asked for one, whether or not the passport is complete.
 */
import type { SandboxReply, SandboxRequest } from '../vendor-simulator';
import { globalStatus, sectionStatus } from './lifecycle';
import { renderIntermediateReportPdf } from './report-pdf';
import type { CanopyReferencingState, ReferencingRecord } from './state';

export function wantsPdf(request: SandboxRequest): boolean {
  const accept = request.headers.accept;
  return (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).toLowerCase().includes('application/pdf');
}

export function intermediateReport(state: CanopyReferencingState, record: ReferencingRecord): SandboxReply {
  // The report is generated for the renter's last request: a guarantor's when that one screened a guarantor.
  const latest = state.latestRequestFor(record.email) ?? record;
  const identity = state.prefilledFor(record.email).identity;
  const bytes = renderIntermediateReportPdf({
    renterName: [record.firstName ?? identity?.firstName, record.lastName ?? identity?.lastName].filter(Boolean).join(' ') || record.email,
    canopyReferenceId: record.canopyReferenceId,
    status: globalStatus(record),
    sections: [...record.sections.keys()].map((section) => [section, sectionStatus(record, section)]),
    issuedAt: state.now(),
    asGuarantor: latest.requestType === 'GUARANTOR_SCREENING',
  });
  return {
    status: 200,
    bytes,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename='${record.canopyReferenceId}_INTERMEDIATE.pdf'`,
    },
  };
}
