/**
 * Canopy Referencing JSON exactly as the API sends and takes it. Nothing outside this folder
 * sees these shapes: `normalise.ts` maps them to and from `types.ts`.
 *
 * Amounts (`annualSalary`, `rentPaymentAmount`, `maxRent`, affordability) are whole pounds.
 */
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
  RequestType,
  ScreeningStatus,
  SectionStatus,
  UpdatedSection,
  WebhookType,
} from './enums';

/** Every JSON answer but the notes one carries these. */
export interface WireEnvelope {
  success: true;
  requestId: string;
}

/** Canopy's error body; `errors` comes with validation failures (400). */
export interface WireError {
  success: false;
  requestId: string;
  error: {
    status: number;
    type: string;
    message: string;
    errors?: Array<{ type: string; path: string; message: string }>;
  };
}

/** What the API gateway in front of Canopy answers when `x-api-key` is missing or wrong. */
export interface WireGatewayError {
  message: string;
}

// --- authentication ---

export interface WireTokenRequest {
  jwtKey: string;
}

export interface WireTokenResponse {
  success: true;
  /** Already prefixed with `Bearer `: the whole value goes in the Authorization header. */
  access_token: string;
  /** Epoch seconds. */
  expires: number;
}

/** The JWT signed with the secret key and exchanged for an access token. */
export interface WireJwtClaims {
  iss: 'canopy.rent';
  scope: 'request.write_only document.read_only';
  aud: string;
  exp: number;
  iat: number;
}

export interface WireRefreshSecretKeyRequest {
  secretKey: string;
}

export interface WireRefreshSecretKeyResponse extends WireEnvelope {
  data: { secretKey: string };
}

// --- prefill ---

export interface WireAddress {
  startDate: string;
  flat?: string;
  houseNumber?: string;
  houseName?: string;
  street: string;
  countryCode: string;
  county?: string;
  town: string;
  postCode: string;
  line1?: string;
  line2?: string;
  line3?: string;
}

export interface WireIdentity {
  email: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  addresses: WireAddress[];
}

export interface WireSetIdentityResponse extends WireEnvelope {
  data: WireIdentity;
}

interface WireIncomeBase {
  annualSalary: number;
  additionalInfo?: string;
}

export interface WireEmployedIncome extends WireIncomeBase {
  incomeSource: 'EMPLOYED';
  paymentFrequency: 'MONTHLY' | 'TWO_WEEKLY' | 'WEEKLY';
  employment: {
    companyName: string;
    jobTitle: string;
    employmentStatus: EmploymentStatus;
    employmentBasis: EmploymentBasis;
    startDate: string;
    contractLength?: ContractLength;
  };
}

export interface WireSelfEmployedIncome extends WireIncomeBase {
  incomeSource: 'SELF_EMPLOYED';
  paymentFrequency: 'MONTHLY' | 'TWO_WEEKLY' | 'WEEKLY';
  employment: { incomeName: string; jobTitle: string; startDate: string };
}

export interface WireStudentIncome extends WireIncomeBase {
  incomeSource: 'STUDENT';
  paymentFrequency: PaymentFrequency;
  employment: {
    educationalInstitutionName: string;
    grantsAvailability: boolean;
    startDate?: string;
    loans: boolean;
    loanStartDate?: string;
    course: string;
    qualification: string;
    courseStart: string;
    courseEnd: string;
  };
}

export interface WireOtherIncome extends WireIncomeBase {
  incomeSource: OtherIncomeSource;
  paymentFrequency: PaymentFrequency;
  employment: { incomeName: string; description: string; startDate: string };
}

export type WireIncome = WireEmployedIncome | WireSelfEmployedIncome | WireStudentIncome | WireOtherIncome;

export interface WireSetIncomeRequest {
  email: string;
  data: { income: WireIncome[] };
}

export interface WireSetIncomeResponse extends WireEnvelope {
  data: { clientId: string; email: string; income: WireIncome[] };
}

