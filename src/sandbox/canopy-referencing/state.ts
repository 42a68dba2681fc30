/** The simulated Canopy account: branches, renters' requests, passports, notes, documents, webhooks. */
import type {
  ItemType,
  NoteSection,
  NoteType,
  PassportSettingSection,
  RequestStatusEvent,
  RequestType,
  SectionStatus,
  UpdatedSection,
  WebhookType,
} from '../../sources/canopy-referencing/enums';
import type { WireIdentity, WireIncome, WireRentData, WireRentPassportResponse } from '../../sources/canopy-referencing/wire';

export interface BranchAddress {
  id: string;
  line1: string;
  line2: string;
  street: string;
  town: string;
  postCode: string;
  houseNumber: string;
}

export interface CanopyBranchRecord {
  canopyBranchId: string;
  branchName: string;
  address: BranchAddress;
  isDefault: boolean;
}

/** The final verdict a renter's screening reaches once every section is done. */
export type ScreeningResult = 'ACCEPT' | 'CONSIDER' | 'HIGH_RISK';

/** Where a request is in its life; `COMPLETED` requests have nothing left to do. */
export type RequestStage = 'CREATED' | 'INVITED' | 'CONNECTED' | 'WAITING_FOR_GUARANTOR' | 'COMPLETED';

export interface NoteRecord {
  noteType: NoteType;
  section: NoteSection;
  message: string;
  createdAt: Date;
}

export interface GuarantorRecord {
  email: string;
  status: 'PENDING' | 'ACCEPTED';
  createdAt: Date;
}

export interface ReferencingRecord {
  canopyReferenceId: string;
  clientReferenceId: string | null;
  email: string;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  phone: string | null;
  requestType: RequestType;
  itemType: ItemType;
  canopyBranchId: string;
  /** Where the completed report goes; null for seeded requests until the gateway adopts them. */
  callbackUrl: string | null;
  /** Made by the seed or the driver rather than through the API, so `setSeedCallbackUrl` applies. */
  seeded: boolean;
  isGuarantorNeeded: boolean;
  identityVerification: boolean;
  rightToRent: boolean;
  createdAt: Date;
  stage: RequestStage;
  /** The sections this request screens, in the order the renter completes them. */
  sections: Map<UpdatedSection, SectionStatus>;
  result: ScreeningResult;
  /** Whole pounds a year, for affordability. */
  annualSalary: number;
  notes: NoteRecord[];
  guarantor: GuarantorRecord | null;
  /** The report and summary documents, once the passport is complete. */
  documents: { reportId: string; summaryId: string } | null;
  /** Status events raised by API calls (a revoked guarantor), sent at the next step. */
  queuedEvents: RequestStatusEvent[];
  updatedAt: Date;
}

export interface DocumentRecord {
  documentId: string;
  canopyReferenceId: string;
  kind: 'INSTANT' | 'FULL' | 'SUMMARY';
  bytes: Buffer;
}

export interface WebhookRegistration {
  callbackUrl: string;
  /** Empty means every section. */
  additionalSettings: PassportSettingSection[];
}

export interface PrefilledData {
  identity?: WireIdentity;
  income?: WireIncome[];
  rent?: WireRentData;
}

export interface IssuedToken {
  clientId: string;
  expiresAtMs: number;
}

export class CanopyReferencingState {
  /** The secret key JWTs must be signed with; the refresh endpoint replaces it. */
  secretKey: string;
  readonly branches: CanopyBranchRecord[] = [];
  /** clientBranchId → canopyBranchId. */
  readonly branchLinks = new Map<string, string>();
  readonly requests = new Map<string, ReferencingRecord>();
  readonly documents = new Map<string, DocumentRecord>();
  readonly webhooks = new Map<WebhookType, WebhookRegistration>();
  /** By lower-cased e-mail. */
  readonly prefilled = new Map<string, PrefilledData>();
  /** By access token (without the `Bearer ` prefix). */
  readonly tokens = new Map<string, IssuedToken>();
  /** Added to the wall clock, so tests can let tokens expire. */
  clockOffsetMs = 0;
  /** Edits each Rent Passport answer before it is sent, so tests can send values the docs do not foresee. */
  passportQuirk: ((answer: WireRentPassportResponse) => void) | undefined;

  constructor(
    readonly clientId: string,
    readonly apiKey: string,
    secretKey: string,
    /** Keeps this client's seeded ids apart from another client's (see `inIdSpace`). @default '' */
    readonly idSpace = '',
  ) {
    this.secretKey = secretKey;
  }

  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  defaultBranch(): CanopyBranchRecord {
    const branch = this.branches.find((candidate) => candidate.isDefault) ?? this.branches[0];
    if (!branch) throw new Error('the simulated Canopy account has no branch');
    return branch;
  }

  branch(canopyBranchId: string): CanopyBranchRecord | undefined {
    return this.branches.find((branch) => branch.canopyBranchId === canopyBranchId);
  }

  /** What was prefilled for an e-mail, without recording anything. */
  prefilledFor(email: string): PrefilledData {
    return this.prefilled.get(email.trim().toLowerCase()) ?? {};
  }

  /** The prefilled data of an e-mail, to write to. */
  prefill(email: string): PrefilledData {
    const key = email.trim().toLowerCase();
    let data = this.prefilled.get(key);
    if (!data) {
      data = {};
      this.prefilled.set(key, data);
    }
    return data;
  }

  /** The latest request for an e-mail, the one Canopy treats as the renter's current one. */
  latestRequestFor(email: string): ReferencingRecord | undefined {
    const key = email.trim().toLowerCase();
    let latest: ReferencingRecord | undefined;
    for (const request of this.requests.values()) {
      if (request.email.toLowerCase() === key) latest = request;
    }
    return latest;
  }
}
