import type { BasePolicyConfig } from '../../sources/canopy-servicing/types';
import type { WireAccountAssignment, WireCustomer, WireExternalId, WireMerchantData } from '../../sources/canopy-servicing/wire';

export interface ProductRecord {
  productId: string;
  name: string;
  description?: string;
  type: string;
  status: 'draft' | 'live';
  defaultRate?: number;
  defaultCreditLimitCents?: number;
  policies?: BasePolicyConfig;
  createdAt: Date;
  deletedAt?: Date;
}

export interface AccountRecord {
  accountId: string;
  productId: string;
  status: string;
  statusSubtype: string | null;
  effectiveAt: Date;
  createdAt: Date;
  externalIds: WireExternalId[];
  creditLimitCents: number;
  rate: number;
  deletedAt?: Date;
}

export interface LineItemRecord {
  lineItemId: string;
  accountId: string;
  productId: string;
  type: string;
  status: string;
  amountCents: number;
  /** Given when the body named the amount `original_amount_cents` (the line items guide), and sent back so. */
  originalAmountCents?: number;
  /** Percent. */
  rate: number;
  merchantData?: WireMerchantData;
  effectiveAt: Date;
  createdAt: Date;
  description?: string;
  referenceId: string;
  disputeId?: string;
  externalIds: WireExternalId[];
}

export interface CustomerRecord {
  customer: WireCustomer;
  assignments: WireAccountAssignment[];
}

/** Everything the simulated Canopy Servicing holds, in memory. */
export class CanopyServicingState {
  readonly products = new Map<string, ProductRecord>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly lineItems = new Map<string, LineItemRecord[]>();
  readonly customers = new Map<string, CustomerRecord>();
  /** Normalised e-mail → account id, for the demo people. */
  readonly accountIdByEmail = new Map<string, string>();
  /**
   * How long after the next billing cycle starts Canopy cuts the statement of the one before:
   * the reference cuts at close of business, so until then the statement endpoint still answers
   * the statement before. @default 0 (cut the moment the next cycle starts)
   */
  statementCutLagMs = 0;

  constructor(
    /** Keeps this program's seeded ids apart from another program's (see `inIdSpace`). @default '' */
    readonly idSpace = '',
  ) {}

  /** A product that exists as of the date (created by then, not yet deleted). */
  productAsOf(productId: string, asOf: Date): ProductRecord | undefined {
    const product = this.products.get(productId);
    return product && existsAsOf(product, asOf) ? product : undefined;
  }

  liveAccount(accountId: string): AccountRecord | undefined {
    const account = this.accounts.get(accountId);
    return account && !account.deletedAt ? account : undefined;
  }

  /** Accounts not deleted, in creation order. */
  openAccounts(): AccountRecord[] {
    return [...this.accounts.values()]
      .filter((account) => !account.deletedAt)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** A product's accounts that exist as of the date. */
  accountsOfProduct(productId: string, asOf: Date): AccountRecord[] {
    return [...this.accounts.values()].filter(
      (account) => account.productId === productId && existsAsOf(account, asOf),
    );
  }

  lineItemsOf(accountId: string): LineItemRecord[] {
    let items = this.lineItems.get(accountId);
    if (!items) {
      items = [];
      this.lineItems.set(accountId, items);
    }
    return items;
  }

  /** Keeps the account's line items ordered by effective date, as the vendor lists them. */
  addLineItem(item: LineItemRecord): void {
    const items = this.lineItemsOf(item.accountId);
    items.push(item);
    items.sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  }

  customerByEmail(email: string): CustomerRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.customers.values()].find((record) => record.customer.email?.toLowerCase() === wanted);
  }
}

function existsAsOf(thing: { createdAt: Date; deletedAt?: Date }, asOf: Date): boolean {
  return thing.createdAt <= asOf && (!thing.deletedAt || thing.deletedAt > asOf);
}