export interface WireRent {
  name: string;
  paymentFrequency: PaymentFrequency;
  rentPaymentAmount: number;
  rentPaidTo: string;
}

export interface WireRentData {
  homeowner: boolean;
  rentsDuringLastYear: boolean;
  rents?: WireRent[];
}

export interface WireSetRentRequest {
  email: string;
  data: WireRentData;
}

export interface WireSetRentResponse extends WireEnvelope {
  data: { clientId: string; email: string; rentData: WireRentData };
}

// --- branches ---

export interface WireBranchAddress {
  id: string;
  line1: string | null;
  line2: string | null;
  line3: string | null;
  street: string | null;
  town: string | null;
  postCode: string | null;
  countryCode: string | null;
  flat: string | null;
  district: string | null;
  houseNumber: string | null;
  houseName: string | null;
}

export interface WireBranch {
  canopyBranchId: string;
  clientBranchId: string | null;
  branchName: string;
  branchAddress: WireBranchAddress;
}

export interface WireBranchesListResponse extends WireEnvelope {
  data: { branches: WireBranch[] };
}

export interface WireLinkBranchRequest {
  canopyBranchId: string;
  clientBranchId: string;
}

export interface WireLinkBranchResponse extends WireEnvelope {
  data: WireBranch;
}

export interface WireDeleteBranchMappingResponse extends WireEnvelope {
  data: { clientBranchId: string };
}

// --- referencing ---

export interface WireReferencingRequest {
  email: string;
  firstName?: string;
  lastName?: string;
  callbackUrl: string;
  requestType: RequestType;
  itemType: ItemType;
  title?: string;
  phone?: string;
  branchId?: string;
  clientReferenceId?: string;
  isGuarantorNeeded?: boolean;
  isIdentityVerificationNeeded?: boolean;
  isRightToRentNeeded?: boolean;
}

export interface WireReferencingResponse extends WireEnvelope {
  canopyReferenceId: string;
}

export interface WireRevokeGuarantorRequest {
  email: string;
}

export interface WireRevokeGuarantorResponse {
  success: true;
}

// --- rent passport ---

export interface WireExternalNote {
  message: string | null;
  createdAt: string | null;
}

/** Sections of the passport's own `notes` (not the same names as the notes endpoint's). */
export type WirePassportNoteSection =
  | 'GLOBAL'
  | 'IDENTITY'
  | 'INCOME'
  | 'SAVINGS'
  | 'RENT'
  | 'LANDLORD_REFERENCE'
  | 'EMPLOYER_REFERENCE'
  | 'RENT_TRACKING';

export interface WireRentPassport {
  statuses: {
    overall: { ready: boolean; status: string };
    instant: {
      income: string | null;
      savings: string | null;
      creditCheck: string | null;
      rent: string | null;
      overall: string;
    };
    full: { overall: string; landlordReference: string; employerReference: string };
  };
  /** Whole pounds, as a string. */
  monthlyRentAffordability: string;
  /** Whole pounds, as a string. */
  incomeMonthlyRentAffordability: string;
  /** Whole pounds, as a number (unlike its two neighbours). */
  savingsMonthlyRentAffordability: number;
  user: {
    identity: { status: string; data: Record<string, unknown> };
    addressHistory: { status: string; data: unknown[] };
    creditIndicator: string;
    financialSummary: Record<string, unknown>;
    creditScore: number | null;
    dateChecked: string | null;
  };
  highRiskSummary: Record<string, string> | null;
  considerSummary: Record<string, string> | null;
  canRequestGuarantor: boolean;
  guarantorRequest: { email: string; status: string; createdAt: string } | null;
  notes: Record<string, { EXTERNAL: WireExternalNote }>;
  isGuarantor: boolean;
  isFavourite: boolean;
  connection: {
    id: string;
    branchId: string;
    tenancyStatus: string;
    branchName: string;
    renterId: string;
    referencingType: string;
    createdAt: string;
    moveFrom: string | null;
    moveTo: string | null;
    groupStates: { full: string; other: string; instant: string };
    srOverall: string;
    isRPCompleted: boolean;
    source: string;
  };
}

