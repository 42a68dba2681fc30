import { isIsoAlpha3 } from '../../sources/reposit/countries';
import type { CreateRepositInput as ClientCreateRepositInput, RepositAddress } from '../../sources/reposit/types';
import { checkEmail, checkText } from '../input-checks';
import { ProblemList } from '../validation-error';

export interface AddressInputShape {
  line1: string;
  line2?: string | null;
  town: string;
  country: string;
  postcode: string;
}

export interface CreateRepositInputShape {
  address: AddressInputShape;
  landlord: { firstName: string; lastName: string; email: string; address: AddressInputShape };
  agentId: string;
  monthlyRentPence: number;
  headcount?: number | null;
  startDate: Date;
  endDate: Date;
  tenantEmails: string[];
  letOnly?: boolean | null;
}

/** British postcodes, with or without the space; the doc's example is 'EC2M 6YP'. */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

/**
 * Every rule Reposit's documentation gives for `POST /v1/reposits`, all problems at once. What
 * GraphQL's types already enforce (presence, booleans, whole numbers, real dates) is not repeated;
 * blank strings are. The one rule left to Reposit is that `agentId` names one of its agents.
 */
export function validateCreateReposit(input: CreateRepositInputShape): ClientCreateRepositInput {
  const problems = new ProblemList();
  checkAddress(input.address, 'address', problems);
  checkText(problems, 'landlord.firstName', input.landlord.firstName);
  checkText(problems, 'landlord.lastName', input.landlord.lastName);
  checkEmail(problems, 'landlord.email', input.landlord.email);
  checkAddress(input.landlord.address, 'landlord.address', problems);
  checkText(problems, 'agentId', input.agentId);

  if (input.monthlyRentPence <= 0) problems.add('monthlyRentPence', 'greaterThan', 'the monthly rent must be greater than 0');

  const emails = input.tenantEmails.map((email) => email.trim());
  if (emails.length === 0) problems.add('tenantEmails', 'minItems', 'at least one tenant e-mail is needed');
  emails.forEach((email, i) => checkEmail(problems, `tenantEmails.${i}`, email));
  const seen = new Set<string>();
  emails.forEach((email, i) => {
    const key = email.toLowerCase();
    if (seen.has(key)) problems.add(`tenantEmails.${i}`, 'unique', 'the same tenant is listed twice');
    seen.add(key);
  });

  if (input.headcount !== undefined && input.headcount !== null && input.headcount !== emails.length) {
    problems.add('headcount', 'equals', `the headcount must be the number of tenant e-mails (${emails.length})`);
  }
  if (input.endDate.getTime() <= input.startDate.getTime()) {
    problems.add('endDate', 'greaterThan', 'the tenancy must end after it starts');
  }
  problems.throwIfAny();

  return {
    address: addressOf(input.address),
    landlord: {
      firstName: input.landlord.firstName.trim(),
      lastName: input.landlord.lastName.trim(),
      email: input.landlord.email.trim(),
      address: addressOf(input.landlord.address),
    },
    agentId: input.agentId.trim(),
    monthlyRentPence: input.monthlyRentPence,
    startDate: input.startDate,
    endDate: input.endDate,
    tenantEmails: emails,
    ...(input.letOnly === undefined || input.letOnly === null ? {} : { letOnly: input.letOnly }),
  };
}

function checkAddress(address: AddressInputShape, path: string, problems: ProblemList): void {
  checkText(problems, `${path}.line1`, address.line1);
  checkText(problems, `${path}.town`, address.town);
  const country = address.country.trim();
  if (checkText(problems, `${path}.country`, country) && !isIsoAlpha3(country)) {
    problems.add(`${path}.country`, 'oneOf', 'must be an ISO 3166-1 alpha-3 country code, e.g. GBR');
  }
  const postcode = address.postcode.trim();
  // Only British postcodes have a format to check; a landlord may well live abroad.
  if (checkText(problems, `${path}.postcode`, postcode) && country === 'GBR' && !UK_POSTCODE.test(postcode)) {
    problems.add(`${path}.postcode`, 'pattern', 'must be a UK postcode, e.g. EC2M 6YP');
  }
}

function addressOf(address: AddressInputShape): RepositAddress {
  const line2 = address.line2?.trim();
  return {
    line1: address.line1.trim(),
    ...(line2 ? { line2 } : {}),
    town: address.town.trim(),
    country: address.country.trim(),
    postcode: address.postcode.trim(),
  };
}
