import { writeSinglePagePdf } from './pdf';
import type { ScreeningResult } from './state';

export interface ReportContent {
  title: string;
  renterName: string;
  canopyReferenceId: string;
  result: ScreeningResult;
  /** Whole pounds a month. */
  maxRent: number;
  issuedAt: Date;
  /** The guarantor's e-mail, once the guarantor's passport is part of the report. */
  guarantor?: string;
}

/** The report Canopy sends when a passport is complete: who, the verdict, the affordable rent. */
export function renderReportPdf(report: ReportContent): Buffer {
  const lines = [
    { text: 'Canopy Rent Passport', size: 20 },
    { text: report.title, size: 14 },
    { text: `Renter: ${report.renterName}` },
    { text: `Result: ${report.result}` },
    { text: `Maximum monthly rent: GBP ${report.maxRent}` },
    { text: `Canopy reference: ${report.canopyReferenceId}` },
    { text: `Issued: ${report.issuedAt.toISOString()}` },
  ];
  if (report.guarantor) lines.push({ text: `Guarantor: ${report.guarantor} (passport complete)` });
  return writeSinglePagePdf(lines, `${report.title} - ${report.renterName}`);
}

export interface IntermediateReportContent {
  renterName: string;
  canopyReferenceId: string;
  /** The passport's global status so far, e.g. IN_PROGRESS. */
  status: string;
  /** Each section the request screens, with its status. */
  sections: Array<[section: string, status: string]>;
  issuedAt: Date;
  /** "If requestType of last reference request for user is GUARANTOR_SCREENING, the Report will be generated as for the Guarantor." */
  asGuarantor: boolean;
}

/** The intermediate report: the screening results so far, before the passport is complete. */
export function renderIntermediateReportPdf(report: IntermediateReportContent): Buffer {
  const lines = [
    { text: 'Canopy Rent Passport', size: 20 },
    { text: `Intermediate report${report.asGuarantor ? ' (guarantor)' : ''}`, size: 14 },
    { text: `${report.asGuarantor ? 'Guarantor' : 'Renter'}: ${report.renterName}` },
    { text: `Status so far: ${report.status}` },
    ...report.sections.map(([section, status]) => ({ text: `${section}: ${status}` })),
    { text: `Canopy reference: ${report.canopyReferenceId}` },
    { text: `Issued: ${report.issuedAt.toISOString()}` },
  ];
  return writeSinglePagePdf(lines, `Intermediate report - ${report.renterName}`);
}