export interface WireIdentityVerification {
  status: string;
  additionalInfo: string | null;
  updatedAt: string;
}

export interface WireRightToRent {
  data: {
    country: string | null;
    metadata: { typeOfProof: string; idnowIdentID: string | null; rtrSharecode: string | null };
    documents: unknown[];
    verifiedBy: string | null;
    documentType: string;
    expirationDate: string | null;
    tenancyEndDate: string | null;
  };
  type: string;
  status: string;
  requestId: string;
}

export interface WireRentPassportResponse extends WireEnvelope {
  data: {
    rentPassport: WireRentPassport;
    guarantors: { pending: number; accepted: number };
    guaranteedRenters: { count: number; items: unknown[] };
    /** Null when the request did not ask for identity verification. */
    identityVerification: WireIdentityVerification | null;
    /** Null when the request did not ask for a right-to-rent check. */
    rightToRent: WireRightToRent | null;
  };
}

export interface WireNote {
  message: string;
  createdAt: string;
}

export type WireNotesSection = 'SUMMARY' | 'CREDIT_CHECK' | 'INCOME' | 'SAVINGS' | 'RENT' | 'EMPLOYEE_REFERENCE' | 'LANDLORD_REFERENCE';

/** The notes answer: no `success` or `requestId`, unlike every other answer. */
export interface WireNotesResponse {
  userDetails: { email: string; firstName: string; lastName: string };
  sections: Partial<Record<WireNotesSection, { agentNotes: WireNote[]; reportNotes: WireNote[] }>>;
}

// --- webhooks ---

export interface WireRegisterWebhookRequest {
  type: WebhookType;
  callbackUrl: string;
  additionalSettings?: PassportSettingSection[];
}

export interface WireRegisterWebhookResponse {
  success: true;
  webhookType: WebhookType;
  callbackUrl: string;
}

export interface WireUnregisterWebhookResponse {
  success: true;
  webhookType: WebhookType;
}

/** REQUEST_STATUS_UPDATES: the event name travels in `notes`. */
export interface WireRequestStatusNotification {
  canopyReferenceId: string;
  clientReferenceId: string | null;
  notes: string;
}

export interface WirePassportStatusNotification {
  canopyReferenceId: string;
  clientReferenceId: string | null;
  updatedSection: { type: UpdatedSection; newStatus: SectionStatus; updatedAt: string };
  instant: {
    status: ScreeningStatus;
    sections: { income: SectionStatus; rent: SectionStatus; creditCheck: SectionStatus; savings: SectionStatus };
  };
  full?: {
    status: ScreeningStatus;
    sections: { employerReference: SectionStatus; landlordReference: SectionStatus };
  };
  identityVerification?: SectionStatus;
  rightToRent?: SectionStatus;
  globalStatus: ScreeningStatus;
}

export interface WireNoteNotification {
  canopyReferenceId: string;
  clientReferenceId: string | null;
  noteType: NoteType;
  section: NoteSection;
  action: NoteAction;
  note: string;
}

export interface WireReportDocument {
  /** 0 is INSTANT, 1 is FULL. */
  documentType: 0 | 1;
  /** `/referencing-requests/client/:clientId/documents/:documentId` */
  url: string;
  summaryReportUrl: string;
  maxRent: number;
  status: ReportStatus;
  title: ReportTitle;
  isGuarantorReference?: boolean;
  isGuarantorNeeded?: boolean;
  waitingForGuarantor?: boolean;
  guarantorCompleteRP?: boolean;
}

/** Sent to the request's own `callbackUrl` once the passport is complete. */
export interface WireCompletedReportNotification {
  clientReferenceId: string | null;
  canopyReferenceId: string;
  document: WireReportDocument;
}
