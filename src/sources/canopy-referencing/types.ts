/**
 * Canopy Referencing objects as the rest of the gateway sees them: camelCase, numbers as
 * numbers, timestamps as `Date`, money as integer pence. Enums are open: a value the docs do
 * not list is kept verbatim.
 */
import type { Readable } from 'node:stream';
import type { OpenEnum } from '../open-enum';
import type {
  ContractLength,
  EmploymentBasis,
  EmploymentStatus,
  ItemType,
  NoteAction,
  NoteSection,
  NoteType,
  OtherIncomeSource,
  PassportSettingSection,
  PaymentFrequency,
  ReportStatus,
  ReportTitle,
  RequestStatusEvent,
  RequestType,
  ScreeningStatus,
  SectionStatus,
  UpdatedSection,
  WebhookType,
} from './enums';

export interface CanopyAccessToken {
  /** The whole Authorization header value, `Bearer …` included. */
  authorization: string;
  expiresAt: Date;
}

/** A calendar date as Canopy takes it: `YYYY-MM-DD`. */
export type IsoDate = string;

export interface CanopyAddress {
  startDate: IsoDate;
  flat?: string;
  /** One of houseNumber and houseName is required. */
  houseNumber?: string;
  houseName?: string;
  street: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  county?: string;
  town: string;
  postCode: string;
  line1?: string;
  line2?: string;
  line3?: string;
}

export interface CanopyIdentity {
  email: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  dateOfBirth: IsoDate;
  phone: string;
  addresses: CanopyAddress[];
}

interface CanopyIncomeBase {
  /** Pence a year; Canopy takes whole pounds above £100, so this must be a multiple of 100. */
  annualSalary: number;
  additionalInfo?: string;
}

export interface CanopyEmployedIncome extends CanopyIncomeBase {
  incomeSource: 'EMPLOYED';
  paymentFrequency: 'MONTHLY' | 'TWO_WEEKLY' | 'WEEKLY';
  employment: {
    companyName: string;
    jobTitle: string;
    employmentStatus: EmploymentStatus;
    employmentBasis: EmploymentBasis;
    startDate: IsoDate;
    /** Required when employmentBasis is CONTRACT. */
    contractLength?: ContractLength;
  };
}

export interface CanopySelfEmployedIncome extends CanopyIncomeBase {
  incomeSource: 'SELF_EMPLOYED';
  paymentFrequency: 'MONTHLY' | 'TWO_WEEKLY' | 'WEEKLY';
  employment: { incomeName: string; jobTitle: string; startDate: IsoDate };
}

export interface CanopyStudentIncome extends CanopyIncomeBase {
  incomeSource: 'STUDENT';
  paymentFrequency: PaymentFrequency;
  employment: {
    educationalInstitutionName: string;
    grantsAvailability: boolean;
    /** Required when grantsAvailability is true. */
    startDate?: IsoDate;
    loans: boolean;
    /** Required when loans is true. */
    loanStartDate?: IsoDate;
    course: string;
    qualification: string;
    courseStart: IsoDate;
    courseEnd: IsoDate;
  };
}

export interface CanopyOtherIncome extends CanopyIncomeBase {
  incomeSource: OtherIncomeSource;
  paymentFrequency: PaymentFrequency;
  employment: { incomeName: string; description: string; startDate: IsoDate };
}

export type CanopyIncome = CanopyEmployedIncome | CanopySelfEmployedIncome | CanopyStudentIncome | CanopyOtherIncome;

export interface CanopyIncomeData {
  clientId: string;
  email: string;
  income: CanopyIncome[];
}

export interface CanopyRent {
  name: string;
  paymentFrequency: PaymentFrequency;
  /** Pence per payment; Canopy takes whole pounds, so a multiple of 100. */
  rentPaymentAmount: number;
  rentPaidTo: string;
}

export interface CanopyRentHistory {
  homeowner: boolean;
  rentsDuringLastYear: boolean;
  /** Required, with at least one item, when rentsDuringLastYear is true. */
  rents?: CanopyRent[];
}

export interface CanopyRentData extends CanopyRentHistory {
  clientId: string;
  email: string;
}

