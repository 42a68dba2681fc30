import type {
  AccountAssignment,
  CustomerAccountRole,
  CustomerInput,
  LithicCardState,
  LithicCardType,
} from '../../sources/canopy-servicing/types';
import { vendorIdOf } from '../global-id';
import { ProblemList } from '../validation-error';
import { checkEmail, checkFormat, checkText, checkUuid } from '../input-checks';
import { checkAtLeast, checkListed, E164, given, US_ZIP } from './rules';

export interface AccountAssignmentInputShape {
  accountId: string;
  role?: string | null;
  customerAccountExternalId?: string | null;
  issuerProcessorConfig?: {
    spendLimitCents?: number | null;
    lithic?: { memo?: string | null; type?: string | null; state?: string | null; cardProgramToken?: string | null } | null;
  } | null;
}

export interface CreateCustomerInputShape {
  customerId?: string | null;
  namePrefix?: string | null;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  nameSuffix?: string | null;
  phoneNumber: string;
  addressLineOne: string;
  addressLineTwo?: string | null;
  city: string;
  state: string;
  zip: string;
  countryCode?: string | null;
  ssn?: string | null;
  internationalCustomerId?: string | null;
  email: string;
  dateOfBirth: Date;
  businessDetails?: { legalName?: string | null; doingBusinessAs: string; ein: string } | null;
  assignToAccounts?: AccountAssignmentInputShape[] | null;
}

const NOT_CANOPY_PREFIXED = /^(?!can_)/;
const MAX_ASSIGNMENTS = 100;

/** Every rule of `POST /customers`, all problems at once. */
export function validateCreateCustomer(input: CreateCustomerInputShape): CustomerInput {
  const problems = new ProblemList();
  if (input.customerId !== null && input.customerId !== undefined) {
    checkText(problems, 'customerId', input.customerId);
    if (!NOT_CANOPY_PREFIXED.test(input.customerId)) {
      problems.add('customerId', 'pattern', 'must not start with can_ (Canopy’s own ids do)');
    }
  }
  for (const field of ['firstName', 'lastName', 'addressLineOne', 'city', 'state'] as const) checkText(problems, field, input[field]);
  checkFormat(problems, 'phoneNumber', input.phoneNumber, E164, 'in E.164 format, e.g. +14105556789', true);
  checkFormat(problems, 'zip', input.zip, US_ZIP, "a five digit ZIP code or a nine digit 'ZIP+4'", true);
  checkEmail(problems, 'email', input.email);
  checkListed(problems, 'countryCode', input.countryCode);
  if (input.businessDetails) {
    checkText(problems, 'businessDetails.doingBusinessAs', input.businessDetails.doingBusinessAs);
    checkText(problems, 'businessDetails.ein', input.businessDetails.ein);
  }
  const assignments = input.assignToAccounts ?? [];
  if (assignments.length > MAX_ASSIGNMENTS) {
    problems.add('assignToAccounts', 'maxItems', `must not have more than ${MAX_ASSIGNMENTS} accounts`);
  }
  assignments.forEach((assignment, i) => checkAssignment(problems, `assignToAccounts.${i}`, assignment));
  problems.throwIfAny();

  const business = input.businessDetails;
  return {
    customerId: given(input.customerId),
    namePrefix: given(input.namePrefix),
    firstName: input.firstName.trim(),
    middleName: given(input.middleName),
    lastName: input.lastName.trim(),
    nameSuffix: given(input.nameSuffix),
    phoneNumber: input.phoneNumber.trim(),
    addressLineOne: input.addressLineOne,
    addressLineTwo: given(input.addressLineTwo),
    city: input.city,
    state: input.state,
    zip: input.zip.trim(),
    countryCode: given(input.countryCode),
    ssn: given(input.ssn),
    internationalCustomerId: given(input.internationalCustomerId),
    email: input.email.trim(),
    dateOfBirth: input.dateOfBirth.toISOString().slice(0, 10),
    businessDetails: business
      ? { legalName: given(business.legalName), doingBusinessAs: business.doingBusinessAs, ein: business.ein }
      : undefined,
    assignToAccounts: input.assignToAccounts ? assignments.map(toAssignment) : undefined,
  };
}

function checkAssignment(problems: ProblemList, path: string, assignment: AccountAssignmentInputShape): void {
  checkText(problems, `${path}.accountId`, assignment.accountId);
  checkListed(problems, `${path}.role`, assignment.role);
  const config = assignment.issuerProcessorConfig;
  checkAtLeast(problems, `${path}.issuerProcessorConfig.spendLimitCents`, config?.spendLimitCents, 1);
  const lithic = config?.lithic;
  if (!lithic) return;
  checkListed(problems, `${path}.issuerProcessorConfig.lithic.type`, lithic.type);
  checkListed(problems, `${path}.issuerProcessorConfig.lithic.state`, lithic.state);
  checkUuid(problems, `${path}.issuerProcessorConfig.lithic.cardProgramToken`, lithic.cardProgramToken);
}

function toAssignment(assignment: AccountAssignmentInputShape): AccountAssignment {
  const config = assignment.issuerProcessorConfig;
  const lithic = config?.lithic;
  return {
    accountId: vendorIdOf('Account', assignment.accountId.trim()),
    role: (given(assignment.role) ?? 'PRIMARY') as CustomerAccountRole,
    customerAccountExternalId: given(assignment.customerAccountExternalId),
    issuerProcessorConfig: config
      ? {
          spendLimitCents: config.spendLimitCents,
          lithic: lithic
            ? {
                memo: given(lithic.memo),
                type: given(lithic.type) as LithicCardType | undefined,
                state: given(lithic.state) as LithicCardState | undefined,
                cardProgramToken: given(lithic.cardProgramToken),
              }
            : undefined,
        }
      : undefined,
  };
}
