/** Valid inputs of the Canopy Referencing mutations, and the operations that send them. */

/** One mutation's operation, answering every member of its result union. */
export function mutationDocument(field: string, inputType: string, selection: string): string {
  const name = field.charAt(0).toUpperCase() + field.slice(1);
  return /* GraphQL */ `
    mutation ($input: ${inputType}!) {
      ${field}(input: $input) {
        __typename
        ... on Mutation${name}Success { data { ${selection} } }
        ... on ValidationError { message problems { field rule message } }
        ... on VendorError { message code vendor status vendorMessage }
      }
    }
  `;
}

export const OPERATIONS = {
  requestReferencing: mutationDocument(
    'requestReferencing',
    'RequestReferencingInput',
    'id canopyReferenceId clientReferenceId status tenant { email } rentPassport { connection { branchName } identityVerification { status } rightToRent { status } }',
  ),
  prefillIdentity: mutationDocument(
    'prefillIdentity',
    'PrefillIdentityInput',
    'email firstName middleName lastName dateOfBirth phone addresses { startDate flat houseNumber houseName street countryCode county town postCode line1 line2 line3 }',
  ),
  prefillIncome: mutationDocument(
    'prefillIncome',
    'PrefillIncomeInput',
    `email income {
      incomeSource annualSalary { minorUnits currency decimal } paymentFrequency additionalInfo
      employment {
        companyName jobTitle employmentStatus employmentBasis contractLength startDate incomeName description
        educationalInstitutionName grantsAvailability loans loanStartDate course qualification courseStart courseEnd
      }
    }`,
  ),
  prefillRent: mutationDocument(
    'prefillRent',
    'PrefillRentInput',
    'email homeowner rentsDuringLastYear rents { name paymentFrequency rentPaymentAmount { minorUnits currency } rentPaidTo }',
  ),
  linkCanopyBranch: mutationDocument('linkCanopyBranch', 'LinkCanopyBranchInput', 'clientBranchId branch { name clientBranchIds }'),
  unlinkCanopyBranch: mutationDocument('unlinkCanopyBranch', 'UnlinkCanopyBranchInput', 'clientBranchId'),
  revokeGuarantorRequest: mutationDocument('revokeGuarantorRequest', 'RevokeGuarantorRequestInput', 'email'),
  registerCanopyWebhook: mutationDocument('registerCanopyWebhook', 'RegisterCanopyWebhookInput', 'type sections'),
  unregisterCanopyWebhook: mutationDocument('unregisterCanopyWebhook', 'UnregisterCanopyWebhookInput', 'type'),
} as const;

export type MutationName = keyof typeof OPERATIONS;

export const requestInput = () => ({
  email: 'new.renter@example.com',
  firstName: 'Nia',
  lastName: 'Adeyemi',
  title: 'Ms',
  phone: '+447700900123',
  requestType: 'RENTER_SCREENING',
  itemType: 'FULL',
  clientReferenceId: 'RG-9001',
});

export const identityInput = () => ({
  email: 'new.renter@example.com',
  firstName: 'Nia',
  middleName: 'Ada',
  lastName: 'Adeyemi',
  dateOfBirth: '1994-03-05',
  phone: '+447700900123',
  addresses: [
    { startDate: '2020-09-01', flat: '9', houseNumber: '113', street: 'Newton Street', countryCode: 'GB', town: 'Manchester', postCode: 'M1 1AE' },
  ],
});

export const employed = () => ({
  incomeSource: 'EMPLOYED',
  annualSalaryPence: 3_600_000,
  paymentFrequency: 'MONTHLY',
  employment: {
    companyName: 'Northwind Ltd',
    jobTitle: 'Designer',
    employmentStatus: 'FULL_TIME',
    employmentBasis: 'CONTRACT',
    startDate: '2020-09-01',
    contractLength: 'OVER_12_MONTHS',
  },
});

export const student = () => ({
  incomeSource: 'STUDENT',
  annualSalaryPence: 1_111_000,
  paymentFrequency: 'OTHER',
  employment: {
    educationalInstitutionName: 'University of Manchester',
    grantsAvailability: true,
    startDate: '2019-02-01',
    loans: true,
    loanStartDate: '2019-02-01',
    course: 'Architecture',
    qualification: 'BA',
    courseStart: '2019-02-01',
    courseEnd: '2030-01-01',
  },
});

export const selfEmployed = () => ({
  incomeSource: 'SELF_EMPLOYED',
  annualSalaryPence: 1_200_000,
  paymentFrequency: 'WEEKLY',
  additionalInfo: 'Illustration commissions',
  employment: { incomeName: 'Freelance illustration', jobTitle: 'Illustrator', startDate: '2021-04-01' },
});

export const benefits = () => ({
  incomeSource: 'BENEFITS',
  annualSalaryPence: 500_000,
  paymentFrequency: 'TWO_WEEKLY',
  employment: { incomeName: 'Universal Credit', description: 'Housing element', startDate: '2022-01-01' },
});

export const incomeInput = () => ({ email: 'new.renter@example.com', income: [employed(), student(), selfEmployed(), benefits()] });

export const rentInput = () => ({
  email: 'new.renter@example.com',
  homeowner: false,
  rentsDuringLastYear: true,
  rents: [{ name: 'Flat 9', paymentFrequency: 'MONTHLY', rentPaymentAmountPence: 95_000, rentPaidTo: 'Landlord' }],
});
