import { REPORT_STATUS_VALUES, REPORT_TITLE_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyRentPassport, CanopyReport } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { ReferencingReportStatusEnum, ScreeningTypeEnum } from './enums';

/** The report of a completed Rent Passport, from the passport or from Canopy's completed-report callback. */
export interface ReportShape {
  title: string;
  status: string;
  maxRentPence: number;
  isGuarantorReference: boolean;
  waitingForGuarantor: boolean;
  guarantorCompleted: boolean;
  /** Only the completed-report callback carries the document ids. */
  documentId?: string;
  summaryDocumentId?: string;
}

/** The passport's verdict in the report's terms: an accepted renter's report says VERIFY. */
const REPORT_STATUS_OF: Record<string, string> = { ACCEPT: 'VERIFY', CONSIDER: 'CONSIDER', HIGH_RISK: 'HIGH_RISK' };

/** What the Rent Passport says of its report once complete; null before. */
export function reportFromPassport(passport: CanopyRentPassport): ReportShape | null {
  if (!passport.ready) return null;
  return {
    title: passport.connection.referencingType,
    status: REPORT_STATUS_OF[passport.overallStatus] ?? passport.overallStatus,
    maxRentPence: passport.monthlyRentAffordability,
    isGuarantorReference: passport.isGuarantor,
    waitingForGuarantor: passport.guarantors.pending > 0,
    guarantorCompleted: passport.guarantors.accepted > 0,
  };
}

/** The report of Canopy's completed-report callback, with its PDFs (for the webhook's events). */
export function reportFromDocument(document: CanopyReport): ReportShape {
  return {
    title: document.title,
    status: document.status,
    maxRentPence: document.maxRent,
    isGuarantorReference: document.isGuarantorReference ?? false,
    waitingForGuarantor: document.waitingForGuarantor ?? false,
    guarantorCompleted: document.guarantorCompleteRP ?? false,
    documentId: document.documentId,
    summaryDocumentId: document.summaryDocumentId,
  };
}

export const ReferencingReport = builder.objectRef<ReportShape>('ReferencingReport').implement({
  description: 'The Rent Passport report Canopy sends once the renter has completed referencing.',
  fields: (t) => ({
    title: t.field({
      type: ScreeningTypeEnum,
      description: 'INSTANT or FULL screening.',
      resolve: (report) => listed('ScreeningType', REPORT_TITLE_VALUES, report.title),
    }),
    status: t.field({
      type: ReferencingReportStatusEnum,
      description: 'The verdict: VERIFY (accepted), CONSIDER or HIGH_RISK.',
      resolve: (report) => listed('ReferencingReportStatus', REPORT_STATUS_VALUES, report.status),
    }),
    maxRent: t.field({
      type: Money,
      description: 'The highest monthly rent the renter can afford.',
      resolve: (report) => money(report.maxRentPence, 'GBP'),
    }),
    isGuarantorReference: t.exposeBoolean('isGuarantorReference', { description: 'True when the person was screened as a guarantor.' }),
    waitingForGuarantor: t.exposeBoolean('waitingForGuarantor', {
      description: 'True while a guarantor requested for the renter has not completed their passport.',
    }),
    guarantorCompleted: t.exposeBoolean('guarantorCompleted', {
      description: 'True once the guarantor requested for the renter has completed their passport.',
    }),
    pdfUrl: t.string({
      nullable: true,
      description:
        'The PDF report, served by the gateway at a signed link that expires. Canopy names the document only in its completed-report callback: null until the gateway has received it.',
      resolve: (report, _args, ctx) => (report.documentId ? ctx.reportLinks.canopyDocumentUrl(report.documentId) : null),
    }),
    summaryPdfUrl: t.string({
      nullable: true,
      description: 'The summary PDF, as `pdfUrl`.',
      resolve: (report, _args, ctx) => (report.summaryDocumentId ? ctx.reportLinks.canopyDocumentUrl(report.summaryDocumentId) : null),
    }),
  }),
});
