import { readFileSync } from 'node:fs';
import { demoPeople } from '../../src/sandbox/demo-people';

/** One GraphQL request the benchmarks send, as the body a front end would POST. */
export interface BenchQuery {
  name: string;
  body: string;
  /** Rounds of vendor calls that wait on an earlier round, as the data dictates (not as a gateway happens to order them). */
  dependentDepth: number;
}

const DASHBOARD = readFileSync(new URL('../../operations/tenant-dashboard.graphql', import.meta.url), 'utf8');
const PEOPLE = demoPeople(50).map((person) => person.email);
export const DASHBOARD_EMAIL = PEOPLE[0]!;

/** The dashboard's selection for many tenants at once: the same fields through `tenants(emails:)`. */
const TENANT_LIST = DASHBOARD.replace(/query TenantDashboard\([^)]*\)/, 'query TenantList($emails: [String!]!)').replace(
  'tenant(email: $email)',
  'tenants(emails: $emails)',
);

const ACCOUNTS = `query AccountList {
  accounts(first: 20) {
    edges {
      node {
        accountId
        status
        product { name }
        summary { totalBalance { decimal currency } availableCredit { decimal } }
        statement {
          billingCycleEnd
          totalBalance { decimal }
          minPayAmount { decimal }
          minPayDueDate
          lineItems { lineItemId type status effectiveAt originatingAmount { minorUnits currency } }
        }
      }
    }
  }
}`;

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/**
 * The three screens. Depths: the dashboard reads an account, then its product, and a statement
 * list, then each statement (2); passports, notes, reposits and policies need only linked ids (1).
 * The account list reads a page, then each account's product, summary and statement (2).
 */
export const BENCH_QUERIES: BenchQuery[] = [
  { name: 'tenant dashboard (1 tenant)', body: body(DASHBOARD, { email: DASHBOARD_EMAIL }), dependentDepth: 2 },
  { name: 'tenant list (50 tenants)', body: body(TENANT_LIST, { emails: PEOPLE }), dependentDepth: 2 },
  { name: 'accounts (20) with product, summary, latest statement', body: body(ACCOUNTS), dependentDepth: 2 },
];

export const DASHBOARD_QUERY = BENCH_QUERIES[0]!;
