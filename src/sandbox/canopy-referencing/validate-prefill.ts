/** Every rule the docs give for the three prefill bodies: set-identity, set-income, set-rent. */
import {
  CONTRACT_LENGTH_VALUES,
  EARNED_PAYMENT_FREQUENCY_VALUES,
  EMPLOYMENT_BASIS_VALUES,
  EMPLOYMENT_STATUS_VALUES,
  INCOME_SOURCE_VALUES,
  PAYMENT_FREQUENCY_VALUES,
} from '../../sources/canopy-referencing/enums';
import { FieldChecks, isRecord, type Json } from './checks';
import type { FieldProblem } from './errors';

const COUNTRY_CODE = /^[A-Z]{2}$/;

function checkAddress(checks: FieldChecks, address: Json, path: string): void {
  checks.date(address.startDate, `${path}.startDate`);
  checks.string(address.flat, `${path}.flat`, false);
  checks.string(address.houseNumber, `${path}.houseNumber`, false);
  checks.string(address.houseName, `${path}.houseName`, false);
  if (address.houseNumber === undefined && address.houseName === undefined) {
    checks.fail('object.missing', path, `"${path}" must contain at least one of [houseNumber, houseName]`);
  }
  checks.string(address.street, `${path}.street`);
  const countryCode = checks.string(address.countryCode, `${path}.countryCode`);
  // The docs point to a list in their repository; ISO 3166-1 alpha-2 is what that list holds.
  if (countryCode !== undefined && !COUNTRY_CODE.test(countryCode)) {
    checks.fail('any.only', `${path}.countryCode`, `"${path}.countryCode" must be an ISO 3166-1 alpha-2 country code`);
  }
  for (const optional of ['county', 'line1', 'line2', 'line3']) checks.string(address[optional], `${path}.${optional}`, false);
  checks.string(address.town, `${path}.town`);
  checks.string(address.postCode, `${path}.postCode`);
}

export function validateIdentity(body: unknown): FieldProblem[] {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (!root) return checks.problems;
  checks.email(root.email, 'email');
  checks.string(root.firstName, 'firstName');
  checks.string(root.middleName, 'middleName', false);
  checks.string(root.lastName, 'lastName');
  checks.date(root.dateOfBirth, 'dateOfBirth');
  checks.string(root.phone, 'phone');
  const addresses = checks.array(root.addresses, 'addresses', 1);
  addresses?.forEach((address, i) => {
    const path = `addresses.${i}`;
    const item = checks.object(address, path);
    if (item) checkAddress(checks, item, path);
  });
  return checks.problems;
}

function checkEmployment(checks: FieldChecks, source: string, employment: Json, path: string): void {
  if (source === 'EMPLOYED') {
    checks.string(employment.companyName, `${path}.companyName`);
    checks.string(employment.jobTitle, `${path}.jobTitle`);
    checks.oneOf(employment.employmentStatus, `${path}.employmentStatus`, EMPLOYMENT_STATUS_VALUES);
    const basis = checks.oneOf(employment.employmentBasis, `${path}.employmentBasis`, EMPLOYMENT_BASIS_VALUES);
    checks.date(employment.startDate, `${path}.startDate`);
    checks.oneOf(employment.contractLength, `${path}.contractLength`, CONTRACT_LENGTH_VALUES, basis === 'CONTRACT');
  } else if (source === 'SELF_EMPLOYED') {
    checks.string(employment.incomeName, `${path}.incomeName`);
    checks.string(employment.jobTitle, `${path}.jobTitle`);
    checks.date(employment.startDate, `${path}.startDate`);
  } else if (source === 'STUDENT') {
    checks.string(employment.educationalInstitutionName, `${path}.educationalInstitutionName`);
    const grants = checks.boolean(employment.grantsAvailability, `${path}.grantsAvailability`);
    checks.date(employment.startDate, `${path}.startDate`, grants === true);
    const loans = checks.boolean(employment.loans, `${path}.loans`);
    checks.date(employment.loanStartDate, `${path}.loanStartDate`, loans === true);
    checks.string(employment.course, `${path}.course`);
    checks.string(employment.qualification, `${path}.qualification`);
    checks.date(employment.courseStart, `${path}.courseStart`);
    checks.date(employment.courseEnd, `${path}.courseEnd`);
  } else {
    checks.string(employment.incomeName, `${path}.incomeName`);
    checks.string(employment.description, `${path}.description`);
    checks.date(employment.startDate, `${path}.startDate`);
  }
}

function checkIncome(checks: FieldChecks, income: Json, path: string): void {
  const source = checks.oneOf(income.incomeSource, `${path}.incomeSource`, INCOME_SOURCE_VALUES);
  const salary = checks.integer(income.annualSalary, `${path}.annualSalary`);
  if (salary !== undefined && salary <= 100) {
    checks.fail('number.greater', `${path}.annualSalary`, `"${path}.annualSalary" must be greater than 100`);
  }
  // Student and "other" income may be paid at another rhythm; earned income may not.
  const earned = source === 'EMPLOYED' || source === 'SELF_EMPLOYED';
  checks.oneOf(income.paymentFrequency, `${path}.paymentFrequency`, earned ? EARNED_PAYMENT_FREQUENCY_VALUES : PAYMENT_FREQUENCY_VALUES);
  checks.string(income.additionalInfo, `${path}.additionalInfo`, false);
  const employment = checks.object(income.employment, `${path}.employment`);
  if (source && employment) checkEmployment(checks, source, employment, `${path}.employment`);
}

export function validateIncome(body: unknown): FieldProblem[] {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (!root) return checks.problems;
  checks.email(root.email, 'email');
  const data = checks.object(root.data, 'data');
  const income = data ? checks.array(data.income, 'data.income', 1) : undefined;
  income?.forEach((item, i) => {
    const path = `data.income.${i}`;
    if (isRecord(item)) checkIncome(checks, item, path);
    else checks.object(item, path);
  });
  return checks.problems;
}

export function validateRent(body: unknown): FieldProblem[] {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (!root) return checks.problems;
  checks.email(root.email, 'email');
  const data = checks.object(root.data, 'data');
  if (!data) return checks.problems;
  checks.boolean(data.homeowner, 'data.homeowner');
  const rented = checks.boolean(data.rentsDuringLastYear, 'data.rentsDuringLastYear');
  const rents = checks.array(data.rents, 'data.rents', rented === true ? 1 : 0, rented === true);
  rents?.forEach((rent, i) => {
    const path = `data.rents.${i}`;
    const item = checks.object(rent, path);
    if (!item) return;
    checks.string(item.name, `${path}.name`);
    checks.oneOf(item.paymentFrequency, `${path}.paymentFrequency`, PAYMENT_FREQUENCY_VALUES);
    checks.integer(item.rentPaymentAmount, `${path}.rentPaymentAmount`);
    checks.string(item.rentPaidTo, `${path}.rentPaidTo`);
  });
  return checks.problems;
}

