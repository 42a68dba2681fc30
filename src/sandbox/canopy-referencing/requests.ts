import { createHash } from 'node:crypto';
import type { ItemType, RequestType } from '../../sources/canopy-referencing/enums';
import { plannedSections } from './lifecycle';
import type { CanopyReferencingState, ReferencingRecord, ScreeningResult } from './state';

export interface NewRequest {
  canopyReferenceId: string;
  clientReferenceId?: string;
  email: string;
  firstName?: string;
  lastName?: string;
  title?: string;
  phone?: string;
  requestType: RequestType;
  itemType: ItemType;
  canopyBranchId: string;
  callbackUrl: string | null;
  seeded: boolean;
  isGuarantorNeeded?: boolean;
  isIdentityVerificationNeeded?: boolean;
  isRightToRentNeeded?: boolean;
  /** Whole pounds a year. */
  annualSalary: number;
  /** Where screening will end; by default derived from the e-mail, so a renter always gets the same verdict. */
  result?: ScreeningResult;
  createdAt: Date;
}

function verdictFor(email: string): ScreeningResult {
  const bucket = createHash('sha1').update(email.toLowerCase()).digest()[0]! % 6;
  if (bucket === 4) return 'CONSIDER';
  if (bucket === 5) return 'HIGH_RISK';
  return 'ACCEPT';
}

/** Records a new referencing request, at its first stage. */
export function createRequest(state: CanopyReferencingState, input: NewRequest): ReferencingRecord {
  // Right to rent needs identity verification, which Canopy turns on for it.
  const rightToRent = input.isRightToRentNeeded === true;
  const identityVerification = input.isIdentityVerificationNeeded === true || rightToRent;
  const record: ReferencingRecord = {
    canopyReferenceId: input.canopyReferenceId,
    clientReferenceId: input.clientReferenceId ?? null,
    email: input.email,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    title: input.title ?? null,
    phone: input.phone ?? null,
    requestType: input.requestType,
    itemType: input.itemType,
    canopyBranchId: input.canopyBranchId,
    callbackUrl: input.callbackUrl,
    seeded: input.seeded,
    isGuarantorNeeded: input.isGuarantorNeeded === true,
    identityVerification,
    rightToRent,
    createdAt: input.createdAt,
    stage: 'CREATED',
    sections: plannedSections(input.itemType, { identityVerification, rightToRent }),
    result: input.result ?? verdictFor(input.email),
    annualSalary: input.annualSalary,
    notes: [],
    guarantor: null,
    documents: null,
    queuedEvents: [],
    updatedAt: input.createdAt,
  };
  state.requests.set(record.canopyReferenceId, record);
  return record;
}
