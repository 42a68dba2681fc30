import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ReportLinks } from '../../src/http/report-links';
import { normaliseEmail } from '../../src/links/email';
import type { LinkStore } from '../../src/links/link-store';
import { SCREENING_STATUS_VALUES, SECTION_STATUS_VALUES } from '../../src/sources/canopy-referencing/enums';
import { ACCOUNT_STATUS_VALUES, LINE_ITEM_STATUS_VALUES, LINE_ITEM_TYPE_VALUES } from '../../src/sources/canopy-servicing/types';
import type { LineItem, Statement } from '../../src/sources/canopy-servicing/types';
import type { VendorClients } from '../../src/sources/clients';
import { REPOSIT_POLICY_CATEGORY_VALUES, REPOSIT_TENANT_STATUS_VALUES } from '../../src/sources/reposit/types';

/**
 * The tenant dashboard by hand: the same links and vendor calls as rentgraph (through the same
 * vendor clients and pools, so auth, timeouts and parsing cost the same), assembled straight
 * into the JSON rentgraph answers, with no GraphQL at all. The floor a gateway is measured against.
 */
export interface FloorDeps {
  clients: VendorClients;
  links: LinkStore;
  reportLinks: ReportLinks;
}

export async function floorDashboard({ clients, links, reportLinks }: FloorDeps, agencyId: string, rawEmail: string) {
  const email = normaliseEmail(rawEmail);
  const [[requestIds = []], [repositIds = []], [accountIds = []]] = await Promise.all([
    links.idsFor(agencyId, [email], 'referencingRequest'),
    links.idsFor(agencyId, [email], 'reposit'),
    links.idsFor(agencyId, [email], 'account'),
  ]);
  const [referencingRequests, reposits, accounts] = await Promise.all([
    Promise.all(requestIds.map((id) => referencingRequest(clients, reportLinks, agencyId, id))),
    Promise.all(repositIds.map((id) => reposit(clients, id))),
    Promise.all(accountIds.map((id) => account(clients, id))),
  ]);
  return { data: { tenant: { email, referencingRequests, reposits, accounts } } };
}

async function referencingRequest(clients: VendorClients, reportLinks: ReportLinks, agencyId: string, canopyReferenceId: string) {
  const [, passport, intermediateReportPdfUrl] = await Promise.all([
    clients.canopyReferencing.getPassportNotes(canopyReferenceId),
    clients.canopyReferencing.getRentPassport(canopyReferenceId),
    reportLinks.canopyIntermediateReportUrl(agencyId, canopyReferenceId),
  ]);
  return {
    canopyReferenceId,
    status: enumName(SCREENING_STATUS_VALUES, passport.overallStatus),
    completed: passport.ready,
    intermediateReportPdfUrl,
    rentPassport: {
      globalStatus: enumName(SCREENING_STATUS_VALUES, passport.overallStatus),
      instant: {
        status: enumName(SCREENING_STATUS_VALUES, passport.instant.overall),
        creditCheck: enumName(SECTION_STATUS_VALUES, passport.instant.creditCheck),
        income: enumName(SECTION_STATUS_VALUES, passport.instant.income),
        rent: enumName(SECTION_STATUS_VALUES, passport.instant.rent),
        savings: enumName(SECTION_STATUS_VALUES, passport.instant.savings),
      },
      full: {
        status: enumName(SCREENING_STATUS_VALUES, passport.full.overall),
        landlordReference: enumName(SECTION_STATUS_VALUES, passport.full.landlordReference),
        employerReference: enumName(SECTION_STATUS_VALUES, passport.full.employerReference),
      },
      monthlyRentAffordability:
        passport.monthlyRentAffordability === undefined ? null : { decimal: decimal(passport.monthlyRentAffordability), currency: 'GBP' },
    },
  };
}

async function reposit(clients: VendorClients, id: string) {
  const [record, policies] = await Promise.all([clients.reposit.getReposit(id), clients.reposit.listPolicies(id)]);
  return {
    id: encodeGlobalID('Reposit', id),
    repositId: id,
    status: record.status,
    monthlyRent: { minorUnits: record.monthlyRentPence, currency: 'GBP', decimal: decimal(record.monthlyRentPence) },
    tenants: record.tenants.map((tenant) => ({ email: tenant.email, status: enumName(REPOSIT_TENANT_STATUS_VALUES, tenant.status) })),
    policies: policies.map((policy) => ({
      policyId: policy.id,
      startDate: policy.startDate.toISOString(),
      endDate: policy.endDate.toISOString(),
      type: { category: enumName(REPOSIT_POLICY_CATEGORY_VALUES, policy.category) },
    })),
  };
}

async function account(clients: VendorClients, accountId: string) {
  const servicing = clients.canopyServicing;
  const [record, summary, list] = await Promise.all([
    servicing.getAccount(accountId),
    servicing.getAccountSummary(accountId),
    servicing.listStatements(accountId),
  ]);
  const latest = list.statements.slice(-3);
  const [product, cuts] = await Promise.all([
    servicing.getProduct(record.productId ?? ''),
    // line items come only with the statement as of its cut, a second after its cycle ends
    Promise.all(latest.map((s) => servicing.getStatement(accountId, { effectiveAsOf: s.billingCycleEnd && new Date(s.billingCycleEnd.getTime() + 1_000) }))),
  ]);
  return {
    id: encodeGlobalID('Account', accountId),
    accountId,
    status: enumName(ACCOUNT_STATUS_VALUES, record.status),
    product: { name: product.name },
    summary: {
      totalBalance: { decimal: decimal(summary.totalBalanceCents), currency: 'USD' },
      availableCredit: { decimal: decimal(summary.availableCreditCents) },
    },
    statements: latest.map((statement, i) => ({
      id: encodeGlobalID('Statement', `${accountId}/${statement.billingCycleEnd?.toISOString() ?? statement.statementId}`),
      billingCycleEnd: statement.billingCycleEnd?.toISOString() ?? null,
      totalBalance: { decimal: decimal(statement.totalBalanceCents) },
      minPayAmount: { decimal: decimal(statement.minPayAmountCents) },
      minPayDueDate: statement.minPayDueDate?.toISOString() ?? null,
      lineItems: ofCycle(cuts[i]!, statement.billingCycleEnd) ? (cuts[i]!.lineItems ?? []).map(lineItem) : null,
    })),
  };
}

/** As rentgraph checks it: the statement Canopy answered at the cut is of the cycle asked for. */
function ofCycle(cut: Statement, billingCycleEnd: Date | undefined): boolean {
  return cut.billingCycleEnd !== undefined && cut.billingCycleEnd.getTime() === billingCycleEnd?.getTime();
}

function lineItem(item: LineItem) {
  return {
    lineItemId: item.lineItemId,
    type: enumName(LINE_ITEM_TYPE_VALUES, item.type),
    status: enumName(LINE_ITEM_STATUS_VALUES, item.status),
    effectiveAt: item.effectiveAt.toISOString(),
    originatingAmount: item.originatingAmountCents === undefined ? null : { minorUnits: item.originatingAmountCents, currency: 'USD' },
  };
}

/** A vendor value as rentgraph's vendor enums print it: its GraphQL name, or UNLISTED. */
function enumName(values: readonly string[], value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!values.includes(value)) return 'UNLISTED';
  const name = value.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function decimal(minorUnits: number): string {
  const sign = minorUnits < 0 ? '-' : '';
  const absolute = Math.abs(minorUnits);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
