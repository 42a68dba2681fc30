import { randomUUID } from 'node:crypto';
import type { WireAccountList, WireAccountSummary } from '../../../sources/canopy-servicing/wire';
import { json, type SandboxRequest, type SandboxRoute } from '../../vendor-simulator';
import type { SimulatorContext } from '../context';
import { readExternalIds } from '../external-ids';
import { availableCredit, balanceAsOf } from '../ledger';
import { dateTime, presentAccount } from '../present';
import { readQuery } from '../query';
import { accountNotFound, invalidInput, refuse } from '../replies';
import type { AccountRecord } from '../state';
import { Problems, readDecimal, readInteger, readObject, readString, UUID } from '../validation';

/** Accounts. Invalid input is a 405 "Invalid input", as the reference documents for these routes. */
export function accountRoutes({ state, now }: SimulatorContext): SandboxRoute[] {
  return [
    {
      method: 'GET',
      path: '/accounts',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const accounts = state.openAccounts();
        if (accounts.length === 0) return refuse(404, 'No accounts found');
        const page: WireAccountList = {
          accounts: accounts.slice(query.offset, query.offset + query.limit).map(presentAccount),
          total_account_count: accounts.length,
        };
        return json(200, page);
      },
    },
    {
      method: 'POST',
      path: '/accounts',
      handle(request) {
        const problems = new Problems();
        const body = readObject(request.body, 'body', problems, { required: true });
        if (!body) return invalidInput(405, problems.list);
        const productId = readString(body.product_id, 'product_id', problems, { required: true, pattern: UUID, patternMessage: 'must be a UUID' });
        const externalIds = readExternalIds(body.external_ids, 'external_ids', problems);
        const creditLimit = readInteger(body.credit_limit_cents, 'credit_limit_cents', problems, { min: 0 });
        const rate = readDecimal(body.rate, 'rate', problems, { min: 0 });
        const product = productId === undefined ? undefined : state.productAsOf(productId, now());
        if (productId !== undefined && !product) problems.add('product_id', 'no product has this id');
        if (product && product.status !== 'live') problems.add('product_id', 'the product is not live');
        if (!product || !problems.empty) return invalidInput(405, problems.list);
        const at = now();
        const account: AccountRecord = {
          accountId: randomUUID(),
          productId: product.productId,
          status: 'active',
          statusSubtype: null,
          effectiveAt: at,
          createdAt: at,
          externalIds,
          creditLimitCents: creditLimit ?? product.defaultCreditLimitCents ?? 0,
          rate: rate ?? product.defaultRate ?? 0,
        };
        state.accounts.set(account.accountId, account);
        return json(201, presentAccount(account));
      },
    },
    {
      method: 'GET',
      path: '/accounts/:account_id',
      handle(request) {
        const account = state.liveAccount(accountId(request));
        return account ? json(200, presentAccount(account)) : accountNotFound();
      },
    },
    {
      method: 'PUT',
      path: '/accounts/:account_id',
      handle(request) {
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const problems = new Problems();
        const body = readObject(request.body, 'body', problems, { required: true });
        if (!body) return invalidInput(405, problems.list);
        const rate = readDecimal(body.rate, 'rate', problems, { min: 0 });
        const creditLimit = readInteger(body.credit_limit_cents, 'credit_limit_cents', problems, { min: 0 });
        if (!problems.empty) return invalidInput(405, problems.list);
        if (rate !== undefined) account.rate = rate;
        if (creditLimit !== undefined) account.creditLimitCents = creditLimit;
        // The reference answers an update with "201 New Account Created" and no body.
        return { status: 201 };
      },
    },
    {
      method: 'DELETE',
      path: '/accounts/:account_id',
      handle(request) {
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        account.deletedAt = now();
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/accounts/:account_id/summaries',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const balance = balanceAsOf(state.lineItemsOf(account.accountId), query.asOf);
        const summary: WireAccountSummary = {
          available_credit_balance: String(availableCredit(account, balance)),
          total_balance: String(balance),
          account_id: account.accountId,
          effective_as_of_date: dateTime(query.asOf),
        };
        return json(200, summary);
      },
    },
  ];
}

export function accountId(request: SandboxRequest): string {
  return request.params.account_id ?? '';
}
