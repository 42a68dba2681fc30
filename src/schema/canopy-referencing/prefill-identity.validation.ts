import type { CanopyAddress, CanopyIdentity } from '../../sources/canopy-referencing/types';
import { ProblemList } from '../validation-error';
import { checkEmail, checkText, type Maybe } from '../input-checks';
import { checkDate } from './checks';

export interface AddressInputShape {
  startDate: string;
  flat?: Maybe<string>;
  houseNumber?: Maybe<string>;
  houseName?: Maybe<string>;
  street: string;
  countryCode: string;
  county?: Maybe<string>;
  town: string;
  postCode: string;
  line1?: Maybe<string>;
  line2?: Maybe<string>;
  line3?: Maybe<string>;
}

export interface PrefillIdentityInputShape {
  email: string;
  firstName: string;
  middleName?: Maybe<string>;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  addresses: AddressInputShape[];
}

const COUNTRY_CODE = /^[A-Z]{2}$/;
const OPTIONAL_PARTS = ['flat', 'houseNumber', 'houseName', 'county', 'line1', 'line2', 'line3'] as const;

function checkAddress(problems: ProblemList, path: string, address: AddressInputShape): CanopyAddress {
  checkDate(problems, `${path}.startDate`, address.startDate);
  for (const part of OPTIONAL_PARTS) checkText(problems, `${path}.${part}`, address[part], false);
  if (!address.houseNumber && !address.houseName) {
    problems.add(`${path}.houseNumber`, 'requiredWhen', 'is required when houseName is not given');
  }
  for (const part of ['street', 'town', 'postCode'] as const) checkText(problems, `${path}.${part}`, address[part]);
  // Canopy's list of country codes is ISO 3166-1 alpha-2.
  if (!COUNTRY_CODE.test(address.countryCode)) problems.add(`${path}.countryCode`, 'format', 'must be an ISO 3166-1 alpha-2 code, e.g. GB');

  const wire: CanopyAddress = {
    startDate: address.startDate,
    street: address.street,
    countryCode: address.countryCode,
    town: address.town,
    postCode: address.postCode,
  };
  for (const part of OPTIONAL_PARTS) {
    const value = address[part];
    if (value !== null && value !== undefined) wire[part] = value;
  }
  return wire;
}

/** Every rule of the set-identity body, checked before Canopy is called. */
export function validatePrefillIdentity(input: PrefillIdentityInputShape): CanopyIdentity {
  const problems = new ProblemList();
  checkEmail(problems, 'email', input.email);
  checkText(problems, 'firstName', input.firstName);
  checkText(problems, 'middleName', input.middleName, false);
  checkText(problems, 'lastName', input.lastName);
  checkDate(problems, 'dateOfBirth', input.dateOfBirth);
  checkText(problems, 'phone', input.phone);
  if (input.addresses.length === 0) problems.add('addresses', 'minItems', 'must hold at least one address');
  const addresses = input.addresses.map((address, i) => checkAddress(problems, `addresses.${i}`, address));
  problems.throwIfAny();

  const identity: CanopyIdentity = {
    email: input.email.trim(),
    firstName: input.firstName,
    lastName: input.lastName,
    dateOfBirth: input.dateOfBirth,
    phone: input.phone,
    addresses,
  };
  if (input.middleName) identity.middleName = input.middleName;
  return identity;
}
