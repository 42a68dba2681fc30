import {
  ACCOUNT_STATUS_VALUES,
  CHARGE_STATUS_VALUES,
  COUNTRY_CODE_VALUES,
  CUSTOMER_ACCOUNT_ROLE_VALUES,
  DAY_CALC_TYPE_VALUES,
  INTEREST_METHOD_VALUES,
  INTEREST_POLICY_TYPE_VALUES,
  LINE_ITEM_STATUS_VALUES,
  LINE_ITEM_TYPE_VALUES,
  LITHIC_CARD_STATE_VALUES,
  LITHIC_CARD_TYPE_VALUES,
  PRODUCT_STATUS_VALUES,
  PRODUCT_TYPE_VALUES,
} from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { vendorEnum } from '../vendor-enum';

export const ProductTypeEnum = vendorEnum('ProductType', PRODUCT_TYPE_VALUES, 'The type of a credit product.');

export const ProductStatusEnum = vendorEnum(
  'ProductStatus',
  PRODUCT_STATUS_VALUES,
  'Whether a product is live or still a draft; draft products need more policy configuration to launch.',
);

export const InterestPolicyTypeEnum = vendorEnum('InterestPolicyType', INTEREST_POLICY_TYPE_VALUES, 'How interest accrues.');

export const InterestMethodEnum = vendorEnum(
  'InterestMethod',
  INTEREST_METHOD_VALUES,
  'The base formula used to calculate and assign interest.',
);

export const DayCalcTypeEnum = vendorEnum(
  'DayCalcType',
  DAY_CALC_TYPE_VALUES,
  'How many days there are in a year for the interest calculation.',
);

export const AccountStatusEnum = vendorEnum('AccountStatus', ACCOUNT_STATUS_VALUES, 'The status of an account; active upon creation.');

export const LineItemStatusEnum = vendorEnum('LineItemStatus', LINE_ITEM_STATUS_VALUES, 'The status of a line item.');

export const LineItemTypeEnum = vendorEnum(
  'LineItemType',
  LINE_ITEM_TYPE_VALUES,
  'A charge, a payment or an installment loan. Canopy posts further types of its own (interest, fees), shown as UNLISTED.',
);

export const LineItemTypeFilterEnum = builder.enumType('LineItemTypeFilter', {
  description: 'Which line items to list: only charges or only payments.',
  values: {
    CHARGES: { value: 'charge' },
    PAYMENTS: { value: 'payment' },
  } as const,
});

export const CustomerAccountRoleEnum = vendorEnum(
  'CustomerAccountRole',
  CUSTOMER_ACCOUNT_ROLE_VALUES,
  'The role of a customer on an account.',
);

export const LithicCardTypeEnum = vendorEnum('LithicCardType', LITHIC_CARD_TYPE_VALUES, 'The type of card created by Lithic.');

export const LithicCardStateEnum = vendorEnum('LithicCardState', LITHIC_CARD_STATE_VALUES, 'The state of a new Lithic card.');

export const CountryCodeEnum = vendorEnum('ServicingCountryCode', COUNTRY_CODE_VALUES, 'ISO 3166-1 alpha-2 country code.');

export const ChargeStatusEnum = builder.enumType('ChargeStatus', {
  description: 'The status of a charge as the line items guide sets it: AUTHORIZED, then VALID once settled.',
  values: Object.fromEntries(CHARGE_STATUS_VALUES.map((value) => [value, { value }])),
});
