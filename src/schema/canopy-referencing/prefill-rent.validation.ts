import { PAYMENT_FREQUENCY_VALUES, type PaymentFrequency } from '../../sources/canopy-referencing/enums';
import type { CanopyRentHistory } from '../../sources/canopy-referencing/types';
import { ProblemList } from '../validation-error';
import { checkEmail, checkText, type Maybe } from '../input-checks';
import { checkOneOf, checkWholePounds } from './checks';

export interface RentInputShape {
  name: string;
  paymentFrequency: string;
  rentPaymentAmountPence: number;
  rentPaidTo: string;
}

export interface PrefillRentInputShape {
  email: string;
  homeowner: boolean;
  rentsDuringLastYear: boolean;
  rents?: Maybe<RentInputShape[]>;
}

/** Every rule of the set-rent body, checked before Canopy is called. */
export function validatePrefillRent(input: PrefillRentInputShape): CanopyRentHistory {
  const problems = new ProblemList();
  checkEmail(problems, 'email', input.email);
  if (input.rentsDuringLastYear && !input.rents) {
    problems.add('rents', 'requiredWhen', 'is required when rentsDuringLastYear is true');
  } else if (input.rentsDuringLastYear && input.rents?.length === 0) {
    problems.add('rents', 'minItems', 'must hold at least one rent when rentsDuringLastYear is true');
  }
  input.rents?.forEach((rent, i) => {
    checkText(problems, `rents.${i}.name`, rent.name);
    checkOneOf(problems, `rents.${i}.paymentFrequency`, rent.paymentFrequency, PAYMENT_FREQUENCY_VALUES);
    checkWholePounds(problems, `rents.${i}.rentPaymentAmountPence`, rent.rentPaymentAmountPence);
    checkText(problems, `rents.${i}.rentPaidTo`, rent.rentPaidTo);
  });
  problems.throwIfAny();

  const history: CanopyRentHistory = { homeowner: input.homeowner, rentsDuringLastYear: input.rentsDuringLastYear };
  if (input.rents) {
    history.rents = input.rents.map((rent) => ({
      name: rent.name,
      paymentFrequency: rent.paymentFrequency as PaymentFrequency,
      rentPaymentAmount: rent.rentPaymentAmountPence,
      rentPaidTo: rent.rentPaidTo,
    }));
  }
  return history;
}
