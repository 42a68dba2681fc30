import {
  CONTRACT_LENGTH_VALUES,
  EARNED_PAYMENT_FREQUENCY_VALUES,
  EMPLOYMENT_BASIS_VALUES,
  EMPLOYMENT_STATUS_VALUES,
  INCOME_SOURCE_VALUES,
  OTHER_INCOME_SOURCE_VALUES,
  PAYMENT_FREQUENCY_VALUES,
  type ContractLength,
  type EmploymentBasis,
  type EmploymentStatus,
  type IncomeSource,
  type PaymentFrequency,
} from '../../sources/canopy-referencing/enums';
import type { CanopyIncome } from '../../sources/canopy-referencing/types';
import { ProblemList } from '../validation-error';
import { checkEmail, checkText, type Maybe } from '../input-checks';
import { checkDate, checkOneOf, checkWholePounds } from './checks';

export interface EmploymentInputShape {
  companyName?: Maybe<string>;
  jobTitle?: Maybe<string>;
  employmentStatus?: Maybe<string>;
  employmentBasis?: Maybe<string>;
  startDate?: Maybe<string>;
  contractLength?: Maybe<string>;
  incomeName?: Maybe<string>;
  description?: Maybe<string>;
  educationalInstitutionName?: Maybe<string>;
  grantsAvailability?: Maybe<boolean>;
  loans?: Maybe<boolean>;
  loanStartDate?: Maybe<string>;
  course?: Maybe<string>;
  qualification?: Maybe<string>;
  courseStart?: Maybe<string>;
  courseEnd?: Maybe<string>;
}

export interface IncomeInputShape {
  incomeSource: string;
  annualSalaryPence: number;
  paymentFrequency: string;
  additionalInfo?: Maybe<string>;
  employment: EmploymentInputShape;
}

export interface PrefillIncomeInputShape {
  email: string;
  income: IncomeInputShape[];
}

/** Above £100 a year. */
const MIN_ANNUAL_SALARY_PENCE = 100_00;

/** A field one income source requires: present, and more than blanks. */
function requiredFor(problems: ProblemList, field: string, value: Maybe<string | boolean>, why: string): void {
  if (value === null || value === undefined) problems.add(field, 'requiredWhen', `is required when ${why}`);
  else if (typeof value === 'string' && value.trim() === '') problems.add(field, 'required', 'must not be blank');
}

function enumFor<T extends string>(problems: ProblemList, field: string, value: Maybe<string>, values: readonly T[], why: string): void {
  if (value === null || value === undefined) problems.add(field, 'requiredWhen', `is required when ${why}`);
  else checkOneOf(problems, field, value, values);
}

function checkEmployment(problems: ProblemList, path: string, source: IncomeSource, employment: EmploymentInputShape): void {
  const why = `incomeSource is ${source}`;
  const text = (name: keyof EmploymentInputShape) => requiredFor(problems, `${path}.${name}`, employment[name], why);
  const date = (name: 'startDate' | 'loanStartDate' | 'courseStart' | 'courseEnd', condition = why) =>
    employment[name] === null || employment[name] === undefined
      ? problems.add(`${path}.${name}`, 'requiredWhen', `is required when ${condition}`)
      : checkDate(problems, `${path}.${name}`, employment[name]);

  if (source === 'EMPLOYED') {
    text('companyName');
    text('jobTitle');
    enumFor(problems, `${path}.employmentStatus`, employment.employmentStatus, EMPLOYMENT_STATUS_VALUES, why);
    enumFor(problems, `${path}.employmentBasis`, employment.employmentBasis, EMPLOYMENT_BASIS_VALUES, why);
    date('startDate');
    if (employment.employmentBasis === 'CONTRACT') {
      enumFor(problems, `${path}.contractLength`, employment.contractLength, CONTRACT_LENGTH_VALUES, 'employmentBasis is CONTRACT');
    } else if (employment.contractLength) {
      checkOneOf(problems, `${path}.contractLength`, employment.contractLength, CONTRACT_LENGTH_VALUES);
    }
  } else if (source === 'SELF_EMPLOYED') {
    text('incomeName');
    text('jobTitle');
    date('startDate');
  } else if (source === 'STUDENT') {
    text('educationalInstitutionName');
    text('grantsAvailability');
    if (employment.grantsAvailability) date('startDate', 'grantsAvailability is true');
    else checkDate(problems, `${path}.startDate`, employment.startDate, false);
    text('loans');
    if (employment.loans) date('loanStartDate', 'loans is true');
    else checkDate(problems, `${path}.loanStartDate`, employment.loanStartDate, false);
    text('course');
    text('qualification');
    date('courseStart');
    date('courseEnd');
  } else {
    text('incomeName');
    text('description');
    date('startDate');
  }
}

