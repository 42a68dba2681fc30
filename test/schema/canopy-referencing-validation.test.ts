import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import {
  benefits,
  employed,
  identityInput,
  incomeInput,
  OPERATIONS,
  rentInput,
  requestInput,
  selfEmployed,
  student,
  type MutationName,
} from './canopy-referencing-inputs';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());

interface Case {
  rule: string;
  mutation: MutationName;
  input: () => object;
  field: string;
}

const withAddress = (change: object) => () => {
  const input = identityInput();
  return { ...input, addresses: [{ ...input.addresses[0]!, ...change }] };
};
const withIncome = (income: object) => () => ({ ...incomeInput(), income: [income] });
const withEmployment = (base: () => { employment: object }, change: object) => () => {
  const income = base();
  return withIncome({ ...income, employment: { ...income.employment, ...change } })();
};
const withRent = (change: object) => () => {
  const input = rentInput();
  return { ...input, rents: [{ ...input.rents[0]!, ...change }] };
};

const CASES: Case[] = [
  // request referencing
  { rule: 'required', mutation: 'requestReferencing', input: () => ({ ...requestInput(), email: ' ' }), field: 'email' },
  { rule: 'format', mutation: 'requestReferencing', input: () => ({ ...requestInput(), email: 'nia.example.com' }), field: 'email' },
  { rule: 'notBlank', mutation: 'requestReferencing', input: () => ({ ...requestInput(), firstName: '  ' }), field: 'firstName' },
  { rule: 'format', mutation: 'requestReferencing', input: () => ({ ...requestInput(), branchId: 'branch-1' }), field: 'branchId' },
  { rule: 'oneOf', mutation: 'requestReferencing', input: () => ({ ...requestInput(), requestType: 'UNLISTED' }), field: 'requestType' },
  { rule: 'oneOf', mutation: 'requestReferencing', input: () => ({ ...requestInput(), itemType: 'UNLISTED' }), field: 'itemType' },
  {
    rule: 'allowedOnlyWhen',
    mutation: 'requestReferencing',
    input: () => ({ ...requestInput(), requestType: 'GUARANTOR_SCREENING', isGuarantorNeeded: true }),
    field: 'isGuarantorNeeded',
  },
  {
    rule: 'allowedOnlyWhen',
    mutation: 'requestReferencing',
    input: () => ({ ...requestInput(), requestType: 'GUARANTOR_SCREENING', isIdentityVerificationNeeded: true }),
    field: 'isIdentityVerificationNeeded',
  },
  {
    rule: 'allowedOnlyWhen',
    mutation: 'requestReferencing',
    input: () => ({ ...requestInput(), itemType: 'PRE_QUALIFICATION', isRightToRentNeeded: true }),
    field: 'isRightToRentNeeded',
  },
  {
    rule: 'requiredWhen',
    mutation: 'requestReferencing',
    input: () => ({ ...requestInput(), isRightToRentNeeded: true, isIdentityVerificationNeeded: false }),
    field: 'isIdentityVerificationNeeded',
  },
  // set identity
  { rule: 'format', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), email: 'nia@' }), field: 'email' },
  { rule: 'required', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), firstName: '' }), field: 'firstName' },
  { rule: 'required', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), lastName: ' ' }), field: 'lastName' },
  { rule: 'required', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), phone: '' }), field: 'phone' },
  { rule: 'notBlank', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), middleName: '' }), field: 'middleName' },
  { rule: 'format', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), dateOfBirth: '05/03/1994' }), field: 'dateOfBirth' },
  { rule: 'format', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), dateOfBirth: '1994-02-30' }), field: 'dateOfBirth' },
  { rule: 'minItems', mutation: 'prefillIdentity', input: () => ({ ...identityInput(), addresses: [] }), field: 'addresses' },
  { rule: 'format', mutation: 'prefillIdentity', input: withAddress({ startDate: '2020-9-1' }), field: 'addresses.0.startDate' },
  {
    rule: 'requiredWhen',
    mutation: 'prefillIdentity',
    input: withAddress({ houseNumber: null, houseName: null }),
    field: 'addresses.0.houseNumber',
  },
  { rule: 'required', mutation: 'prefillIdentity', input: withAddress({ street: '' }), field: 'addresses.0.street' },
  { rule: 'required', mutation: 'prefillIdentity', input: withAddress({ town: ' ' }), field: 'addresses.0.town' },
  { rule: 'required', mutation: 'prefillIdentity', input: withAddress({ postCode: '' }), field: 'addresses.0.postCode' },
  { rule: 'format', mutation: 'prefillIdentity', input: withAddress({ countryCode: 'GBR' }), field: 'addresses.0.countryCode' },
  // set income
  { rule: 'format', mutation: 'prefillIncome', input: () => ({ ...incomeInput(), email: 'nia' }), field: 'email' },
  { rule: 'minItems', mutation: 'prefillIncome', input: () => ({ ...incomeInput(), income: [] }), field: 'income' },
  { rule: 'oneOf', mutation: 'prefillIncome', input: withIncome({ ...benefits(), incomeSource: 'UNLISTED' }), field: 'income.0.incomeSource' },
  {
    rule: 'greaterThan',
    mutation: 'prefillIncome',
    input: withIncome({ ...employed(), annualSalaryPence: 10_000 }),
    field: 'income.0.annualSalaryPence',
  },
  {
    rule: 'integer',
    mutation: 'prefillIncome',
    input: withIncome({ ...employed(), annualSalaryPence: 3_600_050 }),
    field: 'income.0.annualSalaryPence',
  },
  {
    rule: 'oneOf',
    mutation: 'prefillIncome',
    input: withIncome({ ...employed(), paymentFrequency: 'OTHER' }),
    field: 'income.0.paymentFrequency',
  },
  {
    rule: 'oneOf',
    mutation: 'prefillIncome',
    input: withIncome({ ...selfEmployed(), paymentFrequency: 'OTHER' }),
    field: 'income.0.paymentFrequency',
  },
  { rule: 'requiredWhen', mutation: 'prefillIncome', input: withEmployment(employed, { companyName: null }), field: 'income.0.employment.companyName' },
  { rule: 'requiredWhen', mutation: 'prefillIncome', input: withEmployment(employed, { jobTitle: null }), field: 'income.0.employment.jobTitle' },
  {
    rule: 'requiredWhen',
    mutation: 'prefillIncome',
    input: withEmployment(employed, { employmentStatus: null }),
    field: 'income.0.employment.employmentStatus',
  },
  {
    rule: 'oneOf',
    mutation: 'prefillIncome',
    input: withEmployment(employed, { employmentBasis: 'UNLISTED' }),
    field: 'income.0.employment.employmentBasis',
  },
  { rule: 'format', mutation: 'prefillIncome', input: withEmployment(employed, { startDate: '2020/09/01' }), field: 'income.0.employment.startDate' },
  {
    rule: 'requiredWhen',
    mutation: 'prefillIncome',
    input: withEmployment(employed, { contractLength: null }),
    field: 'income.0.employment.contractLength',
  },
  {
    rule: 'requiredWhen',
    mutation: 'prefillIncome',
    input: withEmployment(selfEmployed, { incomeName: null }),
    field: 'income.0.employment.incomeName',
  },
  {
    rule: 'requiredWhen',
    mutation: 'prefillIncome',
    input: withEmployment(student, { grantsAvailability: null }),
    field: 'income.0.employment.grantsAvailability',
  },
  { rule: 'requiredWhen', mutation: 'prefillIncome', input: withEmployment(student, { startDate: null }), field: 'income.0.employment.startDate' },
  {
    rule: 'requiredWhen',
    mutation: 'prefillIncome',
    input: withEmployment(student, { loanStartDate: null }),
    field: 'income.0.employment.loanStartDate',
  },
  { rule: 'requiredWhen', mutation: 'prefillIncome', input: withEmployment(student, { course: null }), field: 'income.0.employment.course' },
  { rule: 'format', mutation: 'prefillIncome', input: withEmployment(student, { courseEnd: '2030' }), field: 'income.0.employment.courseEnd' },
  {
    rule: 'requiredWhen',
    mutation: 'prefillIncome',
    input: withEmployment(benefits, { description: null }),
    field: 'income.0.employment.description',
  },
  // set rent
  { rule: 'format', mutation: 'prefillRent', input: () => ({ ...rentInput(), email: 'x@y' }), field: 'email' },
  { rule: 'requiredWhen', mutation: 'prefillRent', input: () => ({ ...rentInput(), rents: null }), field: 'rents' },
  { rule: 'minItems', mutation: 'prefillRent', input: () => ({ ...rentInput(), rents: [] }), field: 'rents' },
  { rule: 'required', mutation: 'prefillRent', input: withRent({ name: '' }), field: 'rents.0.name' },
  { rule: 'oneOf', mutation: 'prefillRent', input: withRent({ paymentFrequency: 'UNLISTED' }), field: 'rents.0.paymentFrequency' },
  { rule: 'integer', mutation: 'prefillRent', input: withRent({ rentPaymentAmountPence: 95_050 }), field: 'rents.0.rentPaymentAmountPence' },
  { rule: 'required', mutation: 'prefillRent', input: withRent({ rentPaidTo: ' ' }), field: 'rents.0.rentPaidTo' },
  // branches, guarantors, webhooks
  {
    rule: 'format',
    mutation: 'linkCanopyBranch',
    input: () => ({ canopyBranchId: 'd490a80d-c713-4d7d-baa1-057109417e8a', clientBranchId: 'branch-1' }),
    field: 'clientBranchId',
  },
  {
    rule: 'required',
    mutation: 'linkCanopyBranch',
    input: () => ({ canopyBranchId: ' ', clientBranchId: '0830f800-b5d2-4e16-aede-411cb5f3c58b' }),
    field: 'canopyBranchId',
  },
  { rule: 'format', mutation: 'unlinkCanopyBranch', input: () => ({ clientBranchId: 'branch-1' }), field: 'clientBranchId' },
  { rule: 'format', mutation: 'revokeGuarantorRequest', input: () => ({ email: 'liam byrne@example.com' }), field: 'email' },
  { rule: 'oneOf', mutation: 'registerCanopyWebhook', input: () => ({ type: 'UNLISTED' }), field: 'type' },
  {
    rule: 'allowedOnlyWhen',
    mutation: 'registerCanopyWebhook',
    input: () => ({ type: 'REQUEST_STATUS_UPDATES', sections: ['INCOME'] }),
    field: 'sections',
  },
  {
    rule: 'oneOf',
    mutation: 'registerCanopyWebhook',
    input: () => ({ type: 'PASSPORT_STATUS_UPDATES', sections: ['INCOME', 'UNLISTED'] }),
    field: 'sections.1',
  },
  { rule: 'oneOf', mutation: 'unregisterCanopyWebhook', input: () => ({ type: 'UNLISTED' }), field: 'type' },
];

