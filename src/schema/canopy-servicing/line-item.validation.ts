import type { ChargeInput, ChargeStatus, LoanInput, PaymentInput } from '../../sources/canopy-servicing/types';
import { ProblemList } from '../validation-error';
import { accountIdOf } from './account.validation';
import { toExternalIds, type ExternalIdInputShape } from './external-id';
import { checkText } from '../input-checks';
import { checkAtLeast, checkBackdating, checkPhone, checkPositiveCents, given } from './rules';

interface OnAccount {
  accountId: string;
}

export interface CreateChargeInputShape extends OnAccount {
  lineItemId?: string | null;
  status?: ChargeStatus | null;
  amountCents: number;
  effectiveAt?: Date | null;
  rate?: number | null;
  merchantData: { name?: string | null; id?: string | null; mccCode: number; phoneNumber?: string | null };
  referenceId?: string | null;
  externalIds?: ExternalIdInputShape[] | null;
}

export interface CreatePaymentInputShape extends OnAccount {
  amountCents: number;
  effectiveAt?: Date | null;
  referenceId?: string | null;
  externalIds?: ExternalIdInputShape[] | null;
}

export interface CreateLoanInputShape extends OnAccount {
  lineItemId?: string | null;
  originalAmountCents: number;
  effectiveAt?: Date | null;
  amortisationLength?: number | null;
  interestPercent?: number | null;
  isLimitedToLoanDuration?: boolean | null;
}

export function validateCharge(input: CreateChargeInputShape): { accountId: string; charge: ChargeInput } {
  const problems = new ProblemList();
  const accountId = accountIdOf(problems, 'accountId', input.accountId);
  checkPositiveCents(problems, 'amountCents', input.amountCents);
  checkBackdating(problems, 'effectiveAt', input.effectiveAt);
  checkAtLeast(problems, 'rate', input.rate, 0);
  checkPhone(problems, 'merchantData.phoneNumber', input.merchantData.phoneNumber);
  problems.throwIfAny();
  const merchant = input.merchantData;
  return {
    accountId,
    charge: {
      lineItemId: given(input.lineItemId),
      status: given(input.status),
      amountCents: input.amountCents,
      effectiveAt: given(input.effectiveAt),
      rate: given(input.rate),
      merchantData: {
        name: given(merchant.name),
        id: given(merchant.id),
        mccCode: merchant.mccCode,
        phoneNumber: given(merchant.phoneNumber),
      },
      referenceId: given(input.referenceId),
      externalIds: toExternalIds(input.externalIds),
    },
  };
}

export function validatePayment(input: CreatePaymentInputShape): { accountId: string; payment: PaymentInput } {
  const problems = new ProblemList();
  const accountId = accountIdOf(problems, 'accountId', input.accountId);
  checkPositiveCents(problems, 'amountCents', input.amountCents);
  checkBackdating(problems, 'effectiveAt', input.effectiveAt);
  problems.throwIfAny();
  return {
    accountId,
    payment: {
      amountCents: input.amountCents,
      effectiveAt: given(input.effectiveAt),
      referenceId: given(input.referenceId),
      externalIds: toExternalIds(input.externalIds),
    },
  };
}

export function validateLoan(input: CreateLoanInputShape): { accountId: string; loan: LoanInput } {
  const problems = new ProblemList();
  const accountId = accountIdOf(problems, 'accountId', input.accountId);
  if (input.lineItemId !== null && input.lineItemId !== undefined) checkText(problems, 'lineItemId', input.lineItemId);
  checkPositiveCents(problems, 'originalAmountCents', input.originalAmountCents);
  checkAtLeast(problems, 'amortisationLength', input.amortisationLength, 1);
  checkAtLeast(problems, 'interestPercent', input.interestPercent, 0);
  problems.throwIfAny();
  const interestGiven = input.interestPercent != null || input.isLimitedToLoanDuration != null;
  return {
    accountId,
    loan: {
      lineItemId: given(input.lineItemId),
      originalAmountCents: input.originalAmountCents,
      effectiveAt: given(input.effectiveAt),
      amortisationLength: given(input.amortisationLength),
      interestPolicy: interestGiven
        ? { interestPercent: given(input.interestPercent), isLimitedToLoanDuration: given(input.isLimitedToLoanDuration) }
        : undefined,
    },
  };
}