export interface CanopyBranchAddress {
  id: string;
  line1?: string;
  line2?: string;
  line3?: string;
  street?: string;
  town?: string;
  postCode?: string;
  countryCode?: string;
  flat?: string;
  district?: string;
  houseNumber?: string;
  houseName?: string;
}

/** A Canopy branch and one of its links; a branch linked twice appears twice. */
export interface CanopyBranch {
  canopyBranchId: string;
  /** The agency's branch id linked to this Canopy branch; undefined when it is not linked. */
  clientBranchId?: string;
  branchName: string;
  branchAddress: CanopyBranchAddress;
}

export interface CanopyReferencingInput {
  email: string;
  firstName?: string;
  lastName?: string;
  /** Where Canopy sends the completed report. */
  callbackUrl: string;
  requestType: RequestType;
  itemType: ItemType;
  title?: string;
  phone?: string;
  /** A linked client branch id; the agency's default branch when absent. */
  branchId?: string;
  clientReferenceId?: string;
  /** Only with RENTER_SCREENING. */
  isGuarantorNeeded?: boolean;
  /** Only with RENTER_SCREENING and a CC_ONLY, INSTANT, FULL or PRIORITY item. */
  isIdentityVerificationNeeded?: boolean;
  /** As isIdentityVerificationNeeded, which Canopy turns on with it. */
  isRightToRentNeeded?: boolean;
}

export interface CanopyReferencingCreated {
  canopyReferenceId: string;
  requestId: string;
}

export interface CanopyDocumentStream {
  /** The PDF, unread: consume it or destroy it. */
  body: Readable;
  contentType: string;
  contentLength?: number;
  contentDisposition?: string;
  /** The file name the Content-Disposition header gives. */
  filename?: string;
}

export interface CanopyInstantStatuses {
  income?: OpenEnum<SectionStatus>;
  savings?: OpenEnum<SectionStatus>;
  creditCheck?: OpenEnum<SectionStatus>;
  rent?: OpenEnum<SectionStatus>;
  overall: OpenEnum<ScreeningStatus>;
}

export interface CanopyPassportNote {
  message: string;
  createdAt: Date;
}

export interface CanopyRentPassport {
  requestId: string;
  ready: boolean;
  overallStatus: OpenEnum<ScreeningStatus>;
  instant: CanopyInstantStatuses;
  full: {
    overall: OpenEnum<ScreeningStatus>;
    landlordReference: OpenEnum<SectionStatus>;
    employerReference: OpenEnum<SectionStatus>;
  };
  /** Pence a month; undefined when Canopy sent something that is no amount. */
  monthlyRentAffordability?: number;
  /** Pence a month; as monthlyRentAffordability. */
  incomeMonthlyRentAffordability?: number;
  /** Pence a month; as monthlyRentAffordability. */
  savingsMonthlyRentAffordability?: number;
  identityStatus: string;
  /** Personal data, in shapes Canopy's docs leave open: kept as Canopy sends them. */
  personal: {
    identity: Record<string, unknown>;
    addressHistory: Array<Record<string, unknown>>;
    financialSummary: Record<string, unknown>;
  };
  addressHistoryStatus: string;
  creditIndicator: string;
  creditScore?: number;
  dateChecked?: Date;
  highRiskSummary: Record<string, string>;
  considerSummary: Record<string, string>;
  canRequestGuarantor: boolean;
  guarantorRequest?: { email: string; status: string; createdAt: Date };
  /** The latest external note of each passport section that has one, keyed as Canopy keys them. */
  externalNotes: Record<string, CanopyPassportNote>;
  isGuarantor: boolean;
  isFavourite: boolean;
  connection: {
    id: string;
    branchId: string;
    branchName: string;
    tenancyStatus: string;
    renterId: string;
    referencingType: OpenEnum<ReportTitle>;
    createdAt: Date;
    moveFrom?: Date;
    moveTo?: Date;
    groupStates: { full: string; other: string; instant: string };
    srOverall: string;
    isRPCompleted: boolean;
    source: string;
  };
  guarantors: { pending: number; accepted: number };
  guaranteedRenterCount: number;
  /** The renters this person guarantees, in a shape Canopy's docs leave open. */
  guaranteedRenters: Array<Record<string, unknown>>;
  identityVerification?: { status: string; additionalInfo?: string; updatedAt: Date };
  rightToRent?: {
    type: string;
    status: string;
    requestId: string;
    documentType: string;
    typeOfProof: string;
    shareCode?: string;
    /** IDnow's id of the identification, where IDnow made it. */
    idnowIdentId?: string;
    /** The documents the renter gave, in a shape Canopy's docs leave open. */
    documents: Array<Record<string, unknown>>;
    verifiedBy?: string;
    country?: string;
    expirationDate?: Date;
    tenancyEndDate?: Date;
  };
}