describe('validation before any call to Canopy', () => {
  it.each(CASES)('$mutation refuses $field ($rule)', async ({ mutation, input, field, rule }) => {
    const { data, errors } = await gateway.graphql(OPERATIONS[mutation], { input: input() });

    expect(errors).toBeUndefined();
    const result = data?.[mutation];
    expect(result.__typename).toBe('ValidationError');
    expect(result.problems).toEqual([{ field, rule, message: expect.stringContaining(`${field}: `) }]);
    expect(gateway.sandbox.calls.count('canopy-referencing')).toBe(0);
  });

  it('reports every problem of an input at once', async () => {
    const input = { ...identityInput(), email: 'nope', dateOfBirth: '1994-13-01', addresses: [{ ...identityInput().addresses[0]!, houseNumber: null, countryCode: 'gb' }] };
    const { data } = await gateway.graphql(OPERATIONS.prefillIdentity, { input });

    expect(data?.prefillIdentity.problems.map((problem: { field: string; rule: string }) => `${problem.field}:${problem.rule}`)).toEqual([
      'email:format',
      'dateOfBirth:format',
      'addresses.0.houseNumber:requiredWhen',
      'addresses.0.countryCode:format',
    ]);
    expect(gateway.sandbox.calls.count('canopy-referencing')).toBe(0);
  });

  it('accepts what the rules allow: OTHER for student and benefits income, a house name alone, no rents when none were paid', async () => {
    const income = await gateway.graphql(OPERATIONS.prefillIncome, {
      input: { ...incomeInput(), income: [student(), { ...benefits(), paymentFrequency: 'OTHER' }] },
    });
    const identity = await gateway.graphql(OPERATIONS.prefillIdentity, {
      input: withAddress({ houseNumber: null, houseName: 'Rose Cottage' })(),
    });
    const rent = await gateway.graphql(OPERATIONS.prefillRent, { input: { ...rentInput(), rentsDuringLastYear: false, rents: null } });

    expect(income.data?.prefillIncome.__typename).toBe('MutationPrefillIncomeSuccess');
    expect(identity.data?.prefillIdentity.data.addresses[0]).toMatchObject({ houseNumber: null, houseName: 'Rose Cottage' });
    expect(rent.data?.prefillRent.data).toMatchObject({ rentsDuringLastYear: false, rents: [] });
  });
});
