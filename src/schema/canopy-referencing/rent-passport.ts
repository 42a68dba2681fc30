import { SCREENING_STATUS_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyPassportNote, CanopyRentPassport } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { ScreeningStatusEnum } from './enums';
import { GuarantorCounts, GuarantorRequest, IdentityVerification, RightToRent } from './rent-passport.checks';
import { PassportConnection } from './rent-passport.connection';
import { PassportPersonalData } from './rent-passport.personal-data';
import { flags, FullScreening, InstantScreening, PassportFlag } from './rent-passport.screening';

const ExternalNote = builder.objectRef<CanopyPassportNote & { section: string }>('PassportExternalNote').implement({
  description: 'The latest note of a passport section that the renter and agency can see.',
  fields: (t) => ({
    section: t.exposeString('section', { description: 'The passport’s own section name, e.g. GLOBAL, INCOME, EMPLOYER_REFERENCE.' }),
    message: t.exposeString('message'),
    createdAt: t.field({ type: 'DateTime', resolve: (note) => note.createdAt }),
  }),
});

const pounds = (pence: number | undefined) => (pence === undefined ? null : money(pence, 'GBP'));

export const RentPassport = builder.objectRef<CanopyRentPassport>('RentPassport').implement({
  description: 'The renter’s Rent Passport: screening results so far, whether or not it is complete.',
  fields: (t) => ({
    ready: t.exposeBoolean('ready', { description: 'True once the passport is complete.' }),
    globalStatus: t.field({
      type: ScreeningStatusEnum,
      description: 'The overall status across every section the request screens.',
      resolve: (passport) => listed('ScreeningStatus', SCREENING_STATUS_VALUES, passport.overallStatus),
    }),
    instant: t.field({ type: InstantScreening, resolve: (passport) => passport.instant }),
    full: t.field({ type: FullScreening, resolve: (passport) => passport.full }),
    monthlyRentAffordability: t.field({
      type: Money,
      nullable: true,
      authScopes: { pii: true },
      description: 'The highest monthly rent the renter can afford, from income and savings; null when Canopy sent something that is no amount.',
      resolve: (passport) => pounds(passport.monthlyRentAffordability),
    }),
    incomeMonthlyRentAffordability: t.field({
      type: Money,
      nullable: true,
      authScopes: { pii: true },
      description: 'The highest monthly rent the renter’s income affords; null when Canopy sent something that is no amount.',
      resolve: (passport) => pounds(passport.incomeMonthlyRentAffordability),
    }),
    savingsMonthlyRentAffordability: t.field({
      type: Money,
      nullable: true,
      authScopes: { pii: true },
      description: 'The highest monthly rent the renter’s savings afford; null when Canopy sent something that is no amount.',
      resolve: (passport) => pounds(passport.savingsMonthlyRentAffordability),
    }),
    identityStatus: t.exposeString('identityStatus', { description: 'Whether the renter has given their identity (YES or NO).' }),
    personalData: t.field({
      type: PassportPersonalData,
      nullable: true,
      authScopes: { pii: true },
      description: 'The renter’s identity, address history and financial summary: personal data.',
      resolve: (passport) => passport.personal,
    }),
    addressHistoryStatus: t.exposeString('addressHistoryStatus', { description: 'Whether the renter has given their address history.' }),
    creditIndicator: t.exposeString('creditIndicator', { description: 'The credit check’s indicator; NO before the check.' }),
    creditScore: t.int({ nullable: true, authScopes: { pii: true }, resolve: (passport) => passport.creditScore ?? null }),
    dateChecked: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the credit was checked.',
      resolve: (passport) => passport.dateChecked ?? null,
    }),
    highRiskSummary: t.field({
      type: [PassportFlag],
      description: 'Why the passport is HIGH_RISK, by section.',
      resolve: (passport) => flags(passport.highRiskSummary),
    }),
    considerSummary: t.field({
      type: [PassportFlag],
      description: 'Why the passport needs consideration, by section.',
      resolve: (passport) => flags(passport.considerSummary),
    }),
    canRequestGuarantor: t.exposeBoolean('canRequestGuarantor'),
    guarantorRequest: t.field({ type: GuarantorRequest, nullable: true, resolve: (passport) => passport.guarantorRequest ?? null }),
    guarantors: t.field({ type: GuarantorCounts, resolve: (passport) => passport.guarantors }),
    guaranteedRenterCount: t.exposeInt('guaranteedRenterCount', { description: 'How many renters this person guarantees.' }),
    guaranteedRenters: t.field({
      type: ['JSONObject'],
      nullable: true,
      authScopes: { pii: true },
      description: 'The renters this person guarantees (`guaranteedRenters.items`), as Canopy sends them.',
      resolve: (passport) => passport.guaranteedRenters,
    }),
    isGuarantor: t.exposeBoolean('isGuarantor', { description: 'True when this is a guarantor’s passport.' }),
    isFavourite: t.exposeBoolean('isFavourite'),
    externalNotes: t.field({
      type: [ExternalNote],
      description: 'The latest external note of each section that has one.',
      resolve: (passport) => Object.entries(passport.externalNotes).map(([section, note]) => ({ ...note, section })),
    }),
    connection: t.field({ type: PassportConnection, resolve: (passport) => passport.connection }),
    identityVerification: t.field({
      type: IdentityVerification,
      nullable: true,
      description: 'Null when the request did not ask for identity verification.',
      resolve: (passport) => passport.identityVerification ?? null,
    }),
    rightToRent: t.field({
      type: RightToRent,
      nullable: true,
      authScopes: { pii: true },
      description: 'Null when the request did not ask for a right-to-rent check.',
      resolve: (passport) => passport.rightToRent ?? null,
    }),
  }),
});
