/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountAssignmentInput = {
  /** The account’s Canopy id or global id. */
  accountId: string;
  /** A unique number for the customer on the account, e.g. a card number. */
  customerAccountExternalId: string | null | undefined;
  issuerProcessorConfig: IssuerProcessorConfigInput | null | undefined;
  /** The customer’s role on the account; PRIMARY when absent. */
  role: CustomerAccountRole | null | undefined;
};

/** The status of an account; active upon creation. */
export type AccountStatus =
  | 'ACTIVE'
  | 'SUSPENDED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

export type BusinessDetailsInput = {
  /** The DBA name of the business. */
  doingBusinessAs: string;
  /** EIN of the business. */
  ein: string;
  legalName: string | null | undefined;
};

/** The status of a charge as the line items guide sets it: AUTHORIZED, then VALID once settled. */
export type ChargeStatus =
  | 'AUTHORIZED'
  | 'VALID';

/** A charge (a purchase or draw) on an account. */
export type CreateChargeInput = {
  /** The account’s Canopy id or global id. */
  accountId: string;
  /** The amount of the charge in US cents, a positive integer. */
  amountCents: number;
  /** When the charge takes effect: at most 10 days in the past. A charge with no date takes effect now, when the gateway sends it. */
  effectiveAt: string | null | undefined;
  externalIds: Array<ExternalIdInput> | null | undefined;
  /** The id of the charge; the gateway chooses one when absent. Sending a charge again with its id never charges twice. */
  lineItemId: string | null | undefined;
  merchantData: MerchantDataInput;
  /** The rate for this charge in percent (15.5 means 15.5%); the account’s rate when absent. */
  rate: number | null | undefined;
  /** A unique id in your system for the charge. */
  referenceId: string | null | undefined;
  /** AUTHORIZED, then VALID once settled; Canopy decides when absent. */
  status: ChargeStatus | null | undefined;
};

/** A customer, with a US address as Canopy requires. */
export type CreateCustomerInput = {
  addressLineOne: string;
  addressLineTwo: string | null | undefined;
  /** Existing accounts to assign the customer to, at most 100. */
  assignToAccounts: Array<AccountAssignmentInput> | null | undefined;
  businessDetails: BusinessDetailsInput | null | undefined;
  city: string;
  countryCode: ServicingCountryCode | null | undefined;
  /** Your id for the customer, not starting with can_; Canopy generates one when absent. */
  customerId: string | null | undefined;
  dateOfBirth: string;
  /** The customer’s e-mail: each assigned account shows under `tenant(email:)`. */
  email: string;
  firstName: string;
  /** Any country-specific unique identifier of the customer. */
  internationalCustomerId: string | null | undefined;
  lastName: string;
  middleName: string | null | undefined;
  namePrefix: string | null | undefined;
  nameSuffix: string | null | undefined;
  /** In E.164 format, e.g. +14105556789. */
  phoneNumber: string;
  /** Social security number. */
  ssn: string | null | undefined;
  state: string;
  /** Five digit ZIP code or nine digit 'ZIP+4'. */
  zip: string;
};

/** A payment by the account holder. */
export type CreatePaymentInput = {
  /** The account’s Canopy id or global id. */
  accountId: string;
  /** The amount of the payment in US cents, a positive integer. */
  amountCents: number;
  /** When the payment takes effect: at most 10 days in the past; now when absent. */
  effectiveAt: string | null | undefined;
  externalIds: Array<ExternalIdInput> | null | undefined;
  /** A unique id in your system for the payment. */
  referenceId: string | null | undefined;
};

/** Everything Reposit needs to create a Reposit for a tenancy. */
export type CreateRepositInput = {
  /** Address of the property on the tenancy agreement. */
  address: RepositAddressInput;
  /** The agent who receives the Reposit’s notifications: an `agentId` (or global id) from `repositSupplier.agents`. */
  agentId: string;
  /** End date of the tenancy; after the start. */
  endDate: string;
  /** Total number of tenants; the number of `tenantEmails` when left out, and must equal it. */
  headcount: number | null | undefined;
  landlord: LandlordInput;
  /** True if the landlord will manage the claims process instead of the agent. Defaults to false. */
  letOnly: boolean | null | undefined;
  /** Monthly rent in pence. */
  monthlyRentPence: number;
  /** Start date of the tenancy. */
  startDate: string;
  /** E-mail addresses of every tenant on the tenancy agreement. */
  tenantEmails: Array<string>;
};

