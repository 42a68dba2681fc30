import type { WireStatement, WireStatementList } from '../../../sources/canopy-servicing/wire';
import { json, type SandboxRoute } from '../../vendor-simulator';
import type { SimulatorContext } from '../context';
import { stableUuid } from '../ids';
import { statementsAsOf } from '../ledger';
import { dateTime, presentLineItem, presentStatementFigures } from '../present';
import { readQuery } from '../query';
import { accountNotFound, invalidInput, refuse } from '../replies';
import type { AccountRecord } from '../state';
import { accountId } from './accounts';

/**
 * Statements, cut at the end of every billing cycle of the account's product and computed from
 * its line items, so they always agree with them. `statements_list` documents no 404; an
 * unknown account gets the 404 "Account not found" of its sibling routes.
 */
export function statementRoutes({ state, now }: SimulatorContext): SandboxRoute[] {
  function cutsOf(account: AccountRecord, asOf: Date) {
    const product = state.products.get(account.productId);
    const items = state.lineItemsOf(account.accountId);
    const id = (cycle: number) => stableUuid(`statement:${account.accountId}:${cycle}`);
    return statementsAsOf(account, product, items, asOf, id, state.statementCutLagMs);
  }

  return [
    {
      method: 'GET',
      path: '/accounts/:account_id/statements_list',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const list: WireStatementList = {
          account_id: account.accountId,
          effective_as_of_date: dateTime(query.asOf),
          statements_list: cutsOf(account, query.asOf).map((cut) => ({
            statement_id: cut.statementId,
            ...presentStatementFigures(cut),
          })),
        };
        return json(200, list);
      },
    },
    {
      method: 'GET',
      path: '/accounts/:account_id/statements',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const latest = cutsOf(account, query.asOf).at(-1);
        if (!latest) return refuse(404, 'No statement as of this date');
        const items = state
          .lineItemsOf(account.accountId)
          .filter((item) => item.effectiveAt >= latest.start && item.effectiveAt <= latest.end);
        const statement: WireStatement = {
          account_id: account.accountId,
          effective_as_of_date: dateTime(query.asOf),
          ...presentStatementFigures(latest),
          line_items: items.map((item) => presentLineItem(item, { withRate: true })),
        };
        return json(200, statement);
      },
    },
  ];
}
