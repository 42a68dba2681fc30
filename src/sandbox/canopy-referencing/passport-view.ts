/** The Rent Passport and notes answers, built from a request's state. */
import type { NoteSection } from '../../sources/canopy-referencing/enums';
import type {
  WireExternalNote,
  WireNotesResponse,
  WireNotesSection,
  WirePassportNoteSection,
  WireRentPassportResponse,
} from '../../sources/canopy-referencing/wire';
import { inIdSpace } from '../id-space';
import { stableUuid } from './ids';
import { financialSummary, guaranteedRenters, rightToRentData } from './passport-parts';
import { fullStatus, globalStatus, instantStatus, isFullScreening, maxMonthlyRent, sectionStatus } from './lifecycle';
import type { CanopyReferencingState, ReferencingRecord } from './state';

export function documentPath(clientId: string, documentId: string): string {
  return `/referencing-requests/client/${encodeURIComponent(clientId)}/documents/${encodeURIComponent(documentId)}`;
}

/** "Only for the sections to which the referencing request has access": references need FULL screening. */
export function noteSectionsVisibleTo(record: ReferencingRecord): WireNotesSection[] & NoteSection[] {
  const sections: Array<WireNotesSection & NoteSection> = ['SUMMARY', 'CREDIT_CHECK', 'INCOME', 'SAVINGS', 'RENT'];
  if (isFullScreening(record.itemType)) sections.push('EMPLOYEE_REFERENCE', 'LANDLORD_REFERENCE');
  return sections;
}

/** The passport's own `notes` use other section names than the notes endpoint (EMPLOYER, not EMPLOYEE). */
const PASSPORT_NOTE_SECTIONS: Record<WirePassportNoteSection, NoteSection | null> = {
  GLOBAL: 'SUMMARY',
  IDENTITY: null,
  INCOME: 'INCOME',
  SAVINGS: 'SAVINGS',
  RENT: 'RENT',
  LANDLORD_REFERENCE: 'LANDLORD_REFERENCE',
  EMPLOYER_REFERENCE: 'EMPLOYEE_REFERENCE',
  RENT_TRACKING: null,
};

function externalNote(record: ReferencingRecord, section: NoteSection | null): WireExternalNote {
  const latest = record.notes.filter((note) => note.noteType === 'REPORT' && note.section === section).at(-1);
  return { message: latest?.message ?? null, createdAt: latest?.createdAt.toISOString() ?? null };
}

const CREDIT_SCORES = { ACCEPT: 820, CONSIDER: 560, HIGH_RISK: 380 } as const;
const CREDIT_INDICATORS = { ACCEPT: 'GREEN', CONSIDER: 'AMBER', HIGH_RISK: 'RED' } as const;

function progress(statuses: string[]): string {
  if (statuses.length === 0 || statuses.every((status) => status === 'NOT_STARTED')) return 'NOT_STARTED';
  return statuses.every((status) => status === 'DONE') ? 'DONE' : 'IN_PROGRESS';
}

function considerSummary(record: ReferencingRecord): Record<string, string> | null {
  const summary: Record<string, string> = {};
  if (record.identityVerification && sectionStatus(record, 'IDENTITY_VERIFICATION') !== 'DONE') summary.ID_VERIFICATION = 'NO_PHOTO_ID';
  if (record.result === 'CONSIDER' && sectionStatus(record, 'INCOME') === 'DONE') summary.INCOME = 'LOW_AFFORDABILITY';
  return Object.keys(summary).length > 0 ? summary : null;
}