/** The role of a customer on an account. */
export type CustomerAccountRole =
  | 'PRIMARY'
  | 'SECONDARY'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** How many days there are in a year for the interest calculation. */
export type DayCalcType =
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED'
  | '_365';

/** A static reference to an id in a third-party system. */
export type ExternalIdInput = {
  /** The id in the external party’s system. */
  id: string | null | undefined;
  /** Name of the external party. */
  name: string | null | undefined;
};

/** The base formula used to calculate and assign interest. */
export type InterestMethod =
  | 'AVERAGE_DAILY_BALANCE'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** How interest accrues. */
export type InterestPolicyType =
  | 'COMPOUND'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

export type IssuerProcessorConfigInput = {
  lithic: LithicCardInput | null | undefined;
  /** Spending limit of the card in US cents, at least 1; only the issuer processor’s own limit applies when absent. */
  spendLimitCents: number | null | undefined;
};

/** The landlord, named on the insurance policies; a person or a company. */
export type LandlordInput = {
  /** Home or business address. */
  address: RepositAddressInput;
  /** Where Reposit sends the policy documents. */
  email: string;
  firstName: string;
  lastName: string;
};

/** The status of a line item. */
export type LineItemStatus =
  | 'AUTHORIZED'
  | 'DECLINED'
  | 'INVALID'
  | 'PENDING'
  | 'POSTED'
  | 'SUCCESSFUL'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED'
  | 'UNSUCCESSFUL'
  | 'VALID'
  | 'VOID';

/** A charge, a payment or an installment loan. Canopy posts further types of its own (interest, fees), shown as UNLISTED. */
export type LineItemType =
  | 'CHARGE'
  | 'LOAN'
  | 'PAYMENT'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

export type LithicCardInput = {
  /** Token (a UUID) of the card program under which to create the card. */
  cardProgramToken: string | null | undefined;
  /** Friendly name to identify the card. */
  memo: string | null | undefined;
  state: LithicCardState | null | undefined;
  type: LithicCardType | null | undefined;
};

/** The state of a new Lithic card. */
export type LithicCardState =
  | 'OPEN'
  | 'PAUSED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** The type of card created by Lithic. */
export type LithicCardType =
  | 'MERCHANT_LOCKED'
  | 'SINGLE_USE'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED'
  | 'UNLOCKED';

export type MerchantDataInput = {
  id: string | null | undefined;
  /** Merchant category code. */
  mccCode: number;
  name: string | null | undefined;
  phoneNumber: string | null | undefined;
};

/** What happened to a note. */
export type PassportNoteAction =
  | 'CREATED'
  | 'DELETED'
  | 'EDITED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** A Rent Passport section that carries notes. */
export type PassportNoteSection =
  | 'CREDIT_CHECK'
  | 'EMPLOYEE_REFERENCE'
  | 'INCOME'
  | 'LANDLORD_REFERENCE'
  | 'RENT'
  | 'RENTAL_PREFERENCES'
  | 'RIGHT_TO_RENT'
  | 'SAVINGS'
  | 'SUMMARY'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** Progress of one Rent Passport section. */
export type PassportSectionStatus =
  | 'DONE'
  | 'IN_PROGRESS'
  | 'NOT_STARTED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** The Rent Passport section a PASSPORT_STATUS_UPDATES notification is about. */
export type PassportUpdatedSection =
  | 'CREDIT_CHECK'
  | 'EMPLOYEE_REFERENCE'
  | 'IDENTITY_VERIFICATION'
  | 'INCOME'
  | 'LANDLORD_REFERENCE'
  | 'RENT'
  | 'RTR_VERIFICATION'
  | 'SAVINGS'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** Category of insurance policy; DEPOSIT_WAIVER, Reposit’s deposit replacement product, in most cases. */
export type PolicyCategory =
  | 'DEPOSIT_WAIVER'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** Type of policy document; POLICY_SUMMARY for certificates of issuance. */
export type PolicyDocumentType =
  | 'POLICY_SUMMARY'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** The type of a credit product. */
export type ProductType =
  | 'CREDIT'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** How deep the screening goes: pre-qualification, credit check only, instant, full (with landlord and employer references) or priority. */
export type ReferencingItemType =
  | 'CC_ONLY'
  | 'FULL'
  | 'INSTANT'
  | 'PRE_QUALIFICATION'
  | 'PRIORITY'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** The verdict of a completed report: VERIFY (accepted), CONSIDER or HIGH_RISK. */
export type ReferencingReportStatus =
  | 'CONSIDER'
  | 'HIGH_RISK'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED'
  | 'VERIFY';

