import { lenient, PayloadError, toDate, toInteger, toNumber, toOptionalDate, toOptionalInteger, toOptionalNumber } from '../normalise';
import { LINE_ITEM_STATUS_VALUES } from './types';
import type {
  Account,
  AccountAssignment,
  AccountInput,
  AccountPage,
  AccountSummary,
  AccountUpdate,
  BasePolicyConfig,
  ChargeInput,
  Customer,
  CustomerInput,
  Dispute,
  ExternalId,
  LineItem,
  LineItemCreated,
  LineItemPage,
  LoanInput,
  MerchantData,
  PaymentInput,
  Product,
  ProductInput,
  ProductSummary,
  ProductWriteResult,
  Statement,
  StatementList,
  StatementSummary,
} from './types';
import type {
  WireAccount,
  WireAccountAssignment,
  WireAccountList,
  WireAccountRequest,
  WireAccountSummary,
  WireAccountUpdate,
  WireBasePolicyConfig,
  WireChargeRequest,
  WireCustomer,
  WireCustomerRequest,
  WireDispute,
  WireExternalId,
  WireLineItem,
  WireLineItemCreated,
  WireLoanRequest,
  WireMerchantData,
  WirePaymentRequest,
  WireProduct,
  WireProductRequest,
  WireProductSummary,
  WireProductWriteResult,
  WireStatement,
  WireStatementList,
  WireStatementSummary,
} from './wire';

