import type { AccountInput, AccountUpdate } from '../../sources/canopy-servicing/types';
import { vendorIdOf } from '../global-id';
import { ProblemList } from '../validation-error';
import { toExternalIds, type ExternalIdInputShape } from './external-id';
import { checkEmail, checkUuid } from '../input-checks';
import { checkAtLeast, given } from './rules';

export interface CreateAccountInputShape {
  productId: string;
  externalIds?: ExternalIdInputShape[] | null;
  creditLimitCents?: number | null;
  rate?: number | null;
  email?: string | null;
}

export interface UpdateAccountInputShape {
  accountId: string;
  creditLimitCents?: number | null;
  rate?: number | null;
}

/** The account's id as Canopy knows it, checked: a UUID, given as such or as the global id. */
export function accountIdOf(problems: ProblemList, field: string, id: string): string {
  const accountId = vendorIdOf('Account', id);
  checkUuid(problems, field, accountId);
  return accountId;
}

function checkTerms(problems: ProblemList, input: { creditLimitCents?: number | null; rate?: number | null }): void {
  checkAtLeast(problems, 'creditLimitCents', input.creditLimitCents, 0);
  checkAtLeast(problems, 'rate', input.rate, 0);
}

/** `POST /accounts`, and the e-mail of the person the account is for, which the gateway links it to. */
export function validateCreateAccount(input: CreateAccountInputShape): { account: AccountInput; email?: string } {
  const problems = new ProblemList();
  const productId = vendorIdOf('Product', input.productId);
  checkUuid(problems, 'productId', productId);
  checkTerms(problems, input);
  checkEmail(problems, 'email', input.email, false);
  problems.throwIfAny();
  return {
    account: {
      productId,
      externalIds: toExternalIds(input.externalIds),
      creditLimitCents: given(input.creditLimitCents),
      rate: given(input.rate),
    },
    email: given(input.email)?.trim(),
  };
}

export function validateUpdateAccount(input: UpdateAccountInputShape): { accountId: string; update: AccountUpdate } {
  const problems = new ProblemList();
  const accountId = accountIdOf(problems, 'accountId', input.accountId);
  checkTerms(problems, input);
  problems.throwIfAny();
  return { accountId, update: { creditLimitCents: given(input.creditLimitCents), rate: given(input.rate) } };
}