/** A change of a referencing request that Canopy reports to a REQUEST_STATUS_UPDATES webhook. */
export type ReferencingRequestEvent =
  | 'CONNECTED'
  | 'CONNECTION_REJECTED'
  | 'CONNECTION_STOPPED'
  | 'GUARANTOR_REQUEST_CANCELLED'
  | 'INVALID_APPLICATION_DETAILS'
  | 'INVITED'
  | 'INVITE_RESENT'
  | 'PASSPORT_COMPLETED'
  | 'PASSPORT_COMPLETED_WAITING_FOR_GUARANTOR'
  | 'SENDING_COMPLETED_PASSPORT_FAILED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** Whether the person is screened as a renter or as a guarantor for a renter. */
export type ReferencingRequestType =
  | 'GUARANTOR_SCREENING'
  | 'RENTER_SCREENING'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** A postal address for Reposit. */
export type RepositAddressInput = {
  /** ISO 3166-1 alpha-3 country code, e.g. GBR. */
  country: string;
  /** First line of the address. */
  line1: string;
  /** Second line of the address. */
  line2: string | null | undefined;
  /** Postcode; a UK one (e.g. EC2M 6YP) when the country is GBR. */
  postcode: string;
  /** Town or city. */
  town: string;
};

/** What happened: a tenant confirmed, signed or paid (`reposit.tenant.*`), or every tenant paid and the cover is in place (`reposit.completed`). */
export type RepositEventAction =
  | 'REPOSIT_COMPLETED'
  | 'REPOSIT_TENANT_CONFIRMED'
  | 'REPOSIT_TENANT_PAID'
  | 'REPOSIT_TENANT_SIGNED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** Where a Reposit stands. Reposit sends no status: it is read from its dates and tenants (ACTIVE once every tenant has paid and the landlord is covered). */
export type RepositStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'DEACTIVATED'
  | 'PENDING';

/** Whether the supplier account is a letting agency or a landlord. */
export type RepositSupplierType =
  | 'AGENCY'
  | 'LANDLORD'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** A tenant’s progress through a Reposit: invited, registered, confirmed the details, signed the legal documents, paid. */
export type RepositTenantStatus =
  | 'CONFIRMED'
  | 'INVITED'
  | 'PAID'
  | 'REGISTERED'
  | 'SIGNED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** A screening invitation for one renter or guarantor. Canopy sends the completed report to the gateway. */
export type RequestReferencingInput = {
  /** A client branch id linked to a Canopy branch (see `canopyBranches`); the default branch when absent. Canopy answers NOT_FOUND for an unlinked id. */
  branchId: string | null | undefined;
  /** A unique identifier on the agency’s side. */
  clientReferenceId: string | null | undefined;
  /** The person to screen. */
  email: string;
  firstName: string | null | undefined;
  /** Ask for a guarantor for this renter. Only with RENTER_SCREENING. */
  isGuarantorNeeded: boolean | null | undefined;
  /** Ask for identity verification. Only with RENTER_SCREENING and a CC_ONLY, INSTANT, FULL or PRIORITY item. */
  isIdentityVerificationNeeded: boolean | null | undefined;
  /** Ask for a right-to-rent check. As isIdentityVerificationNeeded, which it turns on. */
  isRightToRentNeeded: boolean | null | undefined;
  itemType: ReferencingItemType;
  lastName: string | null | undefined;
  phone: string | null | undefined;
  requestType: ReferencingRequestType;
  /** Title that is used before a surname or full name. */
  title: string | null | undefined;
};

export type Scope =
  | 'ADMIN'
  | 'PII'
  | 'READ'
  | 'WRITE';

/** Where a screening stands: not started, in progress, or its verdict (ACCEPT, CONSIDER, HIGH_RISK). */
export type ScreeningStatus =
  | 'ACCEPT'
  | 'CONSIDER'
  | 'HIGH_RISK'
  | 'IN_PROGRESS'
  | 'NOT_STARTED'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** Instant or full screening. */
export type ScreeningType =
  | 'FULL'
  | 'INSTANT'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED';

