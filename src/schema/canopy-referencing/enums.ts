import {
  CONTRACT_LENGTH_VALUES,
  EMPLOYMENT_BASIS_VALUES,
  EMPLOYMENT_STATUS_VALUES,
  INCOME_SOURCE_VALUES,
  ITEM_TYPE_VALUES,
  NOTE_ACTION_VALUES,
  NOTE_SECTION_VALUES,
  NOTE_TYPE_VALUES,
  PASSPORT_SETTING_SECTION_VALUES,
  PAYMENT_FREQUENCY_VALUES,
  REPORT_STATUS_VALUES,
  REPORT_TITLE_VALUES,
  REQUEST_STATUS_EVENT_VALUES,
  REQUEST_TYPE_VALUES,
  SCREENING_STATUS_VALUES,
  SECTION_STATUS_VALUES,
  UPDATED_SECTION_VALUES,
  WEBHOOK_TYPE_VALUES,
} from '../../sources/canopy-referencing/enums';
import { listed, vendorEnum } from '../vendor-enum';


export const ReferencingRequestTypeEnum = vendorEnum(
  'ReferencingRequestType',
  REQUEST_TYPE_VALUES,
  'Whether the person is screened as a renter or as a guarantor for a renter.',
);

export const ReferencingItemTypeEnum = vendorEnum(
  'ReferencingItemType',
  ITEM_TYPE_VALUES,
  'How deep the screening goes: pre-qualification, credit check only, instant, full (with landlord and employer references) or priority.',
);

export const ScreeningStatusEnum = vendorEnum(
  'ScreeningStatus',
  SCREENING_STATUS_VALUES,
  'Where a screening stands: not started, in progress, or its verdict (ACCEPT, CONSIDER, HIGH_RISK).',
);

export const PassportSectionStatusEnum = vendorEnum(
  'PassportSectionStatus',
  SECTION_STATUS_VALUES,
  'Progress of one Rent Passport section.',
);

export const ScreeningTypeEnum = vendorEnum('ScreeningType', REPORT_TITLE_VALUES, 'Instant or full screening.');

export const ReferencingReportStatusEnum = vendorEnum(
  'ReferencingReportStatus',
  REPORT_STATUS_VALUES,
  'The verdict of a completed report: VERIFY (accepted), CONSIDER or HIGH_RISK.',
);

export const IncomeSourceEnum = vendorEnum('IncomeSource', INCOME_SOURCE_VALUES, 'Where an income comes from.');

export const PaymentFrequencyEnum = vendorEnum(
  'PaymentFrequency',
  PAYMENT_FREQUENCY_VALUES,
  'How often an income or a rent is paid; OTHER only for student and other income, and for rent.',
);

export const EmploymentStatusEnum = vendorEnum('EmploymentStatus', EMPLOYMENT_STATUS_VALUES, 'Full-time or part-time employment.');

export const EmploymentBasisEnum = vendorEnum('EmploymentBasis', EMPLOYMENT_BASIS_VALUES, 'Permanent or contract employment.');

export const ContractLengthEnum = vendorEnum('ContractLength', CONTRACT_LENGTH_VALUES, 'Length of an employment contract.');

export const CanopyWebhookTypeEnum = vendorEnum(
  'CanopyWebhookType',
  WEBHOOK_TYPE_VALUES,
  'Which updates Canopy sends to a registered webhook: passport section statuses, request statuses, or passport notes (all, agent or report).',
);

export const PassportSettingSectionEnum = vendorEnum(
  'PassportSettingSection',
  PASSPORT_SETTING_SECTION_VALUES,
  'A Rent Passport section a PASSPORT_STATUS_UPDATES webhook may be narrowed to.',
);

export const ReferencingRequestEventEnum = vendorEnum(
  'ReferencingRequestEvent',
  REQUEST_STATUS_EVENT_VALUES,
  'A change of a referencing request that Canopy reports to a REQUEST_STATUS_UPDATES webhook.',
);

export const PassportUpdatedSectionEnum = vendorEnum(
  'PassportUpdatedSection',
  UPDATED_SECTION_VALUES,
  'The Rent Passport section a PASSPORT_STATUS_UPDATES notification is about.',
);

export const PassportNoteSectionEnum = vendorEnum('PassportNoteSection', NOTE_SECTION_VALUES, 'A Rent Passport section that carries notes.');

export const PassportNoteTypeEnum = vendorEnum('PassportNoteType', NOTE_TYPE_VALUES, 'Agent notes or report notes.');

export const PassportNoteActionEnum = vendorEnum('PassportNoteAction', NOTE_ACTION_VALUES, 'What happened to a note.');

/** A section status for a `PassportSectionStatus` field. */
export function sectionStatus(value: string): string;
export function sectionStatus(value: string | undefined): string | null;
export function sectionStatus(value: string | undefined): string | null {
  return listed('PassportSectionStatus', SECTION_STATUS_VALUES, value);
}

/** A verdict for a `ScreeningStatus` field. */
export function screeningStatus(value: string): string {
  return listed('ScreeningStatus', SCREENING_STATUS_VALUES, value);
}
