import DataLoader from 'dataloader';
import { asError, eachKey } from '../each-key';
import { VendorError } from '../vendor-error';
import type { CanopyServicingClient, LineItemQuery } from './client';
import type {
  Account,
  AccountPage,
  AccountSummary,
  LineItem,
  LineItemPage,
  Product,
  ProductSummary,
  Statement,
  StatementList,
} from './types';

/** `effective_as_of_date` in a loader key: the instant, or `now` for the vendor's present. */
export function dateKey(asOf?: Date | null): string {
  return asOf ? asOf.toISOString() : 'now';
}

function asOfFrom(part: string): Date | undefined {
  return part === 'now' ? undefined : new Date(part);
}

/** The key of a resource read as of a date: `<id>@<ISO instant or now>`. */
export function asOfKey(id: string, asOf?: Date | null): string {
  return `${id}@${dateKey(asOf)}`;
}

function splitAsOfKey(key: string): { id: string; asOf: Date | undefined } {
  const at = key.lastIndexOf('@');
  return { id: key.slice(0, at), asOf: asOfFrom(key.slice(at + 1)) };
}

/** The key of a page of accounts. */
export function accountPageKey(offset: number, limit: number): string {
  return `${offset}:${limit}`;
}

export interface LineItemPageQuery {
  accountId: string;
  asOf?: Date | null;
  type?: LineItemQuery['type'] | null;
  offset: number;
  limit: number;
}

/** The key of a page of an account's line items: account, date, type filter, offset and limit. */
export function lineItemPageKey(query: LineItemPageQuery): string {
  return [query.accountId, dateKey(query.asOf), query.type ?? 'all', query.offset, query.limit].join('|');
}

function parseLineItemPageKey(key: string): { accountId: string; options: LineItemQuery } {
  const [accountId = '', asOf = 'now', type = 'all', offset = '0', limit = '0'] = key.split('|');
  return {
    accountId,
    options: {
      effectiveAsOf: asOfFrom(asOf),
      type: type === 'all' ? undefined : (type as LineItemQuery['type']),
      offset: Number(offset),
      limit: Number(limit),
    },
  };
}

/** The key of one line item: Canopy names a line item within its account. */
export function lineItemKey(accountId: string, lineItemId: string): string {
  return `${accountId}/${lineItemId}`;
}

const LINE_ITEM_SCAN_PAGE = 100;

function notFound(endpoint: string, what: string): VendorError {
  return new VendorError({ vendor: 'canopy-servicing', endpoint, status: 404, code: 'NOT_FOUND', vendorMessage: what });
}

function lineItemNotFound(): VendorError {
  return notFound('GET /accounts/{account_id}/line_items', 'Line item not found');
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * The per-request loaders of Canopy Servicing: one per resource. Keys read as of a date carry
 * it (`asOfKey`); list answers prime the single-item loaders, so a product or account listed
 * once is never fetched again in the same request.
 */
export function createServicingLoaders(client: CanopyServicingClient) {
  const products = new DataLoader<string, Product[]>(
    eachKey(async (key) => {
      const list = await client.listProducts({ effectiveAsOf: asOfFrom(key) });
      for (const item of list) product.prime(asOfKey(item.productId, asOfFrom(key)), item);
      return list;
    }),
  );

  // One product is one call; several as of the same date are one list call, which answers them all.
  const product = new DataLoader<string, Product>(async (keys) => {
    const answers = new Map<string, Product | Error>();
    const byDate = groupBy(keys, (key) => dateKey(splitAsOfKey(key).asOf));
    await Promise.all(
      [...byDate].map(async ([date, group]) => {
        if (group.length === 1) {
          const [key] = group as [string];
          const { id, asOf } = splitAsOfKey(key);
          answers.set(key, await client.getProduct(id, { effectiveAsOf: asOf }).catch(asError));
          return;
        }
        const listed = await products.load(date).catch(asError);
        for (const key of group) {
          const { id } = splitAsOfKey(key);
          const found = listed instanceof Error ? listed : listed.find((item) => item.productId === id);
          answers.set(key, found ?? notFound('GET /products/{product_id}', 'No Products found'));
        }
      }),
    );
    return keys.map((key) => answers.get(key)!);
  });

  const productSummary = new DataLoader<string, ProductSummary>(
    eachKey((key) => {
      const { id, asOf } = splitAsOfKey(key);
      return client.getProductSummary(id, { effectiveAsOf: asOf });
    }),
  );

  const account = new DataLoader<string, Account>(eachKey((id) => client.getAccount(id)));

  const accountPage = new DataLoader<string, AccountPage>(
    eachKey(async (key) => {
      const [offset, limit] = key.split(':').map(Number);
      const page = await client.listAccounts({ offset, limit });
      for (const item of page.accounts) account.prime(item.accountId, item);
      return page;
    }),
  );

  const accountSummary = new DataLoader<string, AccountSummary>(
    eachKey((key) => {
      const { id, asOf } = splitAsOfKey(key);
      return client.getAccountSummary(id, { effectiveAsOf: asOf });
    }),
  );

  const lineItemPage = new DataLoader<string, LineItemPage>(
    eachKey(async (key) => {
      const { accountId, options } = parseLineItemPageKey(key);
      const page = await client.listLineItems(accountId, options);
      // A line item listed as of a past date carries that date's balance: only the present primes.
      if (!options.effectiveAsOf) {
        for (const item of page.lineItems) lineItem.prime(lineItemKey(item.accountId, item.lineItemId), item);
      }
      return page;
    }),
  );

  // Canopy reads line items only page by page: one scan of an account answers every id asked of it.
  const lineItem = new DataLoader<string, LineItem>(async (keys) => {
    const answers = new Map<string, LineItem | Error>();
    const byAccount = groupBy(
      keys.filter((key) => key.includes('/')),
      (key) => key.slice(0, key.indexOf('/')),
    );
    await Promise.all(
      [...byAccount].map(async ([accountId, group]) => {
        const wanted = new Set(group.map((key) => key.slice(key.indexOf('/') + 1)));
        try {
          for (let offset = 0; wanted.size > 0; offset += LINE_ITEM_SCAN_PAGE) {
            const page = await lineItemPage.load(lineItemPageKey({ accountId, offset, limit: LINE_ITEM_SCAN_PAGE }));
            for (const item of page.lineItems) {
              if (wanted.delete(item.lineItemId)) answers.set(lineItemKey(accountId, item.lineItemId), item);
            }
            if (page.lineItems.length < LINE_ITEM_SCAN_PAGE) break;
          }
          for (const id of wanted) answers.set(lineItemKey(accountId, id), lineItemNotFound());
        } catch (error) {
          for (const key of group) if (!answers.has(key)) answers.set(key, asError(error));
        }
      }),
    );
    return keys.map((key) => answers.get(key) ?? lineItemNotFound());
  });

  const statementList = new DataLoader<string, StatementList>(
    eachKey((key) => {
      const { id, asOf } = splitAsOfKey(key);
      return client.listStatements(id, { effectiveAsOf: asOf });
    }),
  );

  const statement = new DataLoader<string, Statement>(
    eachKey((key) => {
      const { id, asOf } = splitAsOfKey(key);
      return client.getStatement(id, { effectiveAsOf: asOf });
    }),
  );

  return { products, product, productSummary, account, accountPage, accountSummary, lineItemPage, lineItem, statementList, statement };
}

export type ServicingLoaders = ReturnType<typeof createServicingLoaders>;