/** ISO 3166-1 alpha-2 country code. */
export type ServicingCountryCode =
  | 'AD'
  | 'AE'
  | 'AF'
  | 'AG'
  | 'AI'
  | 'AL'
  | 'AM'
  | 'AN'
  | 'AO'
  | 'AQ'
  | 'AR'
  | 'AS'
  | 'AT'
  | 'AU'
  | 'AW'
  | 'AX'
  | 'AZ'
  | 'BA'
  | 'BB'
  | 'BD'
  | 'BE'
  | 'BF'
  | 'BG'
  | 'BH'
  | 'BI'
  | 'BJ'
  | 'BL'
  | 'BM'
  | 'BN'
  | 'BO'
  | 'BR'
  | 'BS'
  | 'BT'
  | 'BV'
  | 'BW'
  | 'BY'
  | 'BZ'
  | 'CA'
  | 'CC'
  | 'CD'
  | 'CF'
  | 'CG'
  | 'CH'
  | 'CI'
  | 'CK'
  | 'CL'
  | 'CM'
  | 'CN'
  | 'CO'
  | 'CR'
  | 'CU'
  | 'CV'
  | 'CX'
  | 'CY'
  | 'CZ'
  | 'DE'
  | 'DJ'
  | 'DK'
  | 'DM'
  | 'DO'
  | 'DZ'
  | 'EC'
  | 'EE'
  | 'EG'
  | 'EH'
  | 'ER'
  | 'ES'
  | 'ET'
  | 'FI'
  | 'FJ'
  | 'FK'
  | 'FM'
  | 'FO'
  | 'FR'
  | 'GA'
  | 'GB'
  | 'GD'
  | 'GE'
  | 'GF'
  | 'GG'
  | 'GH'
  | 'GI'
  | 'GL'
  | 'GM'
  | 'GN'
  | 'GP'
  | 'GQ'
  | 'GR'
  | 'GS'
  | 'GT'
  | 'GU'
  | 'GW'
  | 'GY'
  | 'HK'
  | 'HM'
  | 'HN'
  | 'HR'
  | 'HT'
  | 'HU'
  | 'ID'
  | 'IE'
  | 'IL'
  | 'IM'
  | 'IN'
  | 'IO'
  | 'IQ'
  | 'IR'
  | 'IS'
  | 'IT'
  | 'JE'
  | 'JM'
  | 'JO'
  | 'JP'
  | 'KE'
  | 'KG'
  | 'KH'
  | 'KI'
  | 'KM'
  | 'KN'
  | 'KR'
  | 'KW'
  | 'KY'
  | 'KZ'
  | 'LA'
  | 'LB'
  | 'LC'
  | 'LI'
  | 'LK'
  | 'LR'
  | 'LS'
  | 'LT'
  | 'LU'
  | 'LV'
  | 'LY'
  | 'MA'
  | 'MC'
  | 'MD'
  | 'ME'
  | 'MF'
  | 'MG'
  | 'MH'
  | 'MK'
  | 'ML'
  | 'MM'
  | 'MN'
  | 'MO'
  | 'MP'
  | 'MQ'
  | 'MR'
  | 'MS'
  | 'MT'
  | 'MU'
  | 'MV'
  | 'MW'
  | 'MX'
  | 'MY'
  | 'MZ'
  | 'NA'
  | 'NC'
  | 'NE'
  | 'NF'
  | 'NG'
  | 'NI'
  | 'NL'
  | 'NO'
  | 'NP'
  | 'NR'
  | 'NU'
  | 'NZ'
  | 'OM'
  | 'PA'
  | 'PE'
  | 'PF'
  | 'PG'
  | 'PH'
  | 'PK'
  | 'PL'
  | 'PM'
  | 'PN'
  | 'PR'
  | 'PS'
  | 'PT'
  | 'PW'
  | 'PY'
  | 'QA'
  | 'RE'
  | 'RO'
  | 'RS'
  | 'RU'
  | 'RW'
  | 'SA'
  | 'SB'
  | 'SC'
  | 'SD'
  | 'SE'
  | 'SG'
  | 'SH'
  | 'SI'
  | 'SJ'
  | 'SK'
  | 'SL'
  | 'SM'
  | 'SN'
  | 'SO'
  | 'SR'
  | 'ST'
  | 'SV'
  | 'SY'
  | 'SZ'
  | 'TC'
  | 'TD'
  | 'TF'
  | 'TG'
  | 'TH'
  | 'TJ'
  | 'TK'
  | 'TL'
  | 'TM'
  | 'TN'
  | 'TO'
  | 'TR'
  | 'TT'
  | 'TV'
  | 'TW'
  | 'TZ'
  | 'UA'
  | 'UG'
  | 'UM'
  /** A value the vendor sent that its documentation does not list. */
  | 'UNLISTED'
  | 'US'
  | 'UY'
  | 'UZ'
  | 'VA'
  | 'VC'
  | 'VE'
  | 'VG'
  | 'VI'
  | 'VN'
  | 'VU'
  | 'WF'
  | 'WS'
  | 'YE'
  | 'YT'
  | 'ZA'
  | 'ZM'
  | 'ZW';

