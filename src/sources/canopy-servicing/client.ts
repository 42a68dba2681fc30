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
  LineItemCreated,
  LineItemPage,
  LineItemTypeFilter,
  LoanInput,
  PaymentInput,
  Product,
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

  async createProduct(input: ProductInput): Promise<ProductWriteResult> {
    const body = await this.call<WireProductWriteResult>({
      method: 'POST',
      path: '/products',
      body: toProductRequest(input),
      idempotent: false,
    });
    return fromProductWriteResult(body);
  }

  /** Canopy updates draft products only. */
  async updateProduct(productId: string, input: ProductInput, options: AsOf = {}): Promise<ProductWriteResult> {
    const path = encodePath`/products/${productId}`;
    const body = await this.call<WireProductWriteResult>({ method: 'PUT', path, query: asOf(options), body: toProductRequest(input) });
    return fromProductWriteResult(body);
  }

  async deleteProduct(productId: string): Promise<ProductWriteResult> {
    const path = encodePath`/products/${productId}`;
    return fromProductWriteResult(await this.call<WireProductWriteResult>({ method: 'DELETE', path }));
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
    await this.badInputFrom405(this.call<undefined>({ method: 'PUT', path, body: toAccountUpdate(input) }));
  }

  async deleteAccount(accountId: string): Promise<void> {
    await this.call<undefined>({ method: 'DELETE', path: encodePath`/accounts/${accountId}` });
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

  async disputeLineItem(accountId: string, lineItemId: string): Promise<Dispute> {
    const path = encodePath`/accounts/${accountId}/line_items/${lineItemId}/disputes`;
    return fromDispute(await this.call<WireDispute>({ method: 'POST', path, idempotent: false }));
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

  async createCharge(accountId: string, input: ChargeInput): Promise<LineItemCreated> {
    const path = encodePath`/accounts/${accountId}/line_items/charges`;
    const body = await this.call<WireLineItemCreated>({ method: 'POST', path, body: toChargeRequest(input), idempotent: false });
    return fromLineItemCreated(body);
  }

  async createPayment(accountId: string, input: PaymentInput): Promise<LineItemCreated> {
    const path = encodePath`/accounts/${accountId}/line_items/payments`;
    const body = await this.call<WireLineItemCreated>({ method: 'POST', path, body: toPaymentRequest(input), idempotent: false });
    return fromLineItemCreated(body);
  }

  /** A further installment loan on a revolving account (the line items guide's MultiLoan). */
  async createLoan(accountId: string, input: LoanInput): Promise<LineItemCreated> {
    const path = encodePath`/accounts/${accountId}/line_items/loans`;
    const body = await this.call<WireLineItemCreated>({ method: 'POST', path, body: toLoanRequest(input), idempotent: false });
    return fromLineItemCreated(body);
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
        cause: error,
      });
    }
  }
}

function asOf(options: AsOf): VendorRequest['query'] {
  return { effective_as_of_date: options.effectiveAsOf && toWireDateTime(options.effectiveAsOf) };
}
