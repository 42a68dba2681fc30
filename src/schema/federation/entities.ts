import { builder } from '../builder';
import { loadReferencingRequests, ReferencingRequest } from '../canopy-referencing/referencing-request';
import { Account, loadAccount } from '../canopy-servicing/account';
import { orNull } from '../not-found';
import { Reposit, repositOrNull } from '../reposit/reposit';
import { Tenant, tenantOf } from '../tenant';
import { entityKeyOf } from './entity-keys';

// Each entity resolves through the request's loaders, as its root field does: a router's
// representations of one batch share their vendor calls, and an id the agency's vendor
// account does not know answers null, as `node(id:)` does for another agency's id.

builder.asEntity(Tenant, {
  key: builder.selection<{ email: string }>('email'),
  resolveReference: (representation) => tenantOf(entityKeyOf('Tenant', representation)),
});

builder.asEntity(ReferencingRequest, {
  key: [builder.selection<{ canopyReferenceId: string }>('canopyReferenceId'), builder.selection<{ id: string }>('id')],
  resolveReference: async (representation, ctx) =>
    (await loadReferencingRequests(ctx, [entityKeyOf('ReferencingRequest', representation)]))[0] ?? null,
});

builder.asEntity(Reposit, {
  key: [builder.selection<{ repositId: string }>('repositId'), builder.selection<{ id: string }>('id')],
  resolveReference: (representation, ctx) => repositOrNull(ctx, entityKeyOf('Reposit', representation)),
});

builder.asEntity(Account, {
  key: [builder.selection<{ accountId: string }>('accountId'), builder.selection<{ id: string }>('id')],
  resolveReference: (representation, ctx) => orNull(loadAccount(ctx, entityKeyOf('Account', representation))),
});