export type AccountQueryVariables = Exact<{
  id: string;
  asOf: string | null | undefined;
}>;


export type AccountQuery = { account: { id: string, accountId: string, status: AccountStatus | null, statusSubtype: string | null, rate: number | null, creditLimit: { decimal: string, currency: string } | null, externalAccountIds: Array<{ name: string | null, id: string | null }>, summary: { effectiveAsOf: string | null, totalBalance: { minorUnits: number, currency: string, decimal: string }, availableCredit: { decimal: string } }, lineItems: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, lineItemId: string, type: LineItemType, status: LineItemStatus, effectiveAt: string, description: string | null, originatingAmount: { decimal: string, currency: string } | null, merchantData: { name: string | null, mccCode: number | null } | null } }> }, statement: { statementId: string | null, billingCycleEnd: string | null, minPayDueDate: string | null, minPayAmount: { decimal: string }, lineItems: Array<{ lineItemId: string, type: LineItemType, rate: number | null, originatingAmount: { decimal: string } | null }> | null } | null } | null };

export type AccountsWithStatementsQueryVariables = Exact<{
  first?: number | null | undefined;
  after: string | null | undefined;
}>;


export type AccountsWithStatementsQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, accountId: string, status: AccountStatus | null, creditLimit: { minorUnits: number, currency: string, decimal: string } | null, product: { productId: string, name: string | null, defaultRate: number | null }, summary: { totalBalance: { decimal: string }, availableCredit: { decimal: string } }, statements: Array<{ id: string, statementId: string | null, billingCycleStart: string | null, billingCycleEnd: string | null, minPayDueDate: string | null, totalBalance: { minorUnits: number, currency: string, decimal: string }, minPayAmount: { decimal: string } }> } }> } };

export type AgencyQueryVariables = Exact<{ [key: string]: never; }>;


export type AgencyQuery = { agency: { id: string, name: string, webhookUrls: { canopy: string, reposit: string } | null }, apiKeys: Array<{ id: string, name: string, agencyId: string | null, scopes: Array<Scope>, createdAt: string }> };

export type CanopyBranchesQueryVariables = Exact<{ [key: string]: never; }>;


export type CanopyBranchesQuery = { canopyBranches: Array<{ id: string, canopyBranchId: string, name: string, clientBranchIds: Array<string>, address: { line1: string | null, line2: string | null, town: string | null, postCode: string | null, countryCode: string | null } }> };

export type CreateChargeMutationVariables = Exact<{
  input: CreateChargeInput;
}>;


export type CreateChargeMutation = { createCharge:
    | { __typename: 'MutationCreateChargeSuccess', data: { lineItemId: string | null, lineItem: { id: string, type: LineItemType, status: LineItemStatus, originatingAmount: { minorUnits: number, currency: string, decimal: string } | null, merchantData: { name: string | null, mccCode: number | null } | null } | null, account: { summary: { totalBalance: { decimal: string }, availableCredit: { decimal: string } } } | null } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ field: string, rule: string, message: string }> }
    | { __typename: 'VendorError', message: string, code: string, vendor: string, status: number | null }
   };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer:
    | { __typename: 'MutationCreateCustomerSuccess', data: { customerId: string, firstName: string | null, lastName: string | null, email: string | null, accounts: Array<{ id: string, accountId: string }> | null } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ field: string, rule: string, message: string }> }
    | { __typename: 'VendorError', message: string, code: string, vendor: string, status: number | null }
   };

export type CreatePaymentMutationVariables = Exact<{
  input: CreatePaymentInput;
}>;


export type CreatePaymentMutation = { createPayment:
    | { __typename: 'MutationCreatePaymentSuccess', data: { lineItemId: string | null, lineItem: { id: string, type: LineItemType, status: LineItemStatus, originatingAmount: { minorUnits: number, currency: string, decimal: string } | null } | null, account: { summary: { totalBalance: { decimal: string }, availableCredit: { decimal: string } } } | null } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ field: string, rule: string, message: string }> }
    | { __typename: 'VendorError', message: string, code: string, vendor: string, status: number | null }
   };

export type CreateRepositMutationVariables = Exact<{
  input: CreateRepositInput;
}>;


