/**
 * Reads the notifications Canopy POSTs to callback URLs (request status, passport status,
 * notes, completed report) into `CanopyNotification`. The four kinds share no type field, so
 * the kind is told from the fields each one alone has.
 */
import { CANOPY_REFERENCING_ID } from '../id-formats';
import { PayloadError, shown, toDate, toInteger, toRecord, toText } from '../normalise';
import { documentIdFromUrl, poundsToPence } from './normalise';
import type {
  CanopyCompletedReportNotification,
  CanopyNoteNotification,
  CanopyNotification,
  CanopyPassportStatusNotification,
  CanopyRequestStatusNotification,
} from './types';

type Json = Record<string, unknown>;

function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : toText(value, field);
}

function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new PayloadError(`${field}: expected a boolean, got ${shown(value)}`);
  return value;
}

function references(body: Json): { canopyReferenceId: string; clientReferenceId?: string } {
  const clientReferenceId = optionalString(body.clientReferenceId, 'clientReferenceId');
  const canopyReferenceId = toText(body.canopyReferenceId, 'canopyReferenceId');
  // It goes into vendor paths later (the notes lookup): held to the format the GraphQL arguments are.
  if (!CANOPY_REFERENCING_ID.pattern.test(canopyReferenceId)) throw new PayloadError(`canopyReferenceId: must be ${CANOPY_REFERENCING_ID.description}`);
  return clientReferenceId === undefined ? { canopyReferenceId } : { canopyReferenceId, clientReferenceId };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

function completedReport(body: Json): CanopyCompletedReportNotification {
  const document = toRecord(body.document, 'document');
  const documentType = toInteger(document.documentType, 'document.documentType');
  const title = optionalString(document.title, 'document.title') ?? (documentType === 1 ? 'FULL' : 'INSTANT');
  return {
    kind: 'completedReport',
    ...references(body),
    document: withoutUndefined({
      title,
      documentType,
      documentId: documentIdFromUrl(toText(document.url, 'document.url'), 'document.url'),
      summaryDocumentId: documentIdFromUrl(toText(document.summaryReportUrl, 'document.summaryReportUrl'), 'document.summaryReportUrl'),
      maxRent: poundsToPence(document.maxRent, 'document.maxRent'),
      status: toText(document.status, 'document.status'),
      isGuarantorReference: optionalBoolean(document.isGuarantorReference, 'document.isGuarantorReference'),
      isGuarantorNeeded: optionalBoolean(document.isGuarantorNeeded, 'document.isGuarantorNeeded'),
      waitingForGuarantor: optionalBoolean(document.waitingForGuarantor, 'document.waitingForGuarantor'),
      guarantorCompleteRP: optionalBoolean(document.guarantorCompleteRP, 'document.guarantorCompleteRP'),
    }),
  };
}

function passportStatus(body: Json): CanopyPassportStatusNotification {
  const section = toRecord(body.updatedSection, 'updatedSection');
  const instant = toRecord(body.instant, 'instant');
  const instantSections = toRecord(instant.sections, 'instant.sections');
  const full = body.full === undefined || body.full === null ? undefined : toRecord(body.full, 'full');
  const fullSections = full ? toRecord(full.sections, 'full.sections') : undefined;
  return withoutUndefined({
    kind: 'passportStatus' as const,
    ...references(body),
    updatedSection: {
      type: toText(section.type, 'updatedSection.type'),
      newStatus: toText(section.newStatus, 'updatedSection.newStatus'),
      updatedAt: toDate(section.updatedAt, 'updatedSection.updatedAt'),
    },
    instant: {
      status: toText(instant.status, 'instant.status'),
      sections: {
        income: toText(instantSections.income, 'instant.sections.income'),
        rent: toText(instantSections.rent, 'instant.sections.rent'),
        creditCheck: toText(instantSections.creditCheck, 'instant.sections.creditCheck'),
        savings: toText(instantSections.savings, 'instant.sections.savings'),
      },
    },
    full:
      full && fullSections
        ? {
            status: toText(full.status, 'full.status'),
            sections: {
              employerReference: toText(fullSections.employerReference, 'full.sections.employerReference'),
              landlordReference: toText(fullSections.landlordReference, 'full.sections.landlordReference'),
            },
          }
        : undefined,
    identityVerification: optionalString(body.identityVerification, 'identityVerification'),
    rightToRent: optionalString(body.rightToRent, 'rightToRent'),
    globalStatus: toText(body.globalStatus, 'globalStatus'),
  });
}

function note(body: Json): CanopyNoteNotification {
  return {
    kind: 'note',
    ...references(body),
    noteType: toText(body.noteType, 'noteType'),
    section: toText(body.section, 'section'),
    action: toText(body.action, 'action'),
    // A deleted note may come without its text.
    note: typeof body.note === 'string' ? body.note : '',
  };
}

function requestStatus(body: Json): CanopyRequestStatusNotification {
  return { kind: 'requestStatus', ...references(body), event: toText(body.notes, 'notes') };
}

/** Any notification Canopy sends; throws PayloadError naming the field when the body is none of them. */
export function readCanopyNotification(body: unknown): CanopyNotification {
  const json = toRecord(body, 'body');
  if ('document' in json) return completedReport(json);
  if ('updatedSection' in json) return passportStatus(json);
  if ('noteType' in json) return note(json);
  if ('notes' in json) return requestStatus(json);
  throw new PayloadError('body: not a Canopy Referencing notification (no document, updatedSection, noteType or notes)');
}
