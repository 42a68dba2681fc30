import {
  NOTE_ACTION_VALUES,
  NOTE_SECTION_VALUES,
  NOTE_TYPE_VALUES,
  REQUEST_STATUS_EVENT_VALUES,
} from '../../sources/canopy-referencing/enums';
import type { CANOPY_REFERENCING_TOPICS } from '../../sources/canopy-referencing/topics';
import type { GatewayEvent } from '../../subscriptions/events';
import { TOPICS } from '../../subscriptions/topics';
import { builder } from '../builder';
import type { EventParent } from '../events/event-stream';
import { addTenantEvent } from '../events/tenant-event';
import { VendorEvent } from '../events/vendor-event';
import { listed } from '../vendor-enum';
import {
  PassportNoteActionEnum,
  PassportNoteSectionEnum,
  PassportNoteTypeEnum,
  ReferencingRequestEventEnum,
} from './enums';
import { loadReferencingRequests, ReferencingRequest } from './referencing-request';
import { ReferencingReport } from './report';

export type CanopyEvent = Extract<GatewayEvent, { topic: (typeof CANOPY_REFERENCING_TOPICS)[keyof typeof CANOPY_REFERENCING_TOPICS] }>;
export type CanopyEventParent<T extends CanopyEvent['topic']> = EventParent<Extract<GatewayEvent, { topic: T }>>;
type Parent<T extends CanopyEvent['topic']> = CanopyEventParent<T>;

/** The fields every Canopy event has: which request it is about, and that request, read fresh. */
export function canopyEventFields<P extends EventParent<CanopyEvent>>(t: PothosSchemaTypes.ObjectFieldBuilder<typeof builder.$inferSchemaTypes, P>) {
  return {
    canopyReferenceId: t.id({ resolve: ({ event }) => event.notification.canopyReferenceId }),
    clientReferenceId: t.string({ nullable: true, resolve: ({ event }) => event.notification.clientReferenceId ?? null }),
    referencingRequest: t.field({
      type: ReferencingRequest,
      nullable: true,
      description: 'The request as Canopy has it now.',
      resolve: async ({ event, context }) => (await loadReferencingRequests(context, [event.notification.canopyReferenceId]))[0] ?? null,
    }),
  };
}

export const RequestStatusEvent = builder.objectRef<Parent<typeof TOPICS.requestStatusChanged>>('RequestStatusEvent').implement({
  description: 'Canopy REQUEST_STATUS_UPDATES: the referencing request moved on (invited, connected, passport completed, …).',
  interfaces: [VendorEvent],
  isTypeOf: (parent) => (parent as EventParent).event.topic === TOPICS.requestStatusChanged,
  fields: (t) => ({
    ...canopyEventFields(t),
    status: t.field({
      type: ReferencingRequestEventEnum,
      resolve: ({ event }) => listed('ReferencingRequestEvent', REQUEST_STATUS_EVENT_VALUES, event.notification.event),
    }),
  }),
});

export const PassportNoteEvent = builder.objectRef<Parent<typeof TOPICS.passportNoteChanged>>('PassportNoteEvent').implement({
  description: 'Canopy PASSPORT_ALL_NOTES / AGENT_NOTES / REPORT_NOTES: a note on the Rent Passport was created, edited or deleted.',
  interfaces: [VendorEvent],
  isTypeOf: (parent) => (parent as EventParent).event.topic === TOPICS.passportNoteChanged,
  fields: (t) => ({
    ...canopyEventFields(t),
    noteType: t.field({
      type: PassportNoteTypeEnum,
      resolve: ({ event }) => listed('PassportNoteType', NOTE_TYPE_VALUES, event.notification.noteType),
    }),
    section: t.field({
      type: PassportNoteSectionEnum,
      resolve: ({ event }) => listed('PassportNoteSection', NOTE_SECTION_VALUES, event.notification.section),
    }),
    noteAction: t.field({
      type: PassportNoteActionEnum,
      description: 'Canopy’s `action`: created, edited or deleted (named apart from RepositEvent.action, so TenantEvent needs no aliases).',
      resolve: ({ event }) => listed('PassportNoteAction', NOTE_ACTION_VALUES, event.notification.action),
    }),
    note: t.string({ resolve: ({ event }) => event.notification.note }),
  }),
});

export const ReferencingCompletedEvent = builder
  .objectRef<Parent<typeof TOPICS.referencingCompleted>>('ReferencingCompletedEvent')
  .implement({
    description: 'Canopy’s completed-report callback: the renter completed referencing and the report PDFs are ready.',
    interfaces: [VendorEvent],
    isTypeOf: (parent) => (parent as EventParent).event.topic === TOPICS.referencingCompleted,
    fields: (t) => ({
      ...canopyEventFields(t),
      report: t.field({ type: ReferencingReport, resolve: ({ event }) => event.notification.document }),
    }),
  });

addTenantEvent(TOPICS.requestStatusChanged, RequestStatusEvent);
addTenantEvent(TOPICS.passportNoteChanged, PassportNoteEvent);
addTenantEvent(TOPICS.referencingCompleted, ReferencingCompletedEvent);