export type CreateRepositMutation = { createReposit:
    | { __typename: 'MutationCreateRepositSuccess', data: { id: string, repositId: string, status: RepositStatus, headcount: number, startDate: string, endDate: string, letOnly: boolean, monthlyRent: { minorUnits: number, currency: string, decimal: string }, agent: { agentId: string, firstName: string, lastName: string }, tenants: Array<{ email: string, status: RepositTenantStatus }> } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ field: string, rule: string, message: string }> }
    | { __typename: 'VendorError', message: string, code: string, vendor: string, status: number | null, vendorMessage: string | null }
   };

export type ProductsQueryVariables = Exact<{
  asOf: string | null | undefined;
}>;


export type ProductsQuery = { products: Array<{ id: string, productId: string, name: string | null, description: string | null, type: ProductType | null, defaultRate: number | null, defaultCreditLimit: { minorUnits: number, currency: string, decimal: string } | null, basePolicyConfig: { minPayPercentage: number | null, billingCyclePeriod: string | null, billingDueDateInterval: string | null, interestPolicy: { type: InterestPolicyType | null, method: InterestMethod | null, dayCalcType: DayCalcType | null } | null } | null, summary: { totalAccountCount: number, utilizationPercent: number, totalCreditIssued: { decimal: string } } | null }> };

export type ReferencingRequestQueryVariables = Exact<{
  canopyReferenceId: string;
}>;


export type ReferencingRequestQuery = { referencingRequest: { id: string, canopyReferenceId: string, clientReferenceId: string | null, status: ScreeningStatus | null, completed: boolean | null, intermediateReportPdfUrl: string | null, tenant: { email: string }, rentPassport: { ready: boolean, globalStatus: ScreeningStatus, creditIndicator: string, creditScore: number | null, dateChecked: string | null, guaranteedRenters: Array<unknown> | null, instant: { status: ScreeningStatus, creditCheck: PassportSectionStatus | null, income: PassportSectionStatus | null, rent: PassportSectionStatus | null, savings: PassportSectionStatus | null }, full: { status: ScreeningStatus, landlordReference: PassportSectionStatus, employerReference: PassportSectionStatus }, monthlyRentAffordability: { minorUnits: number, currency: string, decimal: string } | null, personalData: { identity: unknown, addressHistory: Array<unknown>, financialSummary: unknown } | null, considerSummary: Array<{ section: string, reason: string }>, highRiskSummary: Array<{ section: string, reason: string }>, guarantorRequest: { email: string, status: string } | null, identityVerification: { status: string, updatedAt: string } | null, rightToRent: { type: string, status: string, documents: Array<unknown>, verifiedBy: string | null, metadata: { typeOfProof: string, idnowIdentId: string | null, shareCode: string | null } } | null, connection: { referencingType: ScreeningType, createdAt: string, branch: { id: string, name: string } | null } } | null, notes: { renter: { email: string, firstName: string, lastName: string }, sections: Array<{ section: PassportNoteSection, agentNotes: Array<{ message: string, createdAt: string }>, reportNotes: Array<{ message: string, createdAt: string }> }> } | null, report: { title: ScreeningType, documentType: ScreeningType, status: ReferencingReportStatus, isGuarantorReference: boolean | null, isGuarantorNeeded: boolean | null, waitingForGuarantor: boolean | null, guarantorCompleted: boolean | null, pdfUrl: string | null, summaryPdfUrl: string | null, maxRent: { minorUnits: number, currency: string, decimal: string } | null } | null } | null };

export type RepositSupplierQueryVariables = Exact<{ [key: string]: never; }>;


export type RepositSupplierQuery = { repositSupplier: { id: string, supplierId: string, name: string, type: RepositSupplierType, createdAt: string | null, agents: Array<{ id: string, agentId: string, firstName: string, lastName: string }> | null } | null };

export type RepositQueryVariables = Exact<{
  id: string;
}>;


export type RepositQuery = { reposit: { id: string, repositId: string, status: RepositStatus, headcount: number, startDate: string, endDate: string, letOnly: boolean, createdAt: string, closedAt: string | null, deactivatedAt: string | null, monthlyRent: { minorUnits: number, currency: string, decimal: string }, address: { line1: string, line2: string | null, town: string, country: string, postcode: string } | null, agent: { agentId: string, firstName: string, lastName: string }, supplier: { supplierId: string, name: string, type: RepositSupplierType }, tenants: Array<{ email: string, status: RepositTenantStatus, createdAt: string }>, policies: Array<{ policyId: string, startDate: string, endDate: string, type: { policyTypeId: string, category: PolicyCategory }, documents: Array<{ documentId: string, type: PolicyDocumentType, name: string, href: string | null, createdAt: string }> }>, landlord: { firstName: string, lastName: string, email: string, address: { line1: string, line2: string | null, town: string, country: string, postcode: string } | null } | null } | null };

