import type { BasePolicyConfig } from '../../sources/canopy-servicing/types';
import type {
  WireAccount,
  WireBasePolicyConfig,
  WireLineItem,
  WireProduct,
  WireStatementSummary,
} from '../../sources/canopy-servicing/wire';
import type { StatementCut } from './ledger';
import type { AccountRecord, LineItemRecord, ProductRecord } from './state';

/**
 * The vendor's JSON, quirks included: the reference's examples send most amounts and rates as
 * strings (`"600000"`, `"6.2"`, `"15.5%"`) and line item amounts as numbers, write timestamps
 * with `Z`, except in statements, which use `+00:00`.
 */
export function dateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function statementDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function policies(config: BasePolicyConfig): WireBasePolicyConfig {
  const interest = config.interestPolicy;
  return {
    min_pay: config.minPayPercentage === undefined ? undefined : { percentage: String(config.minPayPercentage) },
    billing_cycle: { period: config.billingCyclePeriod, billing_due_date_interval: config.billingDueDateInterval },
    interest_policies: interest && {
      type: interest.type,
      method: interest.method,
      day_calc_type: interest.dayCalcType === undefined ? undefined : String(interest.dayCalcType),
      interest_calc_time: interest.interestCalcTime && dateTime(interest.interestCalcTime),
    },
    close_of_business_and_timezone: config.closeOfBusinessAndTimezone && dateTime(config.closeOfBusinessAndTimezone),
  };
}

export function presentProduct(product: ProductRecord, currentAccounts: string[]): WireProduct {
  return {
    product_id: product.productId,
    name: product.name,
    description: product.description,
    created_at: dateTime(product.createdAt),
    type: product.type,
    policies: product.policies ? { base_policy_config: policies(product.policies) } : {},
    default_attributes: {
      rate: product.defaultRate === undefined ? undefined : String(product.defaultRate),
      credit_limit: product.defaultCreditLimitCents === undefined ? undefined : String(product.defaultCreditLimitCents),
    },
    current_accounts: currentAccounts,
  };
}

export function presentAccount(account: AccountRecord): WireAccount {
  return {
    account_id: account.accountId,
    account_status: account.status,
    account_status_subtype: account.statusSubtype,
    effective_at: dateTime(account.effectiveAt),
    created_at: dateTime(account.createdAt),
    product_id: account.productId,
    external_account_ids: account.externalIds,
    credit_limit_cents: String(account.creditLimitCents),
    rate: String(account.rate),
  };
}

/** A line item as `GET .../line_items` lists it (with the matching total) or a statement holds it (with its rate). */
export function presentLineItem(item: LineItemRecord, extra: { count: number } | { withRate: true }): WireLineItem {
  return {
    account_id: item.accountId,
    line_item_id: item.lineItemId,
    line_item_status: item.status,
    type: item.type,
    originating_amount_cents: item.amountCents,
    ...(item.originalAmountCents === undefined ? {} : { original_amount_cents: item.originalAmountCents }),
    balance_amount_cents: item.amountCents,
    ...('withRate' in extra ? { rate: `${item.rate}%` } : {}),
    merchant_data: item.merchantData,
    effective_at: dateTime(item.effectiveAt),
    created_at: dateTime(item.createdAt),
    product_id: item.productId,
    description: item.description,
    reference_id: item.referenceId,
    dispute_id: item.disputeId,
    external_ids: item.externalIds,
    ...('count' in extra ? { line_item_count: String(extra.count) } : {}),
  };
}

export function presentStatementFigures(cut: StatementCut): Omit<WireStatementSummary, 'statement_id'> {
  return {
    available_credit_balance: String(cut.availableCreditCents),
    total_balance: String(cut.totalBalanceCents),
    min_pay_due_date: statementDateTime(cut.minPayDueDate),
    min_pay_amount_cents: cut.minPayAmountCents,
    billing_cycle_start_date: statementDateTime(cut.start),
    billing_cycle_end_date: statementDateTime(cut.end),
  };
}
