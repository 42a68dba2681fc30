import type { LinkStore } from '../links/link-store';
import type { RunningSandbox } from './start';

/**
 * Writes the links of the sandbox's demo data, as if the gateway had created every seeded
 * referencing request, reposit and account itself: no vendor can list them by e-mail.
 */
export async function seedSandboxLinks(links: LinkStore, agencyId: string, simulators: RunningSandbox['simulators']): Promise<void> {
  const writes: Array<Promise<void>> = [];
  for (const request of simulators.canopyReferencing.state.requests.values()) {
    writes.push(links.link(agencyId, request.email, 'referencingRequest', request.canopyReferenceId));
  }
  for (const reposit of simulators.reposit.state.reposits.values()) {
    for (const tenant of reposit.tenants) writes.push(links.link(agencyId, tenant.email, 'reposit', reposit.id));
  }
  for (const [email, accountId] of simulators.canopyServicing.state.accountIdByEmail) {
    writes.push(links.link(agencyId, email, 'account', accountId));
  }
  await Promise.all(writes);
}
