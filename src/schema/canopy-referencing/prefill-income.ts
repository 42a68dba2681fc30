import {
  CONTRACT_LENGTH_VALUES,
  EMPLOYMENT_BASIS_VALUES,
  EMPLOYMENT_STATUS_VALUES,
  INCOME_SOURCE_VALUES,
  PAYMENT_FREQUENCY_VALUES,
} from '../../sources/canopy-referencing/enums';
import type { CanopyIncome, CanopyIncomeData } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { money, Money } from '../money';
import { listed } from '../vendor-enum';
import { calendarDate } from './calendar-date';
import { ContractLengthEnum, EmploymentBasisEnum, EmploymentStatusEnum, IncomeSourceEnum, PaymentFrequencyEnum } from './enums';
import {
  validatePrefillIncome,
  type EmploymentInputShape,
  type IncomeInputShape,
  type PrefillIncomeInputShape,
} from './prefill-income.validation';

const EmploymentInput = builder.inputRef<EmploymentInputShape>('IncomeEmploymentInput').implement({
  description:
    'Details of an income. EMPLOYED: companyName, jobTitle, employmentStatus, employmentBasis, startDate (and contractLength for CONTRACT). SELF_EMPLOYED: incomeName, jobTitle, startDate. STUDENT: educationalInstitutionName, grantsAvailability (startDate when true), loans (loanStartDate when true), course, qualification, courseStart, courseEnd. RETIRED, UNEMPLOYED, BENEFITS, OTHER: incomeName, description, startDate. Dates are YYYY-MM-DD.',
  fields: (t) => ({
    companyName: t.string(),
    jobTitle: t.string(),
    employmentStatus: t.field({ type: EmploymentStatusEnum }),
    employmentBasis: t.field({ type: EmploymentBasisEnum }),
    startDate: t.string(),
    contractLength: t.field({ type: ContractLengthEnum }),
    incomeName: t.string(),
    description: t.string(),
    educationalInstitutionName: t.string(),
    grantsAvailability: t.boolean(),
    loans: t.boolean(),
    loanStartDate: t.string(),
    course: t.string(),
    qualification: t.string(),
    courseStart: t.string(),
    courseEnd: t.string(),
  }),
});

const IncomeInput = builder.inputRef<IncomeInputShape>('IncomeInput').implement({
  fields: (t) => ({
    incomeSource: t.field({ type: IncomeSourceEnum, required: true }),
    annualSalaryPence: t.field({
      type: 'SafeInt',
      required: true,
      description: 'The annual amount in pence: whole pounds, greater than £100.',
    }),
    paymentFrequency: t.field({ type: PaymentFrequencyEnum, required: true, description: 'OTHER only for student and other income.' }),
    additionalInfo: t.string(),
    employment: t.field({ type: EmploymentInput, required: true }),
  }),
});

const PrefillIncomeInput = builder.inputRef<PrefillIncomeInputShape>('PrefillIncomeInput').implement({
  description: 'Income to prefill a renter’s Rent Passport with.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The renter the data is about.' }),
    income: t.field({ type: [IncomeInput], required: true, description: 'At least one income.' }),
  }),
});

type Employment = CanopyIncome['employment'];
type EmploymentField = keyof EmploymentInputShape;

function detail(employment: Employment, name: EmploymentField): string | boolean | null {
  return (employment as Partial<Record<EmploymentField, string | boolean>>)[name] ?? null;
}

const IncomeEmployment = builder.objectRef<Employment>('IncomeEmployment').implement({
  description: 'Details of an income; which fields are set depends on the income source (see IncomeEmploymentInput).',
  fields: (t) => {
    const text = (name: EmploymentField) => t.string({ nullable: true, resolve: (e) => detail(e, name) as string | null });
    const flag = (name: EmploymentField) => t.boolean({ nullable: true, resolve: (e) => detail(e, name) as boolean | null });
    const date = (name: EmploymentField) =>
      t.field({ type: 'Date', nullable: true, resolve: (e) => calendarDate((detail(e, name) as string | null) ?? undefined) });
    const choice = <T extends string>(name: EmploymentField, enumName: string, values: readonly T[]) => (e: Employment) =>
      listed(enumName, values, detail(e, name) as string | null);
    return {
      companyName: text('companyName'),
      jobTitle: text('jobTitle'),
      employmentStatus: t.field({
        type: EmploymentStatusEnum,
        nullable: true,
        resolve: choice('employmentStatus', 'EmploymentStatus', EMPLOYMENT_STATUS_VALUES),
      }),
      employmentBasis: t.field({
        type: EmploymentBasisEnum,
        nullable: true,
        resolve: choice('employmentBasis', 'EmploymentBasis', EMPLOYMENT_BASIS_VALUES),
      }),
      contractLength: t.field({
        type: ContractLengthEnum,
        nullable: true,
        resolve: choice('contractLength', 'ContractLength', CONTRACT_LENGTH_VALUES),
      }),
      startDate: date('startDate'),
      incomeName: text('incomeName'),
      description: text('description'),
      educationalInstitutionName: text('educationalInstitutionName'),
      grantsAvailability: flag('grantsAvailability'),
      loans: flag('loans'),
      loanStartDate: date('loanStartDate'),
      course: text('course'),
      qualification: text('qualification'),
      courseStart: date('courseStart'),
      courseEnd: date('courseEnd'),
    };
  },
});

const Income = builder.objectRef<CanopyIncome>('RenterIncome').implement({
  description: 'One income of the renter, as Canopy holds it.',
  fields: (t) => ({
    incomeSource: t.field({ type: IncomeSourceEnum, resolve: (i) => listed('IncomeSource', INCOME_SOURCE_VALUES, i.incomeSource) }),
    annualSalary: t.field({ type: Money, resolve: (i) => money(i.annualSalary, 'GBP') }),
    paymentFrequency: t.field({
      type: PaymentFrequencyEnum,
      resolve: (i) => listed('PaymentFrequency', PAYMENT_FREQUENCY_VALUES, i.paymentFrequency),
    }),
    additionalInfo: t.string({ nullable: true, resolve: (i) => i.additionalInfo ?? null }),
    employment: t.field({ type: IncomeEmployment, resolve: (i) => i.employment }),
  }),
});

const PrefilledIncome = builder.objectRef<CanopyIncomeData>('PrefilledIncome').implement({
  description: 'The income Canopy now holds for the renter.',
  fields: (t) => ({
    email: t.exposeString('email'),
    income: t.field({ type: [Income], nullable: true, authScopes: { pii: true }, resolve: (data) => data.income }),
  }),
});

builder.mutationField('prefillIncome', (t) =>
  t.field({
    type: PrefilledIncome,
    errors: {},
    description: 'Prefills the renter’s Rent Passport with their income; it replaces what was set before.',
    args: { input: t.arg({ type: PrefillIncomeInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.clients.canopyReferencing.setIncome(input.email.trim(), validatePrefillIncome(input)),
  }),
);
