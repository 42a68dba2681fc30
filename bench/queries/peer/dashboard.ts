/**
 * The tenant dashboard asked of the peer in its own schema: the vendors' operations as Mesh
 * generates them from the OpenAPI documents. Mesh cannot join on e-mail (the links live in
 * rentgraph's Redis), so the client holds the tenant's ids; and it cannot chain a call on an
 * earlier answer's field within one operation, so the product and the statements as of each
 * cut are a second request, built from the first answer.
 */
export interface PeerIds {
  clientId: string;
  canopyReferenceId: string;
  repositId: string;
  accountId: string;
}

const FIRST = `query DashboardFirst($clientId: String!, $requestId: String!, $repositId: String!, $accountId: UUID!) {
  notes: getPassportNotes(clientId: $clientId, canopyReferenceId: $requestId) { ... on CanopyReferencing_NotesResponse { userDetails { email } } }
  passport: getRentPassport(clientId: $clientId, canopyReferenceId: $requestId) {
    ... on CanopyReferencing_RentPassportResponse {
      data { rentPassport {
        statuses { overall { ready status } instant { status: overall creditCheck income rent savings } full { overall landlordReference employerReference } }
        monthlyRentAffordability
      } }
    }
  }
  reposit: getReposit(id: $repositId) { ... on Reposit_Reposit { id ppm tenants { email status } } }
  policies: listRepositPolicies(id: $repositId) { ... on Reposit_Policy { id startDate endDate type { category } } }
  account: getAccount(account_id: $accountId) { ... on CanopyServicing_Account { account_id account_status product_id } }
  summary: getAccountSummary(account_id: $accountId) {
    ... on CanopyServicing_AccountSummary {
      total_balance { ... on CanopyServicing_Int_container { Int } }
      available_credit_balance { ... on CanopyServicing_Int_container { Int } }
    }
  }
  statements: listStatements(account_id: $accountId) {
    ... on CanopyServicing_StatementList {
      statements_list { statement_id billing_cycle_end_date min_pay_amount_cents min_pay_due_date total_balance { ... on CanopyServicing_Int_container { Int } } }
    }
  }
}`;

const SECOND = (cuts: number) => `query DashboardSecond($accountId: UUID!, $productId: UUID!${Array.from({ length: cuts }, (_, i) => `, $cut${i}: DateTime`).join('')}) {
  product: getProduct(product_id: $productId) { ... on CanopyServicing_Product { name } }
${Array.from(
  { length: cuts },
  (_, i) => `  statement${i}: getStatement(account_id: $accountId, effective_as_of_date: $cut${i}) {
    ... on CanopyServicing_Statement { line_items { line_item_id type line_item_status effective_at originating_amount_cents } }
  }`,
).join('\n')}
}`;

export function firstRequest(ids: PeerIds): string {
  return JSON.stringify({
    query: FIRST,
    variables: { clientId: ids.clientId, requestId: ids.canopyReferenceId, repositId: ids.repositId, accountId: ids.accountId },
  });
}

interface FirstAnswer {
  data?: {
    account?: { product_id?: string };
    statements?: { statements_list?: Array<{ billing_cycle_end_date?: string }> };
  };
}

/** The second request, from the first answer: the product, and each of the last three statements as of its cut. */
export function secondRequest(ids: PeerIds, first: unknown): string {
  const data = (first as FirstAnswer).data;
  const latest = (data?.statements?.statements_list ?? []).slice(-3);
  const variables: Record<string, string> = { accountId: ids.accountId, productId: data?.account?.product_id ?? '' };
  latest.forEach((statement, i) => {
    variables[`cut${i}`] = new Date(new Date(statement.billing_cycle_end_date ?? 0).getTime() + 1_000).toISOString();
  });
  return JSON.stringify({ query: SECOND(latest.length), variables });
}
