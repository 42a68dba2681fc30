/**
 * Every enum the Canopy Referencing documentation lists, as arrays shared by the normalised
 * types, the GraphQL schema and the sandbox's validation.
 */

export const REQUEST_TYPE_VALUES = ['RENTER_SCREENING', 'GUARANTOR_SCREENING'] as const;
export type RequestType = (typeof REQUEST_TYPE_VALUES)[number];

export const ITEM_TYPE_VALUES = ['PRE_QUALIFICATION', 'CC_ONLY', 'INSTANT', 'FULL', 'PRIORITY'] as const;
export type ItemType = (typeof ITEM_TYPE_VALUES)[number];

/** Item types for which identity and right-to-rent checks may be asked. */
export const VERIFIABLE_ITEM_TYPE_VALUES = ['CC_ONLY', 'INSTANT', 'FULL', 'PRIORITY'] as const satisfies readonly ItemType[];

export const INCOME_SOURCE_VALUES = [
  'EMPLOYED',
  'SELF_EMPLOYED',
  'STUDENT',
  'RETIRED',
  'UNEMPLOYED',
  'BENEFITS',
  'OTHER',
] as const;
export type IncomeSource = (typeof INCOME_SOURCE_VALUES)[number];

/** Income sources described by `incomeName`, `description` and `startDate`. */
export const OTHER_INCOME_SOURCE_VALUES = ['RETIRED', 'UNEMPLOYED', 'BENEFITS', 'OTHER'] as const satisfies readonly IncomeSource[];
export type OtherIncomeSource = (typeof OTHER_INCOME_SOURCE_VALUES)[number];

/** Pay frequencies of employed and self-employed income. */
export const EARNED_PAYMENT_FREQUENCY_VALUES = ['MONTHLY', 'TWO_WEEKLY', 'WEEKLY'] as const;
/** Pay frequencies of student and other income, and of rent. */
export const PAYMENT_FREQUENCY_VALUES = ['MONTHLY', 'TWO_WEEKLY', 'WEEKLY', 'OTHER'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCY_VALUES)[number];

export const EMPLOYMENT_STATUS_VALUES = ['FULL_TIME', 'PART_TIME'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUS_VALUES)[number];

export const EMPLOYMENT_BASIS_VALUES = ['PERMANENT', 'CONTRACT'] as const;
export type EmploymentBasis = (typeof EMPLOYMENT_BASIS_VALUES)[number];

export const CONTRACT_LENGTH_VALUES = [
  'UNDER_1_MONTH',
  'MONTHS_2',
  'MONTHS_3',
  'MONTHS_4',
  'MONTHS_5',
  'MONTHS_6',
  'MONTHS_7',
  'MONTHS_8',
  'MONTHS_9',
  'MONTHS_10',
  'MONTHS_11',
  'MONTHS_12',
  'OVER_12_MONTHS',
] as const;
export type ContractLength = (typeof CONTRACT_LENGTH_VALUES)[number];

export const WEBHOOK_TYPE_VALUES = [
  'PASSPORT_STATUS_UPDATES',
  'REQUEST_STATUS_UPDATES',
  'PASSPORT_ALL_NOTES',
  'PASSPORT_AGENT_NOTES',
  'PASSPORT_REPORT_NOTES',
] as const;
export type WebhookType = (typeof WEBHOOK_TYPE_VALUES)[number];

/** Sections a PASSPORT_STATUS_UPDATES registration may narrow itself to (`additionalSettings`). */
export const PASSPORT_SETTING_SECTION_VALUES = [
  'INCOME',
  'RENT',
  'CREDIT_CHECK',
  'SAVINGS',
  'RENTAL_PREFERENCES',
  'EMPLOYEE_REFERENCE',
  'LANDLORD_REFERENCE',
] as const;
export type PassportSettingSection = (typeof PASSPORT_SETTING_SECTION_VALUES)[number];

export const REQUEST_STATUS_EVENT_VALUES = [
  'INVITED',
  'INVITE_RESENT',
  'CONNECTED',
  'CONNECTION_REJECTED',
  'CONNECTION_STOPPED',
  'SENDING_COMPLETED_PASSPORT_FAILED',
  'PASSPORT_COMPLETED',
  'INVALID_APPLICATION_DETAILS',
  'PASSPORT_COMPLETED_WAITING_FOR_GUARANTOR',
  'GUARANTOR_REQUEST_CANCELLED',
] as const;
export type RequestStatusEvent = (typeof REQUEST_STATUS_EVENT_VALUES)[number];

/** `updatedSection.type` of a passport status notification. */
export const UPDATED_SECTION_VALUES = [
  'INCOME',
  'RENT',
  'CREDIT_CHECK',
  'SAVINGS',
  'EMPLOYEE_REFERENCE',
  'LANDLORD_REFERENCE',
  'IDENTITY_VERIFICATION',
  'RTR_VERIFICATION',
] as const;
export type UpdatedSection = (typeof UPDATED_SECTION_VALUES)[number];

export const SECTION_STATUS_VALUES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'] as const;
export type SectionStatus = (typeof SECTION_STATUS_VALUES)[number];

export const SCREENING_STATUS_VALUES = ['NOT_STARTED', 'IN_PROGRESS', 'ACCEPT', 'CONSIDER', 'HIGH_RISK'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUS_VALUES)[number];

export const NOTE_TYPE_VALUES = ['AGENT', 'REPORT'] as const;
export type NoteType = (typeof NOTE_TYPE_VALUES)[number];

export const NOTE_SECTION_VALUES = [
  'SUMMARY',
  'INCOME',
  'RENT',
  'CREDIT_CHECK',
  'RENTAL_PREFERENCES',
  'EMPLOYEE_REFERENCE',
  'LANDLORD_REFERENCE',
  'SAVINGS',
  'RIGHT_TO_RENT',
] as const;
export type NoteSection = (typeof NOTE_SECTION_VALUES)[number];

export const NOTE_ACTION_VALUES = ['CREATED', 'EDITED', 'DELETED'] as const;
export type NoteAction = (typeof NOTE_ACTION_VALUES)[number];

/** `document.status` of the completed-report callback. */
export const REPORT_STATUS_VALUES = ['VERIFY', 'CONSIDER', 'HIGH_RISK'] as const;
export type ReportStatus = (typeof REPORT_STATUS_VALUES)[number];

/** `document.title`; `documentType` 0 is INSTANT and 1 is FULL. */
export const REPORT_TITLE_VALUES = ['INSTANT', 'FULL'] as const;
export type ReportTitle = (typeof REPORT_TITLE_VALUES)[number];
