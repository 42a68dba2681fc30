import { json, type SandboxReply, type SandboxRequest, type SandboxRoute } from '../vendor-simulator';
import { authorised } from './auth';
import { repositError } from './errors';
import { presentReposit } from './present';
import type { RepositRecord, RepositStore } from './state';
import { checkCreateReposit } from './validate-create';

export function repositRoutes(store: RepositStore, now: () => Date): SandboxRoute[] {
  /** The Reposit named in the path, or the 404 Reposit answers for an id it does not know. */
  function withReposit(answer: (record: RepositRecord, request: SandboxRequest) => SandboxReply) {
    return authorised(store, (request) => {
      const record = store.reposits.get(request.params.id ?? '');
      return record ? answer(record, request) : json(404, repositError(404, `Reposit ${request.params.id} not found`));
    });
  }

  return [
    {
      method: 'POST',
      path: '/v1/reposits',
      handle: authorised(store, (request) => {
        const check = checkCreateReposit(request.body, (id) => store.agent(id) !== undefined);
        if (!check.ok) return json(400, repositError(400, check.problems));
        const body = check.request;
        const createdAt = now().toISOString();
        const record = store.add({
          id: store.nextRepositId(),
          ppm: body.ppm,
          headcount: body.headcount,
          startDate: body.startDate,
          endDate: body.endDate,
          // Left unset, Reposit keeps null (and shows it), though it documents false as the default.
          letOnly: body.letOnly ?? null,
          createdAt,
          closedAt: null,
          deactivatedAt: null,
          address: structuredClone(body.address),
          agentId: body.agentId,
          tenants: body.tenantEmails.map((email) => ({ email, createdAt, status: 'INVITED' })),
          landlord: structuredClone(body.landlord),
          policies: [],
        });
        // The docs show no create response; Reposit answers with the new Reposit, as GET shows it.
        return json(201, presentReposit(store, record, request.baseUrl));
      }),
    },
    {
      method: 'GET',
      path: '/v1/reposits/:id',
      handle: withReposit((record, request) => json(200, presentReposit(store, record, request.baseUrl))),
    },
    {
      method: 'GET',
      path: '/v1/reposits/:id/policies',
      handle: withReposit((record) => json(200, structuredClone(record.policies))),
    },
    {
      method: 'GET',
      path: '/v1/reposits/:id/landlord',
      // The docs only say the URL gives "more information about the landlord": the Landlord object.
      handle: withReposit((record) => json(200, structuredClone(record.landlord))),
    },
  ];
}
