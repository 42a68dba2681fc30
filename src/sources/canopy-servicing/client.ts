import { randomUUID } from 'node:crypto';
import { encodePath, type VendorHttp, type VendorRequest } from '../http';
import { VendorError } from '../vendor-error';
import {
  fromAccount,
  fromAccountList,
  fromAccountSummary,
  fromCustomer,
  fromDispute,
  fromLineItemCreated,
  fromLineItemList,
  fromProduct,
  fromProductSummary,
  fromProductWriteResult,
  fromStatement,
  fromStatementList,
  toAccountRequest,
  toAccountUpdate,
  toChargeRequest,
  toCustomerRequest,
  toLoanRequest,
  toPaymentRequest,
  toProductRequest,
  toWireDateTime,
} from './normalise';
import type {
  Account,
  AccountInput,
  AccountPage,
  AccountSummary,
  AccountUpdate,
  ChargeInput,
  Customer,
  CustomerInput,
  Dispute,
  LineItem,
  LineItemCreated,
  LineItemPage,
  LineItemTypeFilter,
  LoanInput,
  PaymentInput,
  Product,
  ProductCreated,
  ProductInput,
  ProductSummary,
  ProductWriteResult,
  Statement,
  StatementList,
} from './types';
import type {
  WireAccount,
  WireAccountList,
  WireAccountSummary,
  WireCustomer,
  WireDispute,
  WireLineItem,
  WireLineItemCreated,
  WireProduct,
  WireProductSummary,
  WireProductWriteResult,
  WireStatement,
  WireStatementList,
} from './wire';

export interface CanopyServicingClientOptions {
  /** Built by the caller for the vendor's base URL, with `canopyServicingErrorBody` as `readErrorBody`. */
  http: VendorHttp;
  /** Sent as `Authorization: Bearer <token>` on every call. */
  token: string;
}

export interface AsOf {
  /** Answer as the vendor would have at this moment; now when absent. */
  effectiveAsOf?: Date;
}

export interface PageOptions {
  /** Zero-based. @default 0 */
  offset?: number;
  /** @default 100 (the vendor's default) */
  limit?: number;
}

export interface LineItemQuery extends AsOf, PageOptions {
  /** Only charges or only payments; every type when absent. */
  type?: 'charge' | 'payment';
}

const TYPE_FILTERS: Record<NonNullable<LineItemQuery['type']>, LineItemTypeFilter> = {
  charge: 'charges',
  payment: 'payments',
};

/** Canopy Servicing v1.3: products, accounts, line items, statements and customers. */
export class CanopyServicingClient {
  private readonly http: VendorHttp;
  private readonly token: string;

  constructor(options: CanopyServicingClientOptions) {
    this.http = options.http;
    this.token = options.token;
  }

  /** Every product, or none: the vendor's 404 "No Products" is an empty list here. */
  async listProducts(options: AsOf = {}): Promise<Product[]> {
    const body = await this.orEmpty(this.call<WireProduct[]>({ method: 'GET', path: '/products', query: asOf(options) }));
    return (body ?? []).map(fromProduct);
  }

  async getProduct(productId: string, options: AsOf = {}): Promise<Product> {
    const path = encodePath`/products/${productId}`;
    return fromProduct(await this.call<WireProduct>({ method: 'GET', path, query: asOf(options) }));
  }

  /** An empty answer (the reference's bare "204") leaves the new product's id unknown: Canopy generates it. */
  async createProduct(input: ProductInput): Promise<ProductCreated> {
    const body = await this.write<WireProductWriteResult>({
      method: 'POST',
      path: '/products',
      body: toProductRequest(input),
      idempotent: false,
    });
    return body ? fromProductWriteResult(body) : { name: input.name };
  }

  /** Canopy updates draft products only. */
  async updateProduct(productId: string, input: ProductInput, options: AsOf = {}): Promise<ProductWriteResult> {
    const path = encodePath`/products/${productId}`;
    const body = await this.write<WireProductWriteResult>({ method: 'PUT', path, query: asOf(options), body: toProductRequest(input) });
    return body ? fromProductWriteResult(body) : { productId, name: input.name };
  }

  async deleteProduct(productId: string): Promise<ProductWriteResult> {
    const body = await this.write<WireProductWriteResult>({ method: 'DELETE', path: encodePath`/products/${productId}` });
    return body ? fromProductWriteResult(body) : { productId };
  }

