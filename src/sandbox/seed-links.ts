import type { LinkStore } from '../links/link-store';
import type { ReportDocumentStore } from '../links/report-documents';
import { readCanopyNotification } from '../sources/canopy-referencing/notifications';
import type { SandboxSimulators } from './accounts';
import { completedReportBody } from './canopy-referencing/notifications';

/**
 * Writes, for the agency that holds one sandbox account, what the gateway would know of that
 * account's demo data had it created every seeded referencing request, reposit and account
 * itself, and received the completed-report callbacks of the seeded passports: no vendor can
 * list these by e-mail.
 */
export async function seedSandboxLinks(
  stores: { links: LinkStore; reportDocuments: ReportDocumentStore },
  agencyId: string,
  simulators: SandboxSimulators,
): Promise<void> {
  const { links, reportDocuments } = stores;
  const writes: Array<Promise<void>> = [];
  for (const request of simulators.canopyReferencing.state.requests.values()) {
    writes.push(links.link(agencyId, request.email, 'referencingRequest', request.canopyReferenceId));
    if (request.documents) {
      const callback = readCanopyNotification(completedReportBody(simulators.canopyReferencing.state, request));
      if (callback.kind === 'completedReport') writes.push(reportDocuments.save(agencyId, request.canopyReferenceId, callback.document));
    }
  }
  for (const reposit of simulators.reposit.state.reposits.values()) {
    for (const tenant of reposit.tenants) writes.push(links.link(agencyId, tenant.email, 'reposit', reposit.id));
  }
  for (const [email, accountId] of simulators.canopyServicing.state.accountIdByEmail) {
    writes.push(links.link(agencyId, email, 'account', accountId));
  }
  await Promise.all(writes);
}
