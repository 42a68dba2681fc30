/**
 * How one referencing request moves on: invited, connected, each passport section started and
 * done, then the passport completed (and, with a guarantor, completed again once the guarantor
 * is). Each step returns the events it raised; `notifications.ts` turns them into deliveries.
 */
import type {
  ItemType,
  NoteSection,
  NoteType,
  RequestStatusEvent,
  ScreeningStatus,
  SectionStatus,
  UpdatedSection,
} from '../../sources/canopy-referencing/enums';
import { stableUuid } from './ids';
import { renderReportPdf } from './report-pdf';
import type { CanopyReferencingState, ReferencingRecord } from './state';

export type LifecycleEvent =
  | { kind: 'requestStatus'; event: RequestStatusEvent }
  | { kind: 'passportStatus'; section: UpdatedSection; newStatus: SectionStatus; at: Date }
  | { kind: 'note'; noteType: NoteType; section: NoteSection; message: string }
  | { kind: 'completedReport' };

const INSTANT_SECTIONS: UpdatedSection[] = ['CREDIT_CHECK', 'INCOME', 'RENT', 'SAVINGS'];
const FULL_SECTIONS: UpdatedSection[] = ['EMPLOYEE_REFERENCE', 'LANDLORD_REFERENCE'];

export function isFullScreening(itemType: string): boolean {
  return itemType === 'FULL' || itemType === 'PRIORITY';
}

/** The passport sections a request screens, in the order a renter completes them. */
export function plannedSections(
  itemType: ItemType,
  checks: { identityVerification: boolean; rightToRent: boolean },
): Map<UpdatedSection, SectionStatus> {
  // A credit-check-only request screens nothing else.
  const sections: UpdatedSection[] = itemType === 'CC_ONLY' ? ['CREDIT_CHECK'] : [...INSTANT_SECTIONS];
  if (isFullScreening(itemType)) sections.push(...FULL_SECTIONS);
  if (checks.identityVerification) sections.push('IDENTITY_VERIFICATION');
  if (checks.rightToRent) sections.push('RTR_VERIFICATION');
  return new Map(sections.map((section) => [section, 'NOT_STARTED']));
}

export function sectionStatus(record: ReferencingRecord, section: UpdatedSection): SectionStatus {
  return record.sections.get(section) ?? 'NOT_STARTED';
}

/** NOT_STARTED until something starts, the verdict once all are done, IN_PROGRESS between. */
export function groupStatus(record: ReferencingRecord, sections: UpdatedSection[]): ScreeningStatus {
  const statuses = sections.filter((section) => record.sections.has(section)).map((section) => sectionStatus(record, section));
  if (statuses.length === 0 || statuses.every((status) => status === 'NOT_STARTED')) return 'NOT_STARTED';
  if (statuses.every((status) => status === 'DONE')) return record.result;
  return 'IN_PROGRESS';
}

export function instantStatus(record: ReferencingRecord): ScreeningStatus {
  return groupStatus(record, INSTANT_SECTIONS);
}

export function fullStatus(record: ReferencingRecord): ScreeningStatus {
  return groupStatus(record, FULL_SECTIONS);
}

export function globalStatus(record: ReferencingRecord): ScreeningStatus {
  return groupStatus(record, [...record.sections.keys()]);
}

export function isFinished(record: ReferencingRecord): boolean {
  return record.stage === 'COMPLETED' && record.queuedEvents.length === 0;
}

/** Affordability: Canopy's rule of thumb is a rent of at most a thirtieth of the yearly income. */
export function maxMonthlyRent(record: ReferencingRecord): number {
  return Math.floor(record.annualSalary / 30);
}

function addNote(record: ReferencingRecord, noteType: NoteType, section: NoteSection, message: string, at: Date): LifecycleEvent {
  record.notes.push({ noteType, section, message, createdAt: at });
  return { kind: 'note', noteType, section, message };
}

const RESULT_WORDING: Record<ReferencingRecord['result'], string> = {
  ACCEPT: 'meets the affordability and credit criteria',
  CONSIDER: 'needs a closer look: affordability is borderline',
  HIGH_RISK: 'is high risk: adverse credit found',
};