  async getProductSummary(productId: string, options: AsOf = {}): Promise<ProductSummary> {
    const path = encodePath`/products/${productId}/summaries`;
    return fromProductSummary(await this.call<WireProductSummary>({ method: 'GET', path, query: asOf(options) }), productId);
  }

  /** A page of accounts, oldest first, with the total across pages; 404 "No accounts found" is an empty page. */
  async listAccounts(options: PageOptions = {}): Promise<AccountPage> {
    const body = await this.orEmpty(
      this.call<WireAccountList>({ method: 'GET', path: '/accounts', query: { offset: options.offset, limit: options.limit } }),
    );
    return body ? fromAccountList(body) : { accounts: [], totalCount: 0 };
  }

  async getAccount(accountId: string): Promise<Account> {
    return fromAccount(await this.call<WireAccount>({ method: 'GET', path: encodePath`/accounts/${accountId}` }));
  }

  async createAccount(input: AccountInput): Promise<Account> {
    const body = await this.badInputFrom405(
      this.call<WireAccount>({ method: 'POST', path: '/accounts', body: toAccountRequest(input), idempotent: false }),
    );
    return fromAccount(body);
  }

  /** Canopy answers an update with no body: read the account again to see it. */
  async updateAccount(accountId: string, input: AccountUpdate): Promise<void> {
    const path = encodePath`/accounts/${accountId}`;
    await this.badInputFrom405(this.write<undefined>({ method: 'PUT', path, body: toAccountUpdate(input) }));
  }

  async deleteAccount(accountId: string): Promise<void> {
    await this.write<undefined>({ method: 'DELETE', path: encodePath`/accounts/${accountId}` });
  }

  /** A page of an account's line items by effective date, with the total the query matches. */
  async listLineItems(accountId: string, options: LineItemQuery = {}): Promise<LineItemPage> {
    const body = await this.call<WireLineItem[]>({
      method: 'GET',
      path: encodePath`/accounts/${accountId}/line_items`,
      query: {
        ...asOf(options),
        line_item_type: options.type && TYPE_FILTERS[options.type],
        offset: options.offset,
        limit: options.limit,
      },
    });
    return fromLineItemList(body ?? [], options.offset ?? 0);
  }

  /** An empty answer is read back from the line item, which carries its dispute's id. */
  async disputeLineItem(accountId: string, lineItemId: string): Promise<Dispute> {
    const path = encodePath`/accounts/${accountId}/line_items/${lineItemId}/disputes`;
    const body = await this.write<WireDispute>({ method: 'POST', path, idempotent: false });
    if (body) return fromDispute(body);
    const item = await this.findLineItem(accountId, (candidate) => candidate.lineItemId === lineItemId);
    return { accountId, lineItemId, disputeId: item?.disputeId };
  }

  async getAccountSummary(accountId: string, options: AsOf = {}): Promise<AccountSummary> {
    const path = encodePath`/accounts/${accountId}/summaries`;
    return fromAccountSummary(await this.call<WireAccountSummary>({ method: 'GET', path, query: asOf(options) }));
  }

  /** Every statement cut up to the date, without their line items. */
  async listStatements(accountId: string, options: AsOf = {}): Promise<StatementList> {
    const path = encodePath`/accounts/${accountId}/statements_list`;
    return fromStatementList(await this.call<WireStatementList>({ method: 'GET', path, query: asOf(options) }));
  }

  /** The latest statement cut as of the date, with the line items of its billing cycle. */
  async getStatement(accountId: string, options: AsOf = {}): Promise<Statement> {
    const path = encodePath`/accounts/${accountId}/statements`;
    return fromStatement(await this.call<WireStatement>({ method: 'GET', path, query: asOf(options) }));
  }

  /**
   * The gateway chooses the line item's id when the caller does not (the line items guide lets
   * the caller choose it), so an empty answer still names the charge, and a repeat of the same
   * call is refused by Canopy as a used id instead of charging twice: see `createLineItem`. A
   * charge with no date takes effect now: Canopy requires one, and a retry resends the same.
   */
  async createCharge(accountId: string, input: ChargeInput): Promise<LineItemCreated> {
    const charge = { ...input, lineItemId: input.lineItemId ?? randomUUID(), effectiveAt: input.effectiveAt ?? new Date() };
    const path = encodePath`/accounts/${accountId}/line_items/charges`;
    return this.createLineItem(accountId, path, toChargeRequest(charge), charge.lineItemId, charge.amountCents);
  }