export type RequestReferencingMutationVariables = Exact<{
  input: RequestReferencingInput;
}>;


export type RequestReferencingMutation = { requestReferencing:
    | { __typename: 'MutationRequestReferencingSuccess', data: { id: string, canopyReferenceId: string, clientReferenceId: string | null, status: ScreeningStatus | null, tenant: { email: string } } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ field: string, rule: string, message: string }> }
    | { __typename: 'VendorError', message: string, code: string, vendor: string, status: number | null, vendorMessage: string | null }
   };

export type TenantDashboardQueryVariables = Exact<{
  email?: string;
}>;


export type TenantDashboardQuery = { tenant: { email: string, referencingRequests: Array<{ canopyReferenceId: string, status: ScreeningStatus | null, completed: boolean | null, intermediateReportPdfUrl: string | null, rentPassport: { globalStatus: ScreeningStatus, instant: { status: ScreeningStatus, creditCheck: PassportSectionStatus | null, income: PassportSectionStatus | null, rent: PassportSectionStatus | null, savings: PassportSectionStatus | null }, full: { status: ScreeningStatus, landlordReference: PassportSectionStatus, employerReference: PassportSectionStatus }, monthlyRentAffordability: { decimal: string, currency: string } | null } | null }> | null, reposits: Array<{ id: string, repositId: string, status: RepositStatus, monthlyRent: { minorUnits: number, currency: string, decimal: string }, tenants: Array<{ email: string, status: RepositTenantStatus }>, policies: Array<{ policyId: string, startDate: string, endDate: string, type: { category: PolicyCategory } }> }> | null, accounts: Array<{ id: string, accountId: string, status: AccountStatus | null, product: { name: string | null }, summary: { totalBalance: { decimal: string, currency: string }, availableCredit: { decimal: string } }, statements: Array<{ id: string, billingCycleEnd: string | null, minPayDueDate: string | null, totalBalance: { decimal: string }, minPayAmount: { decimal: string }, lineItems: Array<{ lineItemId: string, type: LineItemType, status: LineItemStatus, effectiveAt: string, originatingAmount: { minorUnits: number, currency: string } | null }> | null }> }> | null } | null };

export type TenantEventsSubscriptionVariables = Exact<{
  email?: string;
  after: string | null | undefined;
}>;


export type TenantEventsSubscription = { tenantEvents:
    | { __typename: 'PassportNoteEvent', id: string, receivedAt: string, canopyReferenceId: string, section: PassportNoteSection, noteAction: PassportNoteAction, note: string }
    | { __typename: 'PassportStatusEvent', id: string, receivedAt: string, canopyReferenceId: string, globalStatus: ScreeningStatus, updatedSection: { section: PassportUpdatedSection, newStatus: PassportSectionStatus } }
    | { __typename: 'ReferencingCompletedEvent', id: string, receivedAt: string, canopyReferenceId: string, report: { status: ReferencingReportStatus, pdfUrl: string | null } }
    | { __typename: 'RepositEvent', id: string, receivedAt: string, repositId: string, action: RepositEventAction, tenant: { email: string, status: RepositTenantStatus } | null }
    | { __typename: 'RequestStatusEvent', id: string, receivedAt: string, canopyReferenceId: string, status: ReferencingRequestEvent }
   };


