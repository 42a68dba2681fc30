import { addInterval, parseInterval, type Interval } from '../../sources/canopy-servicing/interval';
import type { AccountRecord, LineItemRecord, ProductRecord } from './state';

/** Only settled line items move a balance; declined, void, pending and the like do not. */
const SETTLED_STATUSES = new Set(['posted', 'valid', 'successful']);
const MONTHLY: Interval = { count: 1, unit: 'month' };
const DUE_AFTER_CUT: Interval = { count: 25, unit: 'day' };
const DEFAULT_MIN_PAY_PERCENTAGE = 20;
/** A bound on cycles walked, so a product with a one-day cycle cannot stall a request. */
const MAX_CYCLES = 2_000;

/** Statuses compared without case: the line items guide writes `VALID` where the reference writes `valid`. */
export function movesBalance(item: LineItemRecord): boolean {
  return SETTLED_STATUSES.has(item.status.toLowerCase());
}

/** Cents owed as of the date: what was charged, lent, charged as fees and interest, less payments. */
export function balanceAsOf(items: LineItemRecord[], asOf: Date): number {
  let balance = 0;
  for (const item of items) {
    if (item.effectiveAt > asOf || !movesBalance(item)) continue;
    balance += item.type === 'payment' ? -item.amountCents : item.amountCents;
  }
  return balance;
}

export function availableCredit(account: AccountRecord, balanceCents: number): number {
  return Math.max(0, account.creditLimitCents - balanceCents);
}

export interface StatementCut {
  statementId: string;
  /** Zero-based cycle number since the account became effective. */
  cycle: number;
  /** Inclusive. */
  start: Date;
  /** Inclusive: one second before the next cycle starts. */
  end: Date;
  totalBalanceCents: number;
  availableCreditCents: number;
  minPayAmountCents: number;
  minPayDueDate: Date;
}

/** The statements cut up to the date: one per billing cycle that ended by then, cut `cutLagMs` after its end. */
export function statementsAsOf(
  account: AccountRecord,
  product: ProductRecord | undefined,
  items: LineItemRecord[],
  asOf: Date,
  statementId: (cycle: number) => string,
  cutLagMs = 0,
): StatementCut[] {
  const policies = product?.policies;
  const period = parseInterval(policies?.billingCyclePeriod ?? '') ?? MONTHLY;
  const dueAfter = parseInterval(policies?.billingDueDateInterval ?? '') ?? DUE_AFTER_CUT;
  const percentage = policies?.minPayPercentage ?? DEFAULT_MIN_PAY_PERCENTAGE;
  const cuts: StatementCut[] = [];
  for (let cycle = 0; cycle < MAX_CYCLES; cycle++) {
    const start = addInterval(account.effectiveAt, period, cycle);
    const next = addInterval(account.effectiveAt, period, cycle + 1);
    if (next.getTime() + cutLagMs > asOf.getTime()) break;
    const end = new Date(next.getTime() - 1_000);
    const total = balanceAsOf(items, end);
    cuts.push({
      statementId: statementId(cycle),
      cycle,
      start,
      end,
      totalBalanceCents: total,
      availableCreditCents: availableCredit(account, total),
      minPayAmountCents: total > 0 ? Math.round((total * percentage) / 100) : 0,
      minPayDueDate: addInterval(next, dueAfter),
    });
  }
  return cuts;
}
