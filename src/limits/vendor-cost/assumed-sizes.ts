/**
 * How many objects a list holds where only the vendor knows it before it is called (the
 * estimator calls no vendor). Each is an assumption, like a peer's `@listSize(assumedSize:)`:
 * an answer longer than this can cost more than its estimate.
 */
export const ASSUMED = {
  /** A tenant's linked ids of one kind, where the tenant is reached through vendor data and its e-mail is unknown beforehand. */
  tenantLinks: 3,
  /** A Reposit's tenants (Reposit's headcount is rarely above this). */
  repositTenants: 4,
  /** An account's statements up to a date: two years of monthly cycles. */
  statements: 24,
  /** The line items of one statement's billing cycle. */
  statementLineItems: 20,
  /** The products of a Canopy Servicing program: a handful (the sandbox's has 3). */
  products: 5,
  /** The accounts of one product, or of one customer. */
  accounts: 10,
  /** The agents of a Reposit supplier. */
  agents: 20,
  /** The branches of a Canopy Referencing client. */
  branches: 20,
  /** Pages of 100 line items the gateway scans to find one line item by id. */
  lineItemScanPages: 1,
  /** Any other list, whose items cost nothing unless a field below them does. */
  list: 10,
} as const;

/** The relay plugin's page size: `first` or `last`, 20 when neither, at most 100. */
export function pageSize(args: Record<string, unknown>): number {
  const asked = (args.first ?? args.last) as number | null | undefined;
  return Math.min(asked ?? 20, 100);
}