export const AccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusSubtype"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalAccountIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAsOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lineItemId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"originatingAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchantData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mccCode"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statementId"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycleEnd"}},{"kind":"Field","name":{"kind":"Name","value":"minPayAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minPayDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"lineItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineItemId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"originatingAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountQuery, AccountQueryVariables>;
export const AccountsWithStatementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsWithStatements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statementId"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycleStart"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycleEnd"}},{"kind":"Field","name":{"kind":"Name","value":"totalBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minPayAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minPayDueDate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountsWithStatementsQuery, AccountsWithStatementsQueryVariables>;
export const AgencyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canopy"}},{"kind":"Field","name":{"kind":"Name","value":"reposit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AgencyQuery, AgencyQueryVariables>;
export const CanopyBranchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CanopyBranches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canopyBranches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"canopyBranchId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientBranchIds"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"postCode"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}}]}}]}}]} as unknown as DocumentNode<CanopyBranchesQuery, CanopyBranchesQueryVariables>;
export const CreateChargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCharge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateChargeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreateChargeSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineItemId"}},{"kind":"Field","name":{"kind":"Name","value":"lineItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"originatingAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchantData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mccCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VendorError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CreateChargeMutation, CreateChargeMutationVariables>;
export const CreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreateCustomerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VendorError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const CreatePaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreatePaymentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineItemId"}},{"kind":"Field","name":{"kind":"Name","value":"lineItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"originatingAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VendorError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePaymentMutation, CreatePaymentMutationVariables>;
export const CreateRepositDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReposit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRepositInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReposit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreateRepositSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repositId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyRent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"headcount"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"letOnly"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VendorError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}}]}}]}}]}}]} as unknown as DocumentNode<CreateRepositMutation, CreateRepositMutationVariables>;
export const ProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Products"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRate"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCreditLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basePolicyConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minPayPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"billingCyclePeriod"}},{"kind":"Field","name":{"kind":"Name","value":"billingDueDateInterval"}},{"kind":"Field","name":{"kind":"Name","value":"interestPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"dayCalcType"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalAccountCount"}},{"kind":"Field","name":{"kind":"Name","value":"utilizationPercent"}},{"kind":"Field","name":{"kind":"Name","value":"totalCreditIssued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsQuery, ProductsQueryVariables>;
export const ReferencingRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferencingRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canopyReferenceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referencingRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"canopyReferenceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canopyReferenceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"canopyReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"clientReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"intermediateReportPdfUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rentPassport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"globalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"instant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creditCheck"}},{"kind":"Field","name":{"kind":"Name","value":"income"}},{"kind":"Field","name":{"kind":"Name","value":"rent"}},{"kind":"Field","name":{"kind":"Name","value":"savings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"full"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"landlordReference"}},{"kind":"Field","name":{"kind":"Name","value":"employerReference"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monthlyRentAffordability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditIndicator"}},{"kind":"Field","name":{"kind":"Name","value":"creditScore"}},{"kind":"Field","name":{"kind":"Name","value":"dateChecked"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"addressHistory"}},{"kind":"Field","name":{"kind":"Name","value":"financialSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guaranteedRenters"}},{"kind":"Field","name":{"kind":"Name","value":"considerSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"highRiskSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guarantorRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rightToRent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"typeOfProof"}},{"kind":"Field","name":{"kind":"Name","value":"idnowIdentId"}},{"kind":"Field","name":{"kind":"Name","value":"shareCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referencingType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"agentNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"maxRent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isGuarantorReference"}},{"kind":"Field","name":{"kind":"Name","value":"isGuarantorNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"waitingForGuarantor"}},{"kind":"Field","name":{"kind":"Name","value":"guarantorCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"pdfUrl"}},{"kind":"Field","name":{"kind":"Name","value":"summaryPdfUrl"}}]}}]}}]}}]} as unknown as DocumentNode<ReferencingRequestQuery, ReferencingRequestQueryVariables>;
export const RepositSupplierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RepositSupplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repositSupplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supplierId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<RepositSupplierQuery, RepositSupplierQueryVariables>;
export const RepositDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Reposit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reposit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repositId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyRent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"headcount"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"letOnly"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplierId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyId"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyTypeId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"href"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"landlord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RepositQuery, RepositQueryVariables>;
export const RequestReferencingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestReferencing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestReferencingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestReferencing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationRequestReferencingSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"canopyReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"clientReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VendorError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}}]}}]}}]}}]} as unknown as DocumentNode<RequestReferencingMutation, RequestReferencingMutationVariables>;
export const TenantDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"amara.okafor@example.com","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"referencingRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canopyReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"intermediateReportPdfUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rentPassport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"globalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"instant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creditCheck"}},{"kind":"Field","name":{"kind":"Name","value":"income"}},{"kind":"Field","name":{"kind":"Name","value":"rent"}},{"kind":"Field","name":{"kind":"Name","value":"savings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"full"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"landlordReference"}},{"kind":"Field","name":{"kind":"Name","value":"employerReference"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monthlyRentAffordability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reposits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repositId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyRent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyId"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"latest"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycleEnd"}},{"kind":"Field","name":{"kind":"Name","value":"totalBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minPayAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minPayDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"lineItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineItemId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"originatingAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TenantDashboardQuery, TenantDashboardQueryVariables>;
export const TenantEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TenantEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"amara.okafor@example.com","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VendorEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestStatusEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canopyReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PassportStatusEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canopyReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"updatedSection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"globalStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PassportNoteEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canopyReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"noteAction"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferencingCompletedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canopyReferenceId"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pdfUrl"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RepositEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repositId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TenantEventsSubscription, TenantEventsSubscriptionVariables>;