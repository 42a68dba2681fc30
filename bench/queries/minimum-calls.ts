/**
 * The REST calls an answer cannot do without: one per distinct vendor resource behind it,
 * counted from the answer itself. A referencing request needs its notes (they name the renter)
 * and its passport; a reposit itself and its policies; an account itself, its summary, its
 * statement list, each statement shown (line items come only with a statement as of its cut)
 * and its product, once per distinct product (told apart by name, the one product field asked).
 */
interface TenantAnswer {
  referencingRequests: Array<{ canopyReferenceId: string }> | null;
  reposits: Array<{ repositId: string }> | null;
  accounts: Array<{ accountId: string; product: { name: string }; statements: unknown[] }> | null;
}

interface AccountListAnswer {
  accounts: { edges: Array<{ node: { accountId: string; product: { name: string }; statement: unknown } }> };
}

export function minimumForTenants(tenants: TenantAnswer[]): number {
  const requests = new Set(tenants.flatMap((t) => (t.referencingRequests ?? []).map((r) => r.canopyReferenceId)));
  const reposits = new Set(tenants.flatMap((t) => (t.reposits ?? []).map((r) => r.repositId)));
  const accounts = new Map(tenants.flatMap((t) => (t.accounts ?? []).map((a) => [a.accountId, a] as const)));
  const products = new Set([...accounts.values()].map((a) => a.product.name));
  const statements = [...accounts.values()].reduce((sum, a) => sum + a.statements.length, 0);
  return requests.size * 2 + reposits.size * 2 + accounts.size * 3 + statements + products.size;
}

export function minimumForAccountList(answer: AccountListAnswer): number {
  const nodes = answer.accounts.edges.map((edge) => edge.node);
  const products = new Set(nodes.map((node) => node.product.name));
  const statements = nodes.filter((node) => node.statement !== null).length;
  // the page (which holds the accounts), then per account its summary and its latest statement
  return 1 + nodes.length + statements + products.size;
}

/** The minimum for any of the bench's queries, from its `data`. */
export function minimumCalls(data: Record<string, unknown>): number {
  if ('tenant' in data) return minimumForTenants([data.tenant as TenantAnswer]);
  if ('tenants' in data) return minimumForTenants(data.tenants as TenantAnswer[]);
  return minimumForAccountList(data as unknown as AccountListAnswer);
}
