import type { CanopyRentPassport } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { PassportSectionStatusEnum, ScreeningStatusEnum, screeningStatus, sectionStatus } from './enums';

export const InstantScreening = builder.objectRef<CanopyRentPassport['instant']>('InstantScreening').implement({
  description: 'The instant screening: credit check, income, rent and savings. A section the request does not screen is null.',
  fields: (t) => ({
    status: t.field({ type: ScreeningStatusEnum, resolve: (instant) => screeningStatus(instant.overall) }),
    creditCheck: t.field({ type: PassportSectionStatusEnum, nullable: true, resolve: (instant) => sectionStatus(instant.creditCheck) }),
    income: t.field({ type: PassportSectionStatusEnum, nullable: true, resolve: (instant) => sectionStatus(instant.income) }),
    rent: t.field({ type: PassportSectionStatusEnum, nullable: true, resolve: (instant) => sectionStatus(instant.rent) }),
    savings: t.field({ type: PassportSectionStatusEnum, nullable: true, resolve: (instant) => sectionStatus(instant.savings) }),
  }),
});

export const FullScreening = builder.objectRef<CanopyRentPassport['full']>('FullScreening').implement({
  description: 'The full screening’s references, requested with FULL and PRIORITY referencing.',
  fields: (t) => ({
    status: t.field({ type: ScreeningStatusEnum, resolve: (full) => screeningStatus(full.overall) }),
    landlordReference: t.field({ type: PassportSectionStatusEnum, resolve: (full) => sectionStatus(full.landlordReference) }),
    employerReference: t.field({ type: PassportSectionStatusEnum, resolve: (full) => sectionStatus(full.employerReference) }),
  }),
});

export interface PassportFlagShape {
  section: string;
  reason: string;
}

export const PassportFlag = builder.objectRef<PassportFlagShape>('PassportFlag').implement({
  description: 'One reason behind a CONSIDER or HIGH_RISK verdict, e.g. ID_VERIFICATION: NO_PHOTO_ID.',
  fields: (t) => ({
    section: t.exposeString('section'),
    reason: t.exposeString('reason'),
  }),
});

export function flags(summary: Record<string, string>): PassportFlagShape[] {
  return Object.entries(summary).map(([section, reason]) => ({ section, reason }));
}
