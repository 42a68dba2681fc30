import { REPORT_STATUS_VALUES, REPORT_TITLE_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyReport } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { ReferencingReportStatusEnum, ScreeningTypeEnum } from './enums';

/** The callback's `documentType` in the words of its `title`: 0 is INSTANT, 1 is FULL. */
const SCREENING_TYPE_OF_DOCUMENT: Record<number, string> = { 0: 'INSTANT', 1: 'FULL' };

export const ReferencingReport = builder.objectRef<CanopyReport>('ReferencingReport').implement({
  description:
    'The Rent Passport report, as Canopy’s completed-report callback gives it; no Canopy read returns it. The guarantor flags are null where the callback leaves them out, which it does by request type: absent is not false.',
  fields: (t) => ({
    title: t.field({
      type: ScreeningTypeEnum,
      description: 'The callback’s `title`, INSTANT or FULL; derived from `documentType` when a callback leaves the title out.',
      resolve: (report) => listed('ScreeningType', REPORT_TITLE_VALUES, report.title),
    }),
    documentType: t.field({
      type: ScreeningTypeEnum,
      description: 'The callback’s `documentType` (0 = INSTANT, 1 = FULL): the kind of screening the PDF reports.',
      resolve: (report) => listed('ScreeningType', REPORT_TITLE_VALUES, SCREENING_TYPE_OF_DOCUMENT[report.documentType] ?? String(report.documentType)),
    }),
    status: t.field({
      type: ReferencingReportStatusEnum,
      description: 'The verdict: VERIFY (accepted), CONSIDER or HIGH_RISK.',
      resolve: (report) => listed('ReferencingReportStatus', REPORT_STATUS_VALUES, report.status),
    }),
    maxRent: t.field({
      type: Money,
      nullable: true,
      authScopes: { pii: true },
      description: 'The highest monthly rent the renter can afford, as the report states it.',
      resolve: (report) => money(report.maxRent, 'GBP'),
    }),
    isGuarantorReference: t.boolean({
      nullable: true,
      description: 'True when the person was screened as a guarantor; sent only for a GUARANTOR_SCREENING request.',
      resolve: (report) => report.isGuarantorReference ?? null,
    }),
    isGuarantorNeeded: t.boolean({
      nullable: true,
      description: 'Whether a guarantor was requested for the renter; sent only for a RENTER_SCREENING request.',
      resolve: (report) => report.isGuarantorNeeded ?? null,
    }),
    waitingForGuarantor: t.boolean({
      nullable: true,
      description: 'True while the guarantor has not completed their passport; sent only when isGuarantorNeeded is true.',
      resolve: (report) => report.waitingForGuarantor ?? null,
    }),
    guarantorCompleted: t.boolean({
      nullable: true,
      description: 'The callback’s `guarantorCompleteRP`: true once the guarantor has completed their passport; sent only when isGuarantorNeeded is true.',
      resolve: (report) => report.guarantorCompleteRP ?? null,
    }),
    pdfUrl: t.string({
      nullable: true,
      authScopes: { pii: true },
      description: 'The PDF report, served by the gateway at a signed link that expires.',
      resolve: (report, _args, ctx) => ctx.reportLinks.canopyDocumentUrl(ctx.agency.id, report.documentId),
    }),
    summaryPdfUrl: t.string({
      nullable: true,
      authScopes: { pii: true },
      description: 'The summary PDF, as `pdfUrl`.',
      resolve: (report, _args, ctx) => ctx.reportLinks.canopyDocumentUrl(ctx.agency.id, report.summaryDocumentId),
    }),
  }),
});
