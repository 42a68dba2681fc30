import { json, type SandboxRoute } from '../vendor-simulator';
import { authorised } from './auth';
import { repositError } from './errors';
import type { RepositStore } from './state';

export function supplierRoutes(store: RepositStore): SandboxRoute[] {
  return [
    {
      method: 'GET',
      path: '/v1/suppliers/me',
      handle: authorised(store, () => json(200, { ...store.supplier })),
    },
    {
      method: 'GET',
      path: '/v1/suppliers/:id/agents',
      // A key maps to one agency: any other supplier id is refused rather than looked up, so the
      // answer says nothing about which suppliers exist.
      handle: authorised(store, (request) =>
        request.params.id === store.supplier.id
          ? json(200, store.agents.map((agent) => ({ ...agent })))
          : json(403, repositError(403, `This API key has no access to supplier ${request.params.id}`)),
      ),
    },
  ];
}
