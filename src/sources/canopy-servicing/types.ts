import type { OpenEnum } from '../open-enum';

/**
 * Canopy Servicing as the rest of the gateway sees it. Money is always an integer number of US
 * cents (`…Cents`); rates and percentages are plain numbers (`15.5` means 15.5%); timestamps are
 * `Date`s. Billing intervals (`"1 month"`, `"25 days"`) stay the vendor's strings: see
 * `parseInterval` in `interval.ts` to compute with them.
 */

export const PRODUCT_TYPE_VALUES = ['credit'] as const;
export type ProductType = OpenEnum<(typeof PRODUCT_TYPE_VALUES)[number]>;

export const PRODUCT_STATUS_VALUES = ['draft', 'live'] as const;
export type ProductStatus = OpenEnum<(typeof PRODUCT_STATUS_VALUES)[number]>;

export const INTEREST_POLICY_TYPE_VALUES = ['compound'] as const;
export const INTEREST_METHOD_VALUES = ['average daily balance'] as const;
/** The reference lists the one value, as a string in its examples. */
export const DAY_CALC_TYPE_VALUES = ['365'] as const;

/** The reference names no list: `active` on creation, `suspended` in its example. */
export const ACCOUNT_STATUS_VALUES = ['active', 'suspended'] as const;
export type AccountStatus = OpenEnum<(typeof ACCOUNT_STATUS_VALUES)[number]>;

export const LINE_ITEM_STATUS_VALUES = [
  'posted',
  'valid',
  'invalid',
  'declined',
  'authorized',
  'void',
  'pending',
  'successful',
  'unsuccessful',
] as const;
export type LineItemStatus = OpenEnum<(typeof LINE_ITEM_STATUS_VALUES)[number]>;

/**
 * The reference lists `charge` and `payment`; the line items guide adds loans as "a special type
 * of Line Item". The vendor posts further types of its own (fees, interest), kept verbatim.
 */
export const LINE_ITEM_TYPE_VALUES = ['charge', 'payment', 'loan'] as const;
export type LineItemType = OpenEnum<(typeof LINE_ITEM_TYPE_VALUES)[number]>;

/** The `line_item_type` filter of `GET .../line_items`: plural, unlike the types it filters. */
export const LINE_ITEM_TYPE_FILTER_VALUES = ['charges', 'payments'] as const;
export type LineItemTypeFilter = (typeof LINE_ITEM_TYPE_FILTER_VALUES)[number];

export const CUSTOMER_ACCOUNT_ROLE_VALUES = ['PRIMARY', 'SECONDARY'] as const;
export type CustomerAccountRole = (typeof CUSTOMER_ACCOUNT_ROLE_VALUES)[number];

export const LITHIC_CARD_TYPE_VALUES = ['SINGLE_USE', 'MERCHANT_LOCKED', 'UNLOCKED'] as const;
export type LithicCardType = (typeof LITHIC_CARD_TYPE_VALUES)[number];

export const LITHIC_CARD_STATE_VALUES = ['OPEN', 'PAUSED'] as const;
export type LithicCardState = (typeof LITHIC_CARD_STATE_VALUES)[number];

export interface ExternalId {
  name?: string;
  id?: string;
}

export interface BasePolicyConfig {
  /** Share of the total balance due as minimum payment: 20 means 20%. */
  minPayPercentage?: number;
  /** Length of a billing cycle, e.g. `"1 month"`. */
  billingCyclePeriod?: string;
  /** Time from the statement cut to the due date, e.g. `"25 days"`. */
  billingDueDateInterval?: string;
  interestPolicy?: {
    type?: OpenEnum<(typeof INTEREST_POLICY_TYPE_VALUES)[number]>;
    method?: OpenEnum<(typeof INTEREST_METHOD_VALUES)[number]>;
    /** Days in a year for interest: 365. */
    dayCalcType?: number;
    interestCalcTime?: Date;
  };
  closeOfBusinessAndTimezone?: Date;
}

export interface Product {
  productId: string;
  name?: string;
  description?: string;
  createdAt?: Date;
  type?: ProductType;
  policies: { basePolicyConfig?: BasePolicyConfig };
  /** Default interest rate in percent: 3.2 means 3.2%. */
  defaultRate?: number;
  /** Default credit limit in US cents. */
  defaultCreditLimitCents?: number;
  currentAccountIds: string[];
}

export interface ProductInput {
  name: string;
  type?: (typeof PRODUCT_TYPE_VALUES)[number];
  /** Percent: 5.2 means 5.2%. */
  defaultRate?: number;
  /** US cents. */
  defaultCreditLimitCents?: number;
  description?: string;
  status?: (typeof PRODUCT_STATUS_VALUES)[number];
  basePolicyConfig?: BasePolicyConfig;
}

/** What Canopy answers to a product created, updated or deleted. */
export interface ProductWriteResult {
  productId: string;
  name?: string;
  /** Absent after a deletion, and when Canopy answered without a body. */
  status?: ProductStatus;
}