export interface CanopyPassportNotes {
  renter: { email: string; firstName: string; lastName: string };
  /** Only the sections the request has access to. */
  sections: Array<{ section: OpenEnum<NoteSection>; agentNotes: CanopyPassportNote[]; reportNotes: CanopyPassportNote[] }>;
}

export interface CanopyWebhookRegistrationInput {
  type: WebhookType;
  callbackUrl: string;
  /** Only with PASSPORT_STATUS_UPDATES; an empty list means every section. */
  additionalSettings?: PassportSettingSection[];
}

export interface CanopyWebhookRegistration {
  webhookType: OpenEnum<WebhookType>;
  callbackUrl: string;
}

// --- notifications Canopy sends ---

export interface CanopyRequestStatusNotification {
  kind: 'requestStatus';
  canopyReferenceId: string;
  clientReferenceId?: string;
  event: OpenEnum<RequestStatusEvent>;
}

export interface CanopyPassportStatusNotification {
  kind: 'passportStatus';
  canopyReferenceId: string;
  clientReferenceId?: string;
  updatedSection: { type: OpenEnum<UpdatedSection>; newStatus: OpenEnum<SectionStatus>; updatedAt: Date };
  instant: {
    status: OpenEnum<ScreeningStatus>;
    sections: {
      income: OpenEnum<SectionStatus>;
      rent: OpenEnum<SectionStatus>;
      creditCheck: OpenEnum<SectionStatus>;
      savings: OpenEnum<SectionStatus>;
    };
  };
  /** Only for FULL screening. */
  full?: {
    status: OpenEnum<ScreeningStatus>;
    sections: { employerReference: OpenEnum<SectionStatus>; landlordReference: OpenEnum<SectionStatus> };
  };
  identityVerification?: OpenEnum<SectionStatus>;
  rightToRent?: OpenEnum<SectionStatus>;
  globalStatus: OpenEnum<ScreeningStatus>;
}

export interface CanopyNoteNotification {
  kind: 'note';
  canopyReferenceId: string;
  clientReferenceId?: string;
  noteType: OpenEnum<NoteType>;
  section: OpenEnum<NoteSection>;
  action: OpenEnum<NoteAction>;
  note: string;
}

/** The `document` of Canopy's completed-report callback: the only place the report's data is given. */
export interface CanopyReport {
  /** The callback's `title`; told from `documentType` when the callback leaves it out. */
  title: OpenEnum<ReportTitle>;
  /** 0 for an INSTANT screening's report, 1 for a FULL one's. */
  documentType: number;
  /** Parsed from `url`. */
  documentId: string;
  /** Parsed from `summaryReportUrl`. */
  summaryDocumentId: string;
  /** Pence a month. */
  maxRent: number;
  status: OpenEnum<ReportStatus>;
  /** Sent only for a GUARANTOR_SCREENING request. */
  isGuarantorReference?: boolean;
  /** Sent only for a RENTER_SCREENING request. */
  isGuarantorNeeded?: boolean;
  /** Sent only when isGuarantorNeeded is true. */
  waitingForGuarantor?: boolean;
  /** Sent only when isGuarantorNeeded is true. */
  guarantorCompleteRP?: boolean;
}

export interface CanopyCompletedReportNotification {
  kind: 'completedReport';
  canopyReferenceId: string;
  clientReferenceId?: string;
  document: CanopyReport;
}

export type CanopyNotification =
  | CanopyRequestStatusNotification
  | CanopyPassportStatusNotification
  | CanopyNoteNotification
  | CanopyCompletedReportNotification;