/** RFC 3339 in UTC as the reference's examples write it: whole seconds unless a fraction matters. */
export function toWireDateTime(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function requireId(value: unknown, field: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new PayloadError(`${field}: expected an id, got ${JSON.stringify(value)}`);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fromExternalIds(ids: WireExternalId[] | undefined): ExternalId[] {
  return (ids ?? []).map((id) => ({ name: id.name, id: id.id }));
}

function toExternalIds(ids: ExternalId[] | undefined): WireExternalId[] | undefined {
  return ids?.map((id) => ({ name: id.name, id: id.id }));
}

function fromPolicyConfig(config: WireBasePolicyConfig, field: string): BasePolicyConfig {
  const interest = config.interest_policies;
  return {
    minPayPercentage: toOptionalNumber(config.min_pay?.percentage, `${field}.min_pay.percentage`),
    billingCyclePeriod: config.billing_cycle?.period,
    billingDueDateInterval: config.billing_cycle?.billing_due_date_interval,
    interestPolicy: interest && {
      type: text(interest.type),
      method: text(interest.method),
      dayCalcType: toOptionalNumber(interest.day_calc_type, `${field}.interest_policies.day_calc_type`),
      interestCalcTime: toOptionalDate(interest.interest_calc_time, `${field}.interest_policies.interest_calc_time`),
    },
    closeOfBusinessAndTimezone: toOptionalDate(config.close_of_business_and_timezone, `${field}.close_of_business_and_timezone`),
  };
}

function toPolicyConfig(config: BasePolicyConfig): WireBasePolicyConfig {
  const interest = config.interestPolicy;
  return {
    min_pay: config.minPayPercentage === undefined ? undefined : { percentage: config.minPayPercentage },
    billing_cycle:
      config.billingCyclePeriod === undefined && config.billingDueDateInterval === undefined
        ? undefined
        : { period: config.billingCyclePeriod, billing_due_date_interval: config.billingDueDateInterval },
    interest_policies: interest && {
      type: interest.type,
      method: interest.method,
      day_calc_type: interest.dayCalcType === undefined ? undefined : String(interest.dayCalcType),
      interest_calc_time: interest.interestCalcTime && toWireDateTime(interest.interestCalcTime),
    },
    close_of_business_and_timezone: config.closeOfBusinessAndTimezone && toWireDateTime(config.closeOfBusinessAndTimezone),
  };
}

export function fromProduct(wire: WireProduct): Product {
  const config = wire.policies?.base_policy_config;
  return {
    productId: requireId(wire.product_id, 'product_id'),
    name: wire.name,
    description: wire.description,
    createdAt: toOptionalDate(wire.created_at, 'created_at'),
    type: text(wire.type),
    policies: { basePolicyConfig: config && fromPolicyConfig(config, 'policies.base_policy_config') },
    defaultRate: toOptionalNumber(wire.default_attributes?.rate, 'default_attributes.rate'),
    defaultCreditLimitCents: toOptionalInteger(wire.default_attributes?.credit_limit, 'default_attributes.credit_limit'),
    currentAccountIds: wire.current_accounts ?? [],
  };
}

export function toProductRequest(input: ProductInput): WireProductRequest {
  return {
    name: input.name,
    type: input.type,
    default_rate: input.defaultRate,
    default_credit_limit_cents: input.defaultCreditLimitCents,
    description: input.description,
    status: input.status,
    policies: input.basePolicyConfig && { base_policy_config: toPolicyConfig(input.basePolicyConfig) },
  };
}

export function fromProductWriteResult(wire: WireProductWriteResult): ProductWriteResult {
  return { productId: requireId(wire.product_id, 'product_id'), name: wire.name, status: text(wire.status) };
}

export function fromProductSummary(wire: WireProductSummary, productId: string): ProductSummary {
  return {
    productId: wire.product_id ?? productId,
    totalAccountCount: toInteger(wire.total_account_count ?? 0, 'total_account_count'),
    totalCreditIssuedCents: toInteger(wire.total_credit_issued ?? 0, 'total_credit_issued'),
    utilizationPercent: toNumber(wire.utilization ?? 0, 'utilization'),
    effectiveAsOf: toOptionalDate(wire.effective_as_of_date, 'effective_as_of_date'),
  };
}

export function fromAccount(wire: WireAccount): Account {
  return {
    accountId: requireId(wire.account_id, 'account_id'),
    status: text(wire.account_status),
    statusSubtype: text(wire.account_status_subtype),
    effectiveAt: toOptionalDate(wire.effective_at, 'effective_at'),
    createdAt: toOptionalDate(wire.created_at, 'created_at'),
    productId: wire.product_id,
    externalAccountIds: fromExternalIds(wire.external_account_ids),
    creditLimitCents: toOptionalInteger(wire.credit_limit_cents, 'credit_limit_cents'),
    rate: toOptionalNumber(wire.rate, 'rate'),
  };
}

export function fromAccountList(wire: WireAccountList): AccountPage {
  const accounts = (wire.accounts ?? []).map(fromAccount);
  return { accounts, totalCount: toOptionalInteger(wire.total_account_count, 'total_account_count') ?? accounts.length };
}

export function toAccountRequest(input: AccountInput): WireAccountRequest {
  return {
    product_id: input.productId,
    external_ids: toExternalIds(input.externalIds),
    credit_limit_cents: input.creditLimitCents,
    rate: input.rate,
  };
}

export function toAccountUpdate(input: AccountUpdate): WireAccountUpdate {
  return { rate: input.rate, credit_limit_cents: input.creditLimitCents };
}

function fromMerchantData(wire: WireMerchantData | undefined): MerchantData | undefined {
  if (!wire) return undefined;
  return {
    name: wire.name,
    id: wire.id,
    mccCode: toOptionalNumber(wire.mcc_code, 'merchant_data.mcc_code'),
    phoneNumber: wire.phone_number,
  };
}

export function fromLineItem(wire: WireLineItem): LineItem {
  return {
    accountId: requireId(wire.account_id, 'account_id'),
    lineItemId: requireId(wire.line_item_id, 'line_item_id'),
    status: lineItemStatus(wire.line_item_status),
    type: String(wire.type),
    originatingAmountCents: toOptionalInteger(wire.originating_amount_cents, 'originating_amount_cents'),
    originalAmountCents: toOptionalInteger(wire.original_amount_cents, 'original_amount_cents'),
    balanceAmountCents: toOptionalInteger(wire.balance_amount_cents, 'balance_amount_cents'),
    rate: toOptionalNumber(wire.rate, 'rate'),
    merchantData: fromMerchantData(wire.merchant_data),
    effectiveAt: toDate(wire.effective_at, 'effective_at'),
    createdAt: toOptionalDate(wire.created_at, 'created_at'),
    productId: wire.product_id,
    description: wire.description,
    referenceId: wire.reference_id,
    disputeId: wire.dispute_id,
    externalIds: fromExternalIds(wire.external_ids),
  };
}

/** The line items guide writes statuses upper-case (`AUTHORIZED`, `VALID`) where the reference lists them lower-case. */
function lineItemStatus(value: unknown): string {
  const status = String(value);
  const documented = (LINE_ITEM_STATUS_VALUES as readonly string[]).find((listed) => listed === status.toLowerCase());
  return documented ?? status;
}

/**
 * The total rides on every item (`line_item_count`); an empty first page is a total of 0. The
 * reference types it a string and its example sends `"string"`: a count that is not a whole
 * number is an unknown total, not a failed page.
 */
export function fromLineItemList(wire: WireLineItem[], offset: number): LineItemPage {
  const lineItems = wire.map(fromLineItem);
  const first = wire[0];
  const totalCount =
    first !== undefined
      ? (lenient(first.line_item_count, 'line_item_count', toOptionalInteger) ?? null)
      : offset === 0
        ? 0
        : null;
  return { lineItems, totalCount };
}

export function fromDispute(wire: WireDispute): Dispute {
  return {
    accountId: requireId(wire.account_id, 'account_id'),
    lineItemId: requireId(wire.line_item_id, 'line_item_id'),
    disputeId: requireId(wire.dispute_id, 'dispute_id'),
  };
}

export function fromAccountSummary(wire: WireAccountSummary): AccountSummary {
  return {
    accountId: requireId(wire.account_id, 'account_id'),
    availableCreditCents: toInteger(wire.available_credit_balance ?? 0, 'available_credit_balance'),
    totalBalanceCents: toInteger(wire.total_balance ?? 0, 'total_balance'),
    effectiveAsOf: toOptionalDate(wire.effective_as_of_date, 'effective_as_of_date'),
  };
}

function fromStatementSummary(wire: WireStatementSummary, field: string): StatementSummary {
  return {
    statementId: requireId(wire.statement_id, `${field}.statement_id`),
    availableCreditCents: toInteger(wire.available_credit_balance ?? 0, `${field}.available_credit_balance`),
    totalBalanceCents: toInteger(wire.total_balance ?? 0, `${field}.total_balance`),
    minPayDueDate: toOptionalDate(wire.min_pay_due_date, `${field}.min_pay_due_date`),
    minPayAmountCents: toInteger(wire.min_pay_amount_cents ?? 0, `${field}.min_pay_amount_cents`),
    billingCycleStart: toOptionalDate(wire.billing_cycle_start_date, `${field}.billing_cycle_start_date`),
    billingCycleEnd: toOptionalDate(wire.billing_cycle_end_date, `${field}.billing_cycle_end_date`),
  };
}

export function fromStatementList(wire: WireStatementList): StatementList {
  return {
    accountId: requireId(wire.account_id, 'account_id'),
    effectiveAsOf: toOptionalDate(wire.effective_as_of_date, 'effective_as_of_date'),
    statements: (wire.statements_list ?? []).map((statement, i) => fromStatementSummary(statement, `statements_list[${i}]`)),
  };
}

export function fromStatement(wire: WireStatement): Statement {
  return {
    accountId: requireId(wire.account_id, 'account_id'),
    effectiveAsOf: toOptionalDate(wire.effective_as_of_date, 'effective_as_of_date'),
    availableCreditCents: toInteger(wire.available_credit_balance ?? 0, 'available_credit_balance'),
    totalBalanceCents: toInteger(wire.total_balance ?? 0, 'total_balance'),
    minPayDueDate: toOptionalDate(wire.min_pay_due_date, 'min_pay_due_date'),
    minPayAmountCents: toInteger(wire.min_pay_amount_cents ?? 0, 'min_pay_amount_cents'),
    billingCycleStart: toOptionalDate(wire.billing_cycle_start_date, 'billing_cycle_start_date'),
    billingCycleEnd: toOptionalDate(wire.billing_cycle_end_date, 'billing_cycle_end_date'),
    lineItems: (wire.line_items ?? []).map(fromLineItem),
  };
}

/**
 * Canopy requires `effective_at` on a charge: the caller fills in its default. The amount goes
 * under both documented names, so the line item reads back with its `original_amount_cents`.
 */
export function toChargeRequest(input: ChargeInput & { effectiveAt: Date }): WireChargeRequest {
  const merchant = input.merchantData;
  return {
    line_item_id: input.lineItemId,
    line_item_status: input.status,
    amount_cents: input.amountCents,
    original_amount_cents: input.amountCents,
    effective_at: toWireDateTime(input.effectiveAt),
    rate: input.rate,
    merchant_data: { name: merchant.name, id: merchant.id, mcc_code: merchant.mccCode, phone_number: merchant.phoneNumber },
    reference_id: input.referenceId,
    external_ids: toExternalIds(input.externalIds),
  };
}

export function toPaymentRequest(input: PaymentInput): WirePaymentRequest {
  return {
    amount_cents: input.amountCents,
    effective_at: input.effectiveAt && toWireDateTime(input.effectiveAt),
    reference_id: input.referenceId,
    external_ids: toExternalIds(input.externalIds),
  };
}

export function toLoanRequest(input: LoanInput & { effectiveAt: Date }): WireLoanRequest {
  const interest = input.interestPolicy;
  return {
    line_item_id: input.lineItemId,
    original_amount_cents: input.originalAmountCents,
    effective_at: toWireDateTime(input.effectiveAt),
    am_len: input.amortisationLength,
    interest_policies: interest && {
      interest_percent: interest.interestPercent,
      is_limited_to_loan_duration: interest.isLimitedToLoanDuration,
    },
  };
}

export function fromLineItemCreated(wire: WireLineItemCreated): LineItemCreated {
  return { lineItemId: requireId(wire.line_item_id, 'line_item_id') };
}

function toAssignment(assignment: AccountAssignment): WireAccountAssignment {
  const config = assignment.issuerProcessorConfig;
  const lithic = config?.lithic;
  return {
    account_id: assignment.accountId,
    customer_account_role: assignment.role ?? 'PRIMARY',
    customer_account_external_id: assignment.customerAccountExternalId,
    customer_account_issuer_processor_config: config && {
      spend_limit: config.spendLimitCents,
      lithic: lithic && {
        memo: lithic.memo,
        type: lithic.type,
        state: lithic.state,
        card_program_token: lithic.cardProgramToken,
      },
    },
  };
}

export function toCustomerRequest(input: CustomerInput): WireCustomerRequest {
  const business = input.businessDetails;
  return {
    customer_id: input.customerId,
    name_prefix: input.namePrefix,
    name_first: input.firstName,
    name_middle: input.middleName,
    name_last: input.lastName,
    name_suffix: input.nameSuffix,
    phone_number: input.phoneNumber,
    address_line_one: input.addressLineOne,
    address_line_two: input.addressLineTwo,
    address_city: input.city,
    address_state: input.state,
    address_zip: input.zip,
    address_country_code: input.countryCode,
    ssn: input.ssn,
    international_customer_id: input.internationalCustomerId,
    email: input.email,
    date_of_birth: input.dateOfBirth,
    business_details: business && {
      business_legal_name: business.legalName,
      doing_business_as: business.doingBusinessAs,
      business_ein: business.ein,
    },
    assign_to_accounts: input.assignToAccounts?.map(toAssignment),
  };
}

export function fromCustomer(wire: WireCustomer): Customer {
  const business = wire.business_details;
  return {
    customerId: requireId(wire.customer_id, 'customer_id'),
    namePrefix: wire.name_prefix,
    firstName: wire.name_first,
    middleName: wire.name_middle,
    lastName: wire.name_last,
    nameSuffix: wire.name_suffix,
    phoneNumber: wire.phone_number,
    addressLineOne: wire.address_line_one,
    addressLineTwo: wire.address_line_two,
    city: wire.address_city,
    state: wire.address_state,
    zip: wire.address_zip,
    countryCode: wire.address_country_code,
    ssn: wire.ssn,
    internationalCustomerId: wire.international_customer_id,
    email: wire.email,
    dateOfBirth: wire.date_of_birth,
    businessDetails: business && {
      legalName: business.business_legal_name,
      doingBusinessAs: business.doing_business_as,
      ein: business.business_ein,
    },
  };
}