export function rentPassportResponse(
  state: CanopyReferencingState,
  record: ReferencingRecord,
  requestId: string,
): WireRentPassportResponse {
  const prefilled = state.prefilledFor(record.email);
  const instantOf = (section: 'INCOME' | 'SAVINGS' | 'CREDIT_CHECK' | 'RENT') =>
    record.sections.has(section) ? sectionStatus(record, section) : null;
  const creditDone = sectionStatus(record, 'CREDIT_CHECK') === 'DONE';
  const incomeDone = sectionStatus(record, 'INCOME') === 'DONE';
  const affordability = incomeDone ? String(maxMonthlyRent(record)) : '0';
  const completed = record.stage === 'COMPLETED' || record.stage === 'WAITING_FOR_GUARANTOR';
  const branch = state.branch(record.canopyBranchId) ?? state.defaultBranch();
  const identity = prefilled.identity;
  const other = (['IDENTITY_VERIFICATION', 'RTR_VERIFICATION'] as const)
    .filter((section) => record.sections.has(section))
    .map((section) => sectionStatus(record, section));
  const guaranteed = guaranteedRenters(state, record);
  const notes = Object.fromEntries(
    Object.entries(PASSPORT_NOTE_SECTIONS).map(([name, section]) => [name, { EXTERNAL: externalNote(record, section) }]),
  );

  return {
    success: true,
    requestId,
    data: {
      rentPassport: {
        statuses: {
          overall: { ready: completed, status: globalStatus(record) },
          instant: {
            income: instantOf('INCOME'),
            savings: instantOf('SAVINGS'),
            creditCheck: instantOf('CREDIT_CHECK'),
            rent: instantOf('RENT'),
            overall: instantStatus(record),
          },
          full: {
            overall: fullStatus(record),
            landlordReference: sectionStatus(record, 'LANDLORD_REFERENCE'),
            employerReference: sectionStatus(record, 'EMPLOYEE_REFERENCE'),
          },
        },
        monthlyRentAffordability: affordability,
        incomeMonthlyRentAffordability: affordability,
        savingsMonthlyRentAffordability: 0,
        user: {
          identity: identity
            ? {
                status: 'YES',
                data: { firstName: identity.firstName, lastName: identity.lastName, dateOfBirth: identity.dateOfBirth },
              }
            : { status: 'NO', data: {} },
          addressHistory: identity ? { status: 'YES', data: identity.addresses } : { status: 'NO', data: [] },
          creditIndicator: creditDone ? CREDIT_INDICATORS[record.result] : 'NO',
          financialSummary: financialSummary(record),
          creditScore: creditDone ? CREDIT_SCORES[record.result] : null,
          dateChecked: creditDone ? record.updatedAt.toISOString() : null,
        },
        highRiskSummary: creditDone && record.result === 'HIGH_RISK' ? { CREDIT_CHECK: 'ADVERSE_CREDIT' } : null,
        considerSummary: considerSummary(record),
        canRequestGuarantor: record.requestType === 'RENTER_SCREENING' && record.guarantor === null,
        guarantorRequest: record.guarantor
          ? { email: record.guarantor.email, status: record.guarantor.status, createdAt: record.guarantor.createdAt.toISOString() }
          : null,
        notes,
        isGuarantor: record.requestType === 'GUARANTOR_SCREENING',
        isFavourite: false,
        connection: {
          id: stableUuid('connection', record.canopyReferenceId),
          branchId: branch.canopyBranchId,
          tenancyStatus: 'SCREENING',
          branchName: branch.branchName,
          renterId: stableUuid(inIdSpace(state.idSpace, 'renter'), record.email.toLowerCase()),
          referencingType: isFullScreening(record.itemType) ? 'FULL' : 'INSTANT',
          createdAt: record.createdAt.toISOString(),
          moveFrom: null,
          moveTo: null,
          groupStates: {
            full: progress(
              isFullScreening(record.itemType)
                ? [sectionStatus(record, 'LANDLORD_REFERENCE'), sectionStatus(record, 'EMPLOYEE_REFERENCE')]
                : [],
            ),
            other: progress(other),
            instant: progress((['INCOME', 'SAVINGS', 'CREDIT_CHECK', 'RENT'] as const).flatMap((section) => instantOf(section) ?? [])),
          },
          srOverall: progress([...record.sections.values()]),
          isRPCompleted: completed,
          source: 'REFERENCE_API',
        },
      },
      guarantors: {
        pending: record.guarantor?.status === 'PENDING' ? 1 : 0,
        accepted: record.guarantor?.status === 'ACCEPTED' ? 1 : 0,
      },
      guaranteedRenters: { count: guaranteed.length, items: guaranteed },
      identityVerification: record.identityVerification
        ? {
            status: sectionStatus(record, 'IDENTITY_VERIFICATION') === 'DONE' ? 'VERIFIED' : 'NO_PHOTO_ID',
            additionalInfo: null,
            updatedAt: record.updatedAt.toISOString(),
          }
        : null,
      rightToRent: record.rightToRent
        ? {
            data: rightToRentData(record),
            type: 'MANUAL',
            status: sectionStatus(record, 'RTR_VERIFICATION') === 'DONE' ? 'COMPLETED' : 'READY_TO_COMPLETE',
            requestId: stableUuid('right-to-rent', record.canopyReferenceId),
          }
        : null,
    },
  };
}

export function notesResponse(state: CanopyReferencingState, record: ReferencingRecord): WireNotesResponse {
  const identity = state.prefilledFor(record.email).identity;
  const sections: WireNotesResponse['sections'] = {};
  for (const section of noteSectionsVisibleTo(record)) {
    const notes = record.notes.filter((note) => note.section === section);
    const view = (noteType: 'AGENT' | 'REPORT') =>
      notes.filter((note) => note.noteType === noteType).map((note) => ({ message: note.message, createdAt: note.createdAt.toISOString() }));
    sections[section] = { agentNotes: view('AGENT'), reportNotes: view('REPORT') };
  }
  return {
    userDetails: {
      email: record.email,
      firstName: record.firstName ?? identity?.firstName ?? '',
      lastName: record.lastName ?? identity?.lastName ?? '',
    },
    sections,
  };
}