function issueDocuments(state: CanopyReferencingState, record: ReferencingRecord, at: Date): void {
  const generation = record.documents ? 'guarantor' : 'renter';
  const kind = isFullScreening(record.itemType) ? 'FULL' : 'INSTANT';
  const reportId = stableUuid('document', record.canopyReferenceId, kind, generation);
  const summaryId = stableUuid('document', record.canopyReferenceId, 'SUMMARY', generation);
  const name = [record.firstName, record.lastName].filter(Boolean).join(' ') || record.email;
  for (const [documentId, documentKind] of [
    [reportId, kind],
    [summaryId, 'SUMMARY'],
  ] as const) {
    state.documents.set(documentId, {
      documentId,
      canopyReferenceId: record.canopyReferenceId,
      kind: documentKind,
      bytes: renderReportPdf({
        title: documentKind === 'SUMMARY' ? 'Rent Passport summary' : `Rent Passport - ${kind} screening`,
        renterName: name,
        canopyReferenceId: record.canopyReferenceId,
        result: record.result,
        maxRent: maxMonthlyRent(record),
        issuedAt: at,
        guarantor: record.guarantor?.status === 'ACCEPTED' ? record.guarantor.email : undefined,
      }),
    });
  }
  record.documents = { reportId, summaryId };
}

function complete(state: CanopyReferencingState, record: ReferencingRecord, at: Date): LifecycleEvent[] {
  const events =
    record.stage === 'WAITING_FOR_GUARANTOR'
      ? [addNote(record, 'REPORT', 'SUMMARY', "The guarantor's passport is complete; the joint report replaces the first one.", at)]
      : [
          addNote(record, 'REPORT', 'SUMMARY', `Screening complete: the renter ${RESULT_WORDING[record.result]}.`, at),
          addNote(record, 'AGENT', 'SUMMARY', 'Reviewed by the branch; report sent to the agency.', at),
        ];
  issueDocuments(state, record, at);
  const waiting = record.isGuarantorNeeded && record.guarantor?.status !== 'ACCEPTED';
  record.stage = waiting ? 'WAITING_FOR_GUARANTOR' : 'COMPLETED';
  events.push({ kind: 'requestStatus', event: waiting ? 'PASSPORT_COMPLETED_WAITING_FOR_GUARANTOR' : 'PASSPORT_COMPLETED' });
  events.push({ kind: 'completedReport' });
  return events;
}

function progressSection(state: CanopyReferencingState, record: ReferencingRecord, at: Date): LifecycleEvent[] {
  const next = [...record.sections].find(([, status]) => status !== 'DONE');
  if (!next) return complete(state, record, at);
  const [section, status] = next;
  const newStatus: SectionStatus = status === 'NOT_STARTED' ? 'IN_PROGRESS' : 'DONE';
  record.sections.set(section, newStatus);
  const events: LifecycleEvent[] = [{ kind: 'passportStatus', section, newStatus, at }];
  if (newStatus === 'DONE' && section === 'INCOME' && record.result !== 'ACCEPT') {
    events.push(addNote(record, 'REPORT', 'INCOME', `Income covers a rent of up to £${maxMonthlyRent(record)} a month.`, at));
  }
  if (newStatus === 'DONE' && section === 'LANDLORD_REFERENCE') {
    events.push(addNote(record, 'REPORT', 'LANDLORD_REFERENCE', 'Previous landlord confirms rent was paid on time.', at));
  }
  // The passport completes on the step that finishes its last section.
  if ([...record.sections.values()].every((value) => value === 'DONE')) events.push(...complete(state, record, at));
  return events;
}

/** Moves a request one step on; an empty list when it has nothing left to do. */
export function step(state: CanopyReferencingState, record: ReferencingRecord, at: Date): LifecycleEvent[] {
  record.updatedAt = at;
  const queued = record.queuedEvents.splice(0);
  if (queued.length > 0) return queued.map((event) => ({ kind: 'requestStatus', event }));
  switch (record.stage) {
    case 'CREATED':
      record.stage = 'INVITED';
      return [{ kind: 'requestStatus', event: 'INVITED' }];
    case 'INVITED':
      record.stage = 'CONNECTED';
      if (record.isGuarantorNeeded && !record.guarantor) {
        const [local = 'renter'] = record.email.split('@');
        record.guarantor = { email: `${local}.guarantor@example.com`, status: 'PENDING', createdAt: at };
      }
      return [{ kind: 'requestStatus', event: 'CONNECTED' }];
    case 'CONNECTED':
      return progressSection(state, record, at);
    case 'WAITING_FOR_GUARANTOR':
      if (record.guarantor) record.guarantor.status = 'ACCEPTED';
      return complete(state, record, at);
    case 'COMPLETED':
      return [];
  }
}