/** A product created: its id is absent when Canopy answered without a body, since it generates the id. */
export type ProductCreated = Omit<ProductWriteResult, 'productId'> & { productId?: string };

export interface ProductSummary {
  productId: string;
  totalAccountCount: number;
  /** US cents of credit issued to the product's accounts. */
  totalCreditIssuedCents: number;
  /** Percent: 30 means 30%. */
  utilizationPercent: number;
  effectiveAsOf?: Date;
}

export interface Account {
  accountId: string;
  status?: AccountStatus;
  statusSubtype?: string;
  effectiveAt?: Date;
  createdAt?: Date;
  productId?: string;
  externalAccountIds: ExternalId[];
  /** US cents. */
  creditLimitCents?: number;
  /** Percent: 6.2 means 6.2%. */
  rate?: number;
}

export interface AccountPage {
  accounts: Account[];
  /** Accounts in all, across every page. */
  totalCount: number;
}

export interface AccountInput {
  productId: string;
  externalIds?: ExternalId[];
  /** US cents; the product's default when absent. */
  creditLimitCents?: number;
  /** Percent; the product's default when absent. */
  rate?: number;
}

export interface AccountUpdate {
  /** Percent. */
  rate?: number;
  /** US cents. */
  creditLimitCents?: number;
}

export interface MerchantData {
  name?: string;
  id?: string;
  mccCode?: number;
  phoneNumber?: string;
}

export interface LineItem {
  accountId: string;
  lineItemId: string;
  status: LineItemStatus;
  type: LineItemType;
  /** US cents, always positive: the type says which way it moves the balance. */
  originatingAmountCents?: number;
  /** US cents the line item was created with, where Canopy sends it (the line items guide's `original_amount_cents`). */
  originalAmountCents?: number;
  /** US cents still owed on this line item. */
  balanceAmountCents?: number;
  /** Percent; given on a statement's line items only. */
  rate?: number;
  merchantData?: MerchantData;
  effectiveAt: Date;
  createdAt?: Date;
  productId?: string;
  description?: string;
  referenceId?: string;
  disputeId?: string;
  externalIds: ExternalId[];
}

export interface LineItemPage {
  lineItems: LineItem[];
  /**
   * Line items the query matches across every page, as Canopy repeats it on each item. `null`
   * when the page is empty past the first offset, where the vendor says nothing.
   */
  totalCount: number | null;
}

export interface Dispute {
  accountId: string;
  lineItemId: string;
  /** Absent when Canopy answered without a body and the line item does not show it either. */
  disputeId?: string;
}

export interface AccountSummary {
  accountId: string;
  /** US cents. */
  availableCreditCents: number;
  /** US cents. */
  totalBalanceCents: number;
  effectiveAsOf?: Date;
}

export interface StatementSummary {
  statementId: string;
  /** US cents. */
  availableCreditCents: number;
  /** US cents. */
  totalBalanceCents: number;
  minPayDueDate?: Date;
  /** US cents. */
  minPayAmountCents: number;
  /** Inclusive. */
  billingCycleStart?: Date;
  /** Inclusive. */
  billingCycleEnd?: Date;
}

export interface StatementList {
  accountId: string;
  effectiveAsOf?: Date;
  statements: StatementSummary[];
}

/** The latest statement cut as of a date, with the line items of its billing cycle. */
export interface Statement {
  accountId: string;
  effectiveAsOf?: Date;
  /** US cents. */
  availableCreditCents: number;
  /** US cents. */
  totalBalanceCents: number;
  minPayDueDate?: Date;
  /** US cents. */
  minPayAmountCents: number;
  billingCycleStart?: Date;
  billingCycleEnd?: Date;
  lineItems: LineItem[];
}

/** The statuses the line items guide sets on a charge: authorised, then valid once settled. */
export const CHARGE_STATUS_VALUES = ['AUTHORIZED', 'VALID'] as const;
export type ChargeStatus = (typeof CHARGE_STATUS_VALUES)[number];

export interface ChargeInput {
  /** The line items guide lets the caller choose it; Canopy generates one when absent. */
  lineItemId?: string;
  /** As the guide writes them; Canopy decides when absent. */
  status?: ChargeStatus;
  /** US cents, a positive integer. */
  amountCents: number;
  /** Canopy accepts up to 10 days in the past; the moment the client sends the charge when absent. */
  effectiveAt?: Date;
  /** Percent; the account's rate when absent. */
  rate?: number;
  merchantData: MerchantData & { mccCode: number };
  referenceId?: string;
  externalIds?: ExternalId[];
}

export interface PaymentInput {
  /** US cents, a positive integer. */
  amountCents: number;
  /** Canopy takes the time of the call when absent; up to 10 days in the past. */
  effectiveAt?: Date;
  referenceId?: string;
  externalIds?: ExternalId[];
}

export interface LoanInput {
  /** Canopy generates one when absent. */
  lineItemId?: string;
  /** US cents. */
  originalAmountCents: number;
  /** The moment the client sends the loan when absent. */
  effectiveAt?: Date;
  /** Amortisation length, in billing cycles. */
  amortisationLength?: number;
  interestPolicy?: { interestPercent?: number; isLimitedToLoanDuration?: boolean };
}

