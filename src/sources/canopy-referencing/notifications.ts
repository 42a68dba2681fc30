/**
 * Reads the notifications Canopy POSTs to callback URLs (request status, passport status,
 * notes, completed report) into `CanopyNotification`. The four kinds share no type field, so
 * the kind is told from the fields each one alone has.
 */
import { PayloadError, toDate, toInteger } from '../normalise';
import { documentIdFromUrl, poundsToPence } from './normalise';
import type {
  CanopyCompletedReportNotification,
  CanopyNoteNotification,
  CanopyNotification,
  CanopyPassportStatusNotification,
  CanopyRequestStatusNotification,
} from './types';

type Json = Record<string, unknown>;

function record(value: unknown, field: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PayloadError(`${field}: expected an object, got ${JSON.stringify(value)}`);
  }
  return value as Json;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new PayloadError(`${field}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : string(value, field);
}

function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new PayloadError(`${field}: expected a boolean, got ${JSON.stringify(value)}`);
  return value;
}

function references(body: Json): { canopyReferenceId: string; clientReferenceId?: string } {
  const clientReferenceId = optionalString(body.clientReferenceId, 'clientReferenceId');
  const canopyReferenceId = string(body.canopyReferenceId, 'canopyReferenceId');
  return clientReferenceId === undefined ? { canopyReferenceId } : { canopyReferenceId, clientReferenceId };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

function completedReport(body: Json): CanopyCompletedReportNotification {
  const document = record(body.document, 'document');
  const documentType = toInteger(document.documentType, 'document.documentType');
  const title = optionalString(document.title, 'document.title') ?? (documentType === 1 ? 'FULL' : 'INSTANT');
  return {
    kind: 'completedReport',
    ...references(body),
    document: withoutUndefined({
      title,
      documentId: documentIdFromUrl(string(document.url, 'document.url'), 'document.url'),
      summaryDocumentId: documentIdFromUrl(string(document.summaryReportUrl, 'document.summaryReportUrl'), 'document.summaryReportUrl'),
      maxRent: poundsToPence(document.maxRent, 'document.maxRent'),
      status: string(document.status, 'document.status'),
      isGuarantorReference: optionalBoolean(document.isGuarantorReference, 'document.isGuarantorReference'),
      isGuarantorNeeded: optionalBoolean(document.isGuarantorNeeded, 'document.isGuarantorNeeded'),
      waitingForGuarantor: optionalBoolean(document.waitingForGuarantor, 'document.waitingForGuarantor'),
      guarantorCompleteRP: optionalBoolean(document.guarantorCompleteRP, 'document.guarantorCompleteRP'),
    }),
  };
}

function passportStatus(body: Json): CanopyPassportStatusNotification {
  const section = record(body.updatedSection, 'updatedSection');
  const instant = record(body.instant, 'instant');
  const instantSections = record(instant.sections, 'instant.sections');
  const full = body.full === undefined || body.full === null ? undefined : record(body.full, 'full');
  const fullSections = full ? record(full.sections, 'full.sections') : undefined;
  return withoutUndefined({
    kind: 'passportStatus' as const,
    ...references(body),
    updatedSection: {
      type: string(section.type, 'updatedSection.type'),
      newStatus: string(section.newStatus, 'updatedSection.newStatus'),
      updatedAt: toDate(section.updatedAt, 'updatedSection.updatedAt'),
    },
    instant: {
      status: string(instant.status, 'instant.status'),
      sections: {
        income: string(instantSections.income, 'instant.sections.income'),
        rent: string(instantSections.rent, 'instant.sections.rent'),
        creditCheck: string(instantSections.creditCheck, 'instant.sections.creditCheck'),
        savings: string(instantSections.savings, 'instant.sections.savings'),
      },
    },
    full:
      full && fullSections
        ? {
            status: string(full.status, 'full.status'),
            sections: {
              employerReference: string(fullSections.employerReference, 'full.sections.employerReference'),
              landlordReference: string(fullSections.landlordReference, 'full.sections.landlordReference'),
            },
          }
        : undefined,
    identityVerification: optionalString(body.identityVerification, 'identityVerification'),
    rightToRent: optionalString(body.rightToRent, 'rightToRent'),
    globalStatus: string(body.globalStatus, 'globalStatus'),
  });
}

function note(body: Json): CanopyNoteNotification {
  return {
    kind: 'note',
    ...references(body),
    noteType: string(body.noteType, 'noteType'),
    section: string(body.section, 'section'),
    action: string(body.action, 'action'),
    // A deleted note may come without its text.
    note: typeof body.note === 'string' ? body.note : '',
  };
}

function requestStatus(body: Json): CanopyRequestStatusNotification {
  return { kind: 'requestStatus', ...references(body), event: string(body.notes, 'notes') };
}

/** Any notification Canopy sends; throws PayloadError naming the field when the body is none of them. */
export function readCanopyNotification(body: unknown): CanopyNotification {
  const json = record(body, 'body');
  if ('document' in json) return completedReport(json);
  if ('updatedSection' in json) return passportStatus(json);
  if ('noteType' in json) return note(json);
  if ('notes' in json) return requestStatus(json);
  throw new PayloadError('body: not a Canopy Referencing notification (no document, updatedSection, noteType or notes)');
}
