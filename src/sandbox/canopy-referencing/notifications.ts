/** Turns lifecycle events into the notifications Canopy sends, to the URLs registered for them. */
import { isListed } from '../../sources/open-enum';
import { PASSPORT_SETTING_SECTION_VALUES, type NoteType, type WebhookType } from '../../sources/canopy-referencing/enums';
import type {
  WireCompletedReportNotification,
  WireNoteNotification,
  WirePassportStatusNotification,
  WireRequestStatusNotification,
} from '../../sources/canopy-referencing/wire';
import type { WebhookDelivery } from '../vendor-simulator';
import { fullStatus, globalStatus, instantStatus, isFullScreening, maxMonthlyRent, sectionStatus, type LifecycleEvent } from './lifecycle';
import { documentPath, noteSectionsVisibleTo } from './passport-view';
import type { CanopyReferencingState, ReferencingRecord } from './state';

const NOTE_WEBHOOKS: Record<NoteType, WebhookType[]> = {
  AGENT: ['PASSPORT_ALL_NOTES', 'PASSPORT_AGENT_NOTES'],
  REPORT: ['PASSPORT_ALL_NOTES', 'PASSPORT_REPORT_NOTES'],
};

function passportStatusBody(
  record: ReferencingRecord,
  event: Extract<LifecycleEvent, { kind: 'passportStatus' }>,
): WirePassportStatusNotification {
  const body: WirePassportStatusNotification = {
    canopyReferenceId: record.canopyReferenceId,
    clientReferenceId: record.clientReferenceId,
    updatedSection: { type: event.section, newStatus: event.newStatus, updatedAt: event.at.toISOString() },
    instant: {
      status: instantStatus(record),
      sections: {
        income: sectionStatus(record, 'INCOME'),
        rent: sectionStatus(record, 'RENT'),
        creditCheck: sectionStatus(record, 'CREDIT_CHECK'),
        savings: sectionStatus(record, 'SAVINGS'),
      },
    },
    globalStatus: globalStatus(record),
  };
  if (isFullScreening(record.itemType)) {
    body.full = {
      status: fullStatus(record),
      sections: {
        employerReference: sectionStatus(record, 'EMPLOYEE_REFERENCE'),
        landlordReference: sectionStatus(record, 'LANDLORD_REFERENCE'),
      },
    };
  }
  if (record.identityVerification) body.identityVerification = sectionStatus(record, 'IDENTITY_VERIFICATION');
  if (record.rightToRent) body.rightToRent = sectionStatus(record, 'RTR_VERIFICATION');
  return body;
}

export function completedReportBody(state: CanopyReferencingState, record: ReferencingRecord): WireCompletedReportNotification {
  const full = isFullScreening(record.itemType);
  const documents = record.documents;
  if (!documents) throw new Error(`request ${record.canopyReferenceId} has no report yet`);
  const document: WireCompletedReportNotification['document'] = {
    documentType: full ? 1 : 0,
    url: documentPath(state.clientId, documents.reportId),
    summaryReportUrl: documentPath(state.clientId, documents.summaryId),
    maxRent: maxMonthlyRent(record),
    status: record.result === 'ACCEPT' ? 'VERIFY' : record.result,
    title: full ? 'FULL' : 'INSTANT',
  };
  if (record.requestType === 'GUARANTOR_SCREENING') {
    document.isGuarantorReference = true;
  } else {
    document.isGuarantorNeeded = record.isGuarantorNeeded;
    if (record.isGuarantorNeeded) {
      document.waitingForGuarantor = record.stage === 'WAITING_FOR_GUARANTOR';
      document.guarantorCompleteRP = record.guarantor?.status === 'ACCEPTED';
    }
  }
  return { clientReferenceId: record.clientReferenceId, canopyReferenceId: record.canopyReferenceId, document };
}

/** The deliveries one event leads to: none when nobody registered for it. */
export function deliveriesFor(state: CanopyReferencingState, record: ReferencingRecord, event: LifecycleEvent): WebhookDelivery[] {
  const ids = { canopyReferenceId: record.canopyReferenceId, clientReferenceId: record.clientReferenceId };
  const label = `canopy-referencing ${record.canopyReferenceId}`;
  switch (event.kind) {
    case 'requestStatus': {
      const registration = state.webhooks.get('REQUEST_STATUS_UPDATES');
      if (!registration) return [];
      const body: WireRequestStatusNotification = { ...ids, notes: event.event };
      return [{ url: registration.callbackUrl, body, description: `${label} request ${event.event}` }];
    }
    case 'passportStatus': {
      const registration = state.webhooks.get('PASSPORT_STATUS_UPDATES');
      if (!registration) return [];
      const wanted = registration.additionalSettings;
      // Identity and right-to-rent cannot be named in additionalSettings, so only "all sections" ([]) gets them.
      if (wanted.length > 0 && !(isListed(PASSPORT_SETTING_SECTION_VALUES, event.section) && wanted.includes(event.section))) return [];
      return [
        {
          url: registration.callbackUrl,
          body: passportStatusBody(record, event),
          description: `${label} passport ${event.section} ${event.newStatus}`,
        },
      ];
    }
    case 'note': {
      if (!noteSectionsVisibleTo(record).includes(event.section)) return [];
      return NOTE_WEBHOOKS[event.noteType].flatMap((type) => {
        const registration = state.webhooks.get(type);
        if (!registration) return [];
        const body: WireNoteNotification = {
          ...ids,
          noteType: event.noteType,
          section: event.section,
          action: 'CREATED',
          note: event.message,
        };
        return [{ url: registration.callbackUrl, body, description: `${label} ${event.noteType} note on ${event.section}` }];
      });
    }
    case 'completedReport': {
      if (!record.callbackUrl) return [];
      return [{ url: record.callbackUrl, body: completedReportBody(state, record), description: `${label} report ${record.result}` }];
    }
  }
}
