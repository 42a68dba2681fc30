import { createGraphQLError } from 'graphql-yoga';
import type { GatewayContext } from '../../context';
import { asOfKey } from '../../sources/canopy-servicing/loaders';
import type { LineItem as LineItemRecord, StatementSummary } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { isoDateTime } from '../iso-date-time';
import { money, Money } from '../money';
import { Account, loadAccount } from './account';
import { LineItem } from './line-item';
import { orNull } from '../not-found';

/**
 * A statement from either endpoint: the list names it (`statementId`) but leaves out its line
 * items; the statement as of a date has its line items but no id. Its cycle end identifies it.
 */
export type StatementShape = Omit<StatementSummary, 'statementId'> & {
  accountId: string;
  statementId?: string;
  /** The `effective_as_of_date` of the answer that held the statement. */
  effectiveAsOf?: Date;
  lineItems?: LineItemRecord[];
};

/**
 * Canopy cuts a statement when the next billing cycle starts, a second after the inclusive end
 * of its own, or later where its close of business comes later. The statement endpoint answers
 * the latest statement cut by the date it is asked as of, so asked as of this moment it answers
 * this statement, or the one before while this one is not cut yet: see `isOfCycle`.
 */
function cutOf(billingCycleEnd: Date): Date {
  return new Date(billingCycleEnd.getTime() + 1_000);
}

function isOfCycle(statement: StatementShape | null, billingCycleEnd: Date): statement is StatementShape {
  return statement?.billingCycleEnd?.getTime() === billingCycleEnd.getTime();
}

function otherCycleAnswered(billingCycleEnd: Date, cut: Date, answered: StatementShape | null) {
  const other = answered?.billingCycleEnd?.toISOString() ?? null;
  return createGraphQLError(
    `Canopy Servicing, asked for the statement as of ${cut.toISOString()}, answered ${other ? `the billing cycle ending ${other}` : 'no statement'} ` +
      `instead of this one (ending ${billingCycleEnd.toISOString()}): its line items cannot be read until Canopy answers this cycle at its cut.`,
    { extensions: { code: 'STATEMENT_CYCLE_MISMATCH', vendor: 'canopy-servicing', billingCycleEnd: billingCycleEnd.toISOString(), answeredBillingCycleEnd: other } },
  );
}

/** The statement cut last as of the date (now when absent), with its line items; null before the first cut. */
export async function statementAsOf(ctx: GatewayContext, accountId: string, asOf?: Date | null): Promise<StatementShape | null> {
  return orNull(ctx.loaders.canopyServicing.statement.load(asOfKey(accountId, asOf)));
}

function globalKey(statement: StatementShape): string {
  const end = statement.billingCycleEnd;
  return `${statement.accountId}/${end ? isoDateTime(end) : (statement.statementId ?? '')}`;
}

async function loadByKey(ctx: GatewayContext, key: string): Promise<StatementShape | null> {
  const at = key.indexOf('/');
  const end = new Date(key.slice(at + 1));
  if (at < 0 || Number.isNaN(end.getTime())) return null;
  const statement = await statementAsOf(ctx, key.slice(0, at), cutOf(end));
  return isOfCycle(statement, end) ? statement : null;
}

export const Statement = builder.node(builder.objectRef<StatementShape>('Statement'), {
  description: 'The statement of one billing cycle of an account: its balances, minimum payment and line items.',
  id: { resolve: globalKey },
  loadOne: (id, ctx) => loadByKey(ctx, id),
  fields: (t) => ({
    statementId: t.id({
      nullable: true,
      description: 'The Canopy-generated id of the statement.',
      resolve: async (statement, _args, ctx) => {
        if (statement.statementId || !statement.billingCycleEnd) return statement.statementId ?? null;
        const end = statement.billingCycleEnd.getTime();
        const list = await ctx.loaders.canopyServicing.statementList.load(asOfKey(statement.accountId, cutOf(statement.billingCycleEnd)));
        return list.statements.find((listed) => listed.billingCycleEnd?.getTime() === end)?.statementId ?? null;
      },
    }),
    account: t.field({ nullable: false, type: Account, resolve: (statement, _args, ctx) => loadAccount(ctx, statement.accountId) }),
    availableCredit: t.field({
      nullable: false,
      type: Money,
      description: 'The total available credit of the account at the cut.',
      resolve: (statement) => money(statement.availableCreditCents, 'USD'),
    }),
    totalBalance: t.field({
      nullable: false,
      type: Money,
      description: 'The total balance of the account at the cut.',
      resolve: (statement) => money(statement.totalBalanceCents, 'USD'),
    }),
    minPayAmount: t.field({
      nullable: false,
      type: Money,
      description: 'The minimum amount due for this statement.',
      resolve: (statement) => money(statement.minPayAmountCents, 'USD'),
    }),
    minPayDueDate: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the minimum payment is due.',
      resolve: (statement) => statement.minPayDueDate ?? null,
    }),
    asOf: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The moment Canopy answered this statement as of (its `effective_as_of_date`).',
      resolve: (statement) => statement.effectiveAsOf ?? null,
    }),
    billingCycleStart: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The inclusive start of the transactions that are part of this statement.',
      resolve: (statement) => statement.billingCycleStart ?? null,
    }),
    billingCycleEnd: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The inclusive end of the transactions that are part of this statement.',
      resolve: (statement) => statement.billingCycleEnd ?? null,
    }),
    lineItems: t.field({
      nullable: true,
      type: [LineItem],
      description:
        'The line items of the billing cycle, as the statement endpoint gives them at the cut. Null, with an error coded STATEMENT_CYCLE_MISMATCH, when Canopy answers another cycle there.',
      resolve: async (statement, _args, ctx) => {
        if (statement.lineItems) return statement.lineItems;
        const end = statement.billingCycleEnd;
        if (!end) return [];
        const answered = await statementAsOf(ctx, statement.accountId, cutOf(end));
        if (!isOfCycle(answered, end)) throw otherCycleAnswered(end, cutOf(end), answered);
        return answered.lineItems ?? [];
      },
    }),
  }),
});
