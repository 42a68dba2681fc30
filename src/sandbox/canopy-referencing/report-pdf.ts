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