function checkIncome(problems: ProblemList, path: string, income: IncomeInputShape): void {
  const listed = checkOneOf(problems, `${path}.incomeSource`, income.incomeSource, INCOME_SOURCE_VALUES);
  checkWholePounds(problems, `${path}.annualSalaryPence`, income.annualSalaryPence);
  if (income.annualSalaryPence <= MIN_ANNUAL_SALARY_PENCE) {
    problems.add(`${path}.annualSalaryPence`, 'greaterThan', 'must be greater than £100 (10000 pence)');
  }
  // Earned income is paid monthly, two-weekly or weekly; student and other income may be paid otherwise.
  const earned = income.incomeSource === 'EMPLOYED' || income.incomeSource === 'SELF_EMPLOYED';
  checkOneOf(problems, `${path}.paymentFrequency`, income.paymentFrequency, earned ? EARNED_PAYMENT_FREQUENCY_VALUES : PAYMENT_FREQUENCY_VALUES);
  checkText(problems, `${path}.additionalInfo`, income.additionalInfo, false);
  if (listed) checkEmployment(problems, `${path}.employment`, income.incomeSource as IncomeSource, income.employment);
}

/** Only the employment fields Canopy documents for the income source. */
function toIncome(income: IncomeInputShape): CanopyIncome {
  const e = income.employment;
  const base = { annualSalary: income.annualSalaryPence, ...(income.additionalInfo ? { additionalInfo: income.additionalInfo } : {}) };
  const paymentFrequency = income.paymentFrequency as PaymentFrequency;
  switch (income.incomeSource) {
    case 'EMPLOYED':
      return {
        ...base,
        incomeSource: 'EMPLOYED',
        paymentFrequency: paymentFrequency as Exclude<PaymentFrequency, 'OTHER'>,
        employment: {
          companyName: e.companyName!,
          jobTitle: e.jobTitle!,
          employmentStatus: e.employmentStatus as EmploymentStatus,
          employmentBasis: e.employmentBasis as EmploymentBasis,
          startDate: e.startDate!,
          ...(e.contractLength ? { contractLength: e.contractLength as ContractLength } : {}),
        },
      };
    case 'SELF_EMPLOYED':
      return {
        ...base,
        incomeSource: 'SELF_EMPLOYED',
        paymentFrequency: paymentFrequency as Exclude<PaymentFrequency, 'OTHER'>,
        employment: { incomeName: e.incomeName!, jobTitle: e.jobTitle!, startDate: e.startDate! },
      };
    case 'STUDENT':
      return {
        ...base,
        incomeSource: 'STUDENT',
        paymentFrequency,
        employment: {
          educationalInstitutionName: e.educationalInstitutionName!,
          grantsAvailability: e.grantsAvailability!,
          loans: e.loans!,
          course: e.course!,
          qualification: e.qualification!,
          courseStart: e.courseStart!,
          courseEnd: e.courseEnd!,
          ...(e.startDate ? { startDate: e.startDate } : {}),
          ...(e.loanStartDate ? { loanStartDate: e.loanStartDate } : {}),
        },
      };
    default:
      return {
        ...base,
        incomeSource: income.incomeSource as (typeof OTHER_INCOME_SOURCE_VALUES)[number],
        paymentFrequency,
        employment: { incomeName: e.incomeName!, description: e.description!, startDate: e.startDate! },
      };
  }
}

/** Every rule of the set-income body, checked before Canopy is called. */
export function validatePrefillIncome(input: PrefillIncomeInputShape): CanopyIncome[] {
  const problems = new ProblemList();
  checkEmail(problems, 'email', input.email);
  if (input.income.length === 0) problems.add('income', 'minItems', 'must hold at least one income');
  input.income.forEach((income, i) => checkIncome(problems, `income.${i}`, income));
  problems.throwIfAny();
  return input.income.map(toIncome);
}
