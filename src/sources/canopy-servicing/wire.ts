/**
 * Canopy Servicing JSON as the v1.3 reference, the create-customer page and the line items guide
 * show it. The reference types many numbers as `number` but its examples send them as strings
 * (`"600000"`, `"6.2"`, `"15.5%"`), so every numeric field is read as either.
 */

export type WireNumber = number | string;

export interface WireBasePolicyConfig {
  min_pay?: { percentage?: WireNumber };
  billing_cycle?: { period?: string; billing_due_date_interval?: string };
  interest_policies?: {
    type?: string;
    method?: string;
    day_calc_type?: WireNumber;
    interest_calc_time?: string;
  };
  close_of_business_and_timezone?: string;
}

export interface WirePolicies {
  base_policy_config?: WireBasePolicyConfig;
}

export interface WireProduct {
  product_id: string;
  name?: string;
  description?: string;
  created_at?: string;
  type?: string;
  policies: WirePolicies;
  default_attributes?: { rate?: WireNumber; credit_limit?: WireNumber };
  current_accounts?: string[];
}

/** Body of `POST /products` and `PUT /products/{product_id}`. */
export interface WireProductRequest {
  name: string;
  type?: string;
  default_rate?: WireNumber;
  default_credit_limit_cents?: WireNumber;
  description?: string;
  status?: string;
  policies?: WirePolicies;
}

/** What product creation, update and deletion answer (deletion leaves out `status`). */
export interface WireProductWriteResult {
  name?: string;
  product_id: string;
  status?: string;
}

export interface WireProductSummary {
  total_account_count?: WireNumber;
  total_credit_issued?: WireNumber;
  utilization?: WireNumber;
  product_id?: string;
  effective_as_of_date?: string;
}

export interface WireExternalId {
  name?: string;
  id?: string;
}

export interface WireAccount {
  account_id: string;
  account_status?: string;
  account_status_subtype?: string | null;
  effective_at?: string;
  created_at?: string;
  product_id?: string;
  external_account_ids?: WireExternalId[];
  credit_limit_cents?: WireNumber;
  rate?: WireNumber;
}

export interface WireAccountList {
  accounts?: WireAccount[];
  total_account_count?: WireNumber;
}

export interface WireAccountRequest {
  product_id: string;
  external_ids?: WireExternalId[];
  credit_limit_cents?: WireNumber;
  rate?: WireNumber;
}

export interface WireAccountUpdate {
  rate?: WireNumber;
  credit_limit_cents?: WireNumber;
}

export interface WireMerchantData {
  name?: string;
  id?: string;
  mcc_code?: WireNumber;
  phone_number?: string;
}

export interface WireLineItem {
  account_id: string;
  line_item_id: string;
  line_item_status: string;
  type: string;
  originating_amount_cents?: WireNumber;
  /** From the line items guide: the amount a charge or loan was created with, where it was given so. */
  original_amount_cents?: WireNumber;
  balance_amount_cents?: WireNumber;
  /** Only on a statement's line items; a string with `%` in the reference's example. */
  rate?: WireNumber;
  merchant_data?: WireMerchantData;
  effective_at: string;
  created_at?: string;
  product_id?: string;
  description?: string;
  reference_id?: string;
  dispute_id?: string;
  external_ids?: WireExternalId[];
  /** Only on `GET .../line_items`: the total the query matches, as a string, on every item. */
  line_item_count?: WireNumber;
}

export interface WireDispute {
  account_id: string;
  line_item_id: string;
  dispute_id: string;
}

export interface WireAccountSummary {
  available_credit_balance?: WireNumber;
  total_balance?: WireNumber;
  account_id: string;
  effective_as_of_date?: string;
}

export interface WireStatementSummary {
  statement_id: string;
  available_credit_balance?: WireNumber;
  total_balance?: WireNumber;
  min_pay_due_date?: string;
  min_pay_amount_cents?: WireNumber;
  billing_cycle_start_date?: string;
  billing_cycle_end_date?: string;
}

export interface WireStatementList {
  account_id: string;
  effective_as_of_date?: string;
  statements_list?: WireStatementSummary[];
}

/** `GET /accounts/{account_id}/statements`: the latest statement cut as of the date. */
export interface WireStatement {
  available_credit_balance?: WireNumber;
  total_balance?: WireNumber;
  account_id: string;
  effective_as_of_date?: string;
  min_pay_due_date?: string;
  min_pay_amount_cents?: WireNumber;
  billing_cycle_start_date?: string;
  billing_cycle_end_date?: string;
  line_items?: WireLineItem[];
}

export interface WireChargeRequest {
  /** From the line items guide: optional, Canopy generates one when absent. */
  line_item_id?: string;
  /** From the line items guide: `AUTHORIZED`, then `VALID` once settled. */
  line_item_status?: string;
  amount_cents: WireNumber;
  /** The line items guide's name for the amount, where the reference writes `amount_cents`. */
  original_amount_cents?: WireNumber;
  effective_at: string;
  rate?: WireNumber;
  merchant_data: WireMerchantData;
  reference_id?: string;
  external_ids?: WireExternalId[];
}

export interface WirePaymentRequest {
  amount_cents?: WireNumber;
  effective_at?: string;
  reference_id?: string;
  external_ids?: WireExternalId[];
}

/** `POST /accounts/{account_id}/line_items/loans`, from the line items guide. */
export interface WireLoanRequest {
  line_item_id?: string;
  original_amount_cents: WireNumber;
  effective_at: string;
  am_len?: WireNumber;
  interest_policies?: { interest_percent?: WireNumber; is_limited_to_loan_duration?: boolean };
}

export interface WireLineItemCreated {
  line_item_id: string;
}

export interface WireLithicConfig {
  memo?: string;
  type?: string;
  state?: string;
  card_program_token?: string;
}

export interface WireAccountAssignment {
  account_id: string;
  customer_account_role: string;
  customer_account_external_id?: string;
  customer_account_issuer_processor_config?: {
    spend_limit?: number | null;
    lithic?: WireLithicConfig;
  };
}

export interface WireBusinessDetails {
  /** Not in the field list, but in both of the page's examples. */
  business_legal_name?: string;
  doing_business_as: string;
  business_ein: string;
}

interface WireCustomerFields {
  name_prefix?: string;
  name_first: string;
  name_middle?: string;
  name_last: string;
  name_suffix?: string;
  phone_number: string;
  address_line_one: string;
  address_line_two?: string;
  address_city: string;
  address_state: string;
  address_zip: string;
  address_country_code?: string;
  ssn?: string;
  international_customer_id?: string;
  email: string;
  date_of_birth: string;
  business_details?: WireBusinessDetails;
}

export interface WireCustomerRequest extends WireCustomerFields {
  customer_id?: string;
  assign_to_accounts?: WireAccountAssignment[] | null;
}

export interface WireCustomer extends Partial<WireCustomerFields> {
  customer_id: string;
}
