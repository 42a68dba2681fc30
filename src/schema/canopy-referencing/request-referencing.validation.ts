import { ITEM_TYPE_VALUES, REQUEST_TYPE_VALUES, VERIFIABLE_ITEM_TYPE_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyReferencingInput } from '../../sources/canopy-referencing/types';
import { ProblemList } from '../validation-error';
import { checkEmail, checkText, checkUuid, type Maybe } from '../input-checks';
import { checkOneOf } from './checks';

export interface RequestReferencingInputShape {
  email: string;
  firstName?: Maybe<string>;
  lastName?: Maybe<string>;
  title?: Maybe<string>;
  phone?: Maybe<string>;
  requestType: string;
  itemType: string;
  branchId?: Maybe<string | number>;
  clientReferenceId?: Maybe<string>;
  isGuarantorNeeded?: Maybe<boolean>;
  isIdentityVerificationNeeded?: Maybe<boolean>;
  isRightToRentNeeded?: Maybe<boolean>;
}

const OPTIONAL_TEXT = ['firstName', 'lastName', 'title', 'phone', 'clientReferenceId'] as const;

/** Every rule of the request-referencing body, checked before Canopy is called; the callback URL is the gateway's own. */
export function validateRequestReferencing(input: RequestReferencingInputShape, callbackUrl: string): CanopyReferencingInput {
  const problems = new ProblemList();
  checkEmail(problems, 'email', input.email);
  for (const field of OPTIONAL_TEXT) checkText(problems, field, input[field], false);
  const branchId = input.branchId === null || input.branchId === undefined ? undefined : String(input.branchId);
  // A branchId is a client branch id, which link-branch takes only in UUID format.
  checkUuid(problems, 'branchId', branchId);
  const requestType = checkOneOf(problems, 'requestType', input.requestType, REQUEST_TYPE_VALUES) ? input.requestType : undefined;
  const itemType = checkOneOf(problems, 'itemType', input.itemType, ITEM_TYPE_VALUES) ? input.itemType : undefined;

  if (requestType === 'GUARANTOR_SCREENING' && input.isGuarantorNeeded) {
    problems.add('isGuarantorNeeded', 'allowedOnlyWhen', 'applies only when requestType is RENTER_SCREENING');
  }
  const verifiable = requestType === 'RENTER_SCREENING' && itemType !== undefined && (VERIFIABLE_ITEM_TYPE_VALUES as readonly string[]).includes(itemType);
  if (requestType !== undefined && itemType !== undefined && !verifiable) {
    for (const flag of ['isIdentityVerificationNeeded', 'isRightToRentNeeded'] as const) {
      if (input[flag]) {
        problems.add(flag, 'allowedOnlyWhen', `applies only when requestType is RENTER_SCREENING and itemType one of ${VERIFIABLE_ITEM_TYPE_VALUES.join(', ')}`);
      }
    }
  }
  if (input.isRightToRentNeeded && input.isIdentityVerificationNeeded === false) {
    problems.add('isIdentityVerificationNeeded', 'requiredWhen', 'must be true when isRightToRentNeeded is true');
  }
  problems.throwIfAny();

  const request: CanopyReferencingInput = {
    email: input.email.trim(),
    callbackUrl,
    requestType: requestType!,
    itemType: itemType!,
  };
  for (const field of OPTIONAL_TEXT) {
    const value = input[field];
    if (value !== null && value !== undefined) request[field] = value;
  }
  if (branchId !== undefined) request.branchId = branchId;
  if (input.isGuarantorNeeded !== null && input.isGuarantorNeeded !== undefined) request.isGuarantorNeeded = input.isGuarantorNeeded;
  // Canopy turns identity verification on with right to rent; saying so keeps the request honest.
  const identity = input.isIdentityVerificationNeeded ?? (input.isRightToRentNeeded ? true : undefined);
  if (identity !== undefined) request.isIdentityVerificationNeeded = identity;
  if (input.isRightToRentNeeded !== null && input.isRightToRentNeeded !== undefined) request.isRightToRentNeeded = input.isRightToRentNeeded;
  return request;
}