export interface LineItemCreated {
  /** Absent only for a payment Canopy answered without a body and does not list (yet). */
  lineItemId?: string;
  /** The payment's reference id, the gateway's when the caller gave none. */
  referenceId?: string;
}

export interface BusinessDetails {
  legalName?: string;
  doingBusinessAs: string;
  ein: string;
}

export interface AccountAssignment {
  accountId: string;
  /** @default 'PRIMARY' */
  role?: CustomerAccountRole;
  /** e.g. a card number. */
  customerAccountExternalId?: string;
  issuerProcessorConfig?: {
    /** US cents, at least 1; `null` leaves only the issuer processor's own limit. */
    spendLimitCents?: number | null;
    lithic?: { memo?: string; type?: LithicCardType; state?: LithicCardState; cardProgramToken?: string };
  };
}

interface CustomerFields {
  namePrefix?: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  nameSuffix?: string;
  /** E.164. */
  phoneNumber: string;
  addressLineOne: string;
  addressLineTwo?: string;
  city: string;
  state: string;
  /** Five-digit ZIP or ZIP+4. */
  zip: string;
  /** ISO 3166-1 alpha-2. */
  countryCode?: OpenEnum<CountryCode>;
  ssn?: string;
  internationalCustomerId?: string;
  email: string;
  /** `YYYY-MM-DD`, kept as the calendar date it is rather than a midnight in some zone. */
  dateOfBirth: string;
  businessDetails?: BusinessDetails;
}

export interface CustomerInput extends CustomerFields {
  /** Must not start with `can_`; Canopy generates one when absent. */
  customerId?: string;
  /** At most 100. */
  assignToAccounts?: AccountAssignment[];
}

export interface Customer extends Partial<CustomerFields> {
  customerId: string;
}

export const COUNTRY_CODE_VALUES = [
  'US', 'GB', 'CA', 'AF', 'AX', 'AL', 'DZ', 'AS', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AR', 'AM', 'AN', 'AW', 'AU', 'AT', 'AZ',
  'BS', 'BH', 'BD', 'BB', 'BY', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BO', 'BA', 'BW', 'BV', 'BR', 'IO', 'BN', 'BG', 'BF', 'BI',
  'KH', 'CM', 'CV', 'KY', 'CF', 'TD', 'CL', 'CN', 'CX', 'CC', 'CO', 'KM', 'CG', 'CD', 'CK', 'CR', 'CI', 'HR', 'CU', 'CY',
  'CZ', 'DK', 'DJ', 'DM', 'DO', 'EC', 'EG', 'SV', 'GQ', 'ER', 'EE', 'ET', 'FK', 'FO', 'FJ', 'FI', 'FR', 'GF', 'PF', 'TF',
  'GA', 'GM', 'GE', 'DE', 'GH', 'GI', 'GR', 'GL', 'GD', 'GP', 'GU', 'GT', 'GG', 'GN', 'GW', 'GY', 'HT', 'HM', 'VA', 'HN',
  'HK', 'HU', 'IS', 'IN', 'ID', 'IR', 'IQ', 'IE', 'IM', 'IL', 'IT', 'JM', 'JP', 'JE', 'JO', 'KZ', 'KE', 'KI', 'KR', 'KW',
  'KG', 'LA', 'LV', 'LB', 'LS', 'LR', 'LY', 'LI', 'LT', 'LU', 'MO', 'MK', 'MG', 'MW', 'MY', 'MV', 'ML', 'MT', 'MH', 'MQ',
  'MR', 'MU', 'YT', 'MX', 'FM', 'MD', 'MC', 'MN', 'ME', 'MS', 'MA', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'NC', 'NZ', 'NI',
  'NE', 'NG', 'NU', 'NF', 'MP', 'NO', 'OM', 'PK', 'PW', 'PS', 'PA', 'PG', 'PY', 'PE', 'PH', 'PN', 'PL', 'PT', 'PR', 'QA',
  'RE', 'RO', 'RU', 'RW', 'BL', 'SH', 'KN', 'LC', 'MF', 'PM', 'VC', 'WS', 'SM', 'ST', 'SA', 'SN', 'RS', 'SC', 'SL', 'SG',
  'SK', 'SI', 'SB', 'SO', 'ZA', 'GS', 'ES', 'LK', 'SD', 'SR', 'SJ', 'SZ', 'SE', 'CH', 'SY', 'TW', 'TJ', 'TZ', 'TH', 'TL',
  'TG', 'TK', 'TO', 'TT', 'TN', 'TR', 'TM', 'TC', 'TV', 'UG', 'UA', 'AE', 'UM', 'UY', 'UZ', 'VU', 'VE', 'VN', 'VG', 'VI',
  'WF', 'EH', 'YE', 'ZM', 'ZW',
] as const;
export type CountryCode = (typeof COUNTRY_CODE_VALUES)[number];
