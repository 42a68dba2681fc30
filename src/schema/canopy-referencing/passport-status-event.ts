import { UPDATED_SECTION_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyPassportStatusNotification } from '../../sources/canopy-referencing/types';
import { TOPICS } from '../../subscriptions/topics';
import { builder } from '../builder';
import type { EventParent } from '../events/event-stream';
import { addTenantEvent } from '../events/tenant-event';
import { VendorEvent } from '../events/vendor-event';
import { listed } from '../vendor-enum';
import {
  PassportSectionStatusEnum,
  PassportUpdatedSectionEnum,
  ScreeningStatusEnum,
  screeningStatus,
  sectionStatus,
} from './enums';
import { canopyEventFields, type CanopyEventParent } from './referencing-events';

const UpdatedPassportSection = builder
  .objectRef<CanopyPassportStatusNotification['updatedSection']>('UpdatedPassportSection')
  .implement({
    fields: (t) => ({
      section: t.field({
        type: PassportUpdatedSectionEnum,
        resolve: (section) => listed('PassportUpdatedSection', UPDATED_SECTION_VALUES, section.type),
      }),
      newStatus: t.field({ type: PassportSectionStatusEnum, resolve: (section) => sectionStatus(section.newStatus) }),
      updatedAt: t.field({ type: 'DateTime', resolve: (section) => section.updatedAt }),
    }),
  });

const InstantScreeningProgress = builder
  .objectRef<CanopyPassportStatusNotification['instant']>('InstantScreeningProgress')
  .implement({
    description: 'The instant screening’s verdict so far and its sections.',
    fields: (t) => ({
      status: t.field({ type: ScreeningStatusEnum, resolve: (instant) => screeningStatus(instant.status) }),
      income: t.field({ type: PassportSectionStatusEnum, resolve: (instant) => sectionStatus(instant.sections.income) }),
      rent: t.field({ type: PassportSectionStatusEnum, resolve: (instant) => sectionStatus(instant.sections.rent) }),
      creditCheck: t.field({ type: PassportSectionStatusEnum, resolve: (instant) => sectionStatus(instant.sections.creditCheck) }),
      savings: t.field({ type: PassportSectionStatusEnum, resolve: (instant) => sectionStatus(instant.sections.savings) }),
    }),
  });

const FullScreeningProgress = builder
  .objectRef<NonNullable<CanopyPassportStatusNotification['full']>>('FullScreeningProgress')
  .implement({
    description: 'The full screening’s verdict so far and its reference sections (FULL screening only).',
    fields: (t) => ({
      status: t.field({ type: ScreeningStatusEnum, resolve: (full) => screeningStatus(full.status) }),
      employerReference: t.field({ type: PassportSectionStatusEnum, resolve: (full) => sectionStatus(full.sections.employerReference) }),
      landlordReference: t.field({ type: PassportSectionStatusEnum, resolve: (full) => sectionStatus(full.sections.landlordReference) }),
    }),
  });

export const PassportStatusEvent = builder
  .objectRef<CanopyEventParent<typeof TOPICS.passportStatusChanged>>('PassportStatusEvent')
  .implement({
    description: 'Canopy PASSPORT_STATUS_UPDATES: a section of the renter’s Rent Passport changed status.',
    interfaces: [VendorEvent],
    isTypeOf: (parent) => (parent as EventParent).event.topic === TOPICS.passportStatusChanged,
    fields: (t) => ({
      ...canopyEventFields(t),
      updatedSection: t.field({ type: UpdatedPassportSection, resolve: ({ event }) => event.notification.updatedSection }),
      instant: t.field({ type: InstantScreeningProgress, resolve: ({ event }) => event.notification.instant }),
      full: t.field({ type: FullScreeningProgress, nullable: true, resolve: ({ event }) => event.notification.full ?? null }),
      identityVerification: t.field({
        type: PassportSectionStatusEnum,
        nullable: true,
        description: 'Only when identity verification was requested.',
        resolve: ({ event }) => sectionStatus(event.notification.identityVerification),
      }),
      rightToRent: t.field({
        type: PassportSectionStatusEnum,
        nullable: true,
        description: 'Only when a right-to-rent check was requested.',
        resolve: ({ event }) => sectionStatus(event.notification.rightToRent),
      }),
      globalStatus: t.field({ type: ScreeningStatusEnum, resolve: ({ event }) => screeningStatus(event.notification.globalStatus) }),
    }),
  });

addTenantEvent(TOPICS.passportStatusChanged, PassportStatusEvent);