  /**
   * Payments take no caller-chosen id; the gateway chooses the `reference_id` instead ("a unique
   * ID generated in your system"), and an empty answer is read back by it.
   */
  async createPayment(accountId: string, input: PaymentInput): Promise<LineItemCreated> {
    const payment = { ...input, referenceId: input.referenceId ?? randomUUID() };
    const path = encodePath`/accounts/${accountId}/line_items/payments`;
    const body = await this.write<WireLineItemCreated>({ method: 'POST', path, body: toPaymentRequest(payment), idempotent: false });
    if (body) return fromLineItemCreated(body);
    const item = await this.findLineItem(accountId, (candidate) => candidate.referenceId === payment.referenceId, 'payment');
    return { lineItemId: item?.lineItemId, referenceId: payment.referenceId };
  }

  /** A further installment loan on a revolving account (the line items guide's MultiLoan); its id and date as for charges. */
  async createLoan(accountId: string, input: LoanInput): Promise<LineItemCreated> {
    const loan = { ...input, lineItemId: input.lineItemId ?? randomUUID(), effectiveAt: input.effectiveAt ?? new Date() };
    const path = encodePath`/accounts/${accountId}/line_items/loans`;
    return this.createLineItem(accountId, path, toLoanRequest(loan), loan.lineItemId, loan.originalAmountCents);
  }

  /**
   * A charge or loan with its id chosen: safe to send again after a lost answer, since Canopy
   * refuses an id already used on the account. That refusal is this very line item when the one
   * holding the id has the same amount, so it is answered as created.
   */
  private async createLineItem(accountId: string, path: string, body: unknown, lineItemId: string, amountCents: number): Promise<LineItemCreated> {
    try {
      const created = await this.write<WireLineItemCreated>({ method: 'POST', path, body, idempotent: true });
      return created ? fromLineItemCreated(created) : { lineItemId };
    } catch (error) {
      if (!(error instanceof VendorError) || error.fieldErrors?.line_item_id === undefined) throw error;
      const existing = await this.findLineItem(accountId, (item) => item.lineItemId === lineItemId);
      if (existing?.originatingAmountCents !== amountCents) throw error;
      return { lineItemId };
    }
  }

  /** The first of an account's line items (now, of one type) that matches, looking through every page. */
  private async findLineItem(accountId: string, matches: (item: LineItem) => boolean, type?: LineItemQuery['type']): Promise<LineItem | undefined> {
    const limit = 100;
    for (let offset = 0; ; offset += limit) {
      const page = await this.listLineItems(accountId, { type, offset, limit });
      const found = page.lineItems.find(matches);
      if (found || page.lineItems.length < limit) return found;
    }
  }

  async createCustomer(input: CustomerInput): Promise<Customer> {
    const body = await this.call<WireCustomer>({ method: 'POST', path: '/customers', body: toCustomerRequest(input), idempotent: false });
    return fromCustomer(body);
  }

  private async call<T>(request: VendorRequest): Promise<T> {
    const response = await this.http.json<T>({
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${this.token}` },
    });
    return response.body;
  }

  /** A write, whose answer the reference shows both with a body and as a bare "204": `undefined` for the latter. */
  private write<T>(request: VendorRequest): Promise<T | undefined> {
    return this.call<T | undefined>(request);
  }

  private async orEmpty<T>(pending: Promise<T>): Promise<T | undefined> {
    try {
      return await pending;
    } catch (error) {
      if (error instanceof VendorError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** The reference answers invalid account input with 405 ("Invalid input"); callers see it as bad input. */
  private async badInputFrom405<T>(pending: Promise<T>): Promise<T> {
    try {
      return await pending;
    } catch (error) {
      if (!(error instanceof VendorError) || error.status !== 405) throw error;
      throw new VendorError({
        vendor: error.vendor,
        endpoint: error.endpoint,
        status: error.status,
        vendorMessage: error.vendorMessage,
        requestId: error.requestId,
        fieldErrors: error.fieldErrors,
        code: 'BAD_USER_INPUT',
        agencyId: error.agencyId,
        cause: error,
      });
    }
  }
}

function asOf(options: AsOf): VendorRequest['query'] {
  return { effective_as_of_date: options.effectiveAsOf && toWireDateTime(options.effectiveAsOf) };
}
