import type { GatewayContext } from '../context';
import { isEmail } from '../links/email';
import type { LinkKind } from '../links/link-store';
import { builder } from './builder';
import { loadAccounts } from './canopy-servicing/account';
import { loadReferencingRequests } from './canopy-referencing/referencing-request';
import { loadReposits } from './reposit/reposit';
import { Tenant, tenantOf, type TenantShape } from './tenant';
import { ProblemList } from './validation-error';

const TARGETS = {
  referencingRequestId: { kind: 'referencingRequest', what: 'Canopy Referencing request', load: loadReferencingRequests },
  repositId: { kind: 'reposit', what: 'reposit', load: loadReposits },
  accountId: { kind: 'account', what: 'Canopy Servicing account', load: loadAccounts },
} satisfies Record<string, { kind: LinkKind; what: string; load: (ctx: GatewayContext, ids: string[]) => Promise<unknown[]> }>;

type TargetField = keyof typeof TARGETS;

const LinkTenantInput = builder.inputType('LinkTenantInput', {
  description: 'A tenant e-mail and exactly one existing vendor object to link it to.',
  fields: (t) => ({
    email: t.string({ required: true }),
    referencingRequestId: t.id({ description: 'A canopyReferenceId.' }),
    repositId: t.id(),
    accountId: t.id({ description: 'A Canopy Servicing account id.' }),
  }),
});

interface LinkTenantArgs {
  email: string;
  referencingRequestId?: string | number | null;
  repositId?: string | number | null;
  accountId?: string | number | null;
}

/** The tenant and the one vendor object the input names; throws ValidationError otherwise. */
function chosenLink(input: LinkTenantArgs): { tenant: TenantShape; field: TargetField; id: string } {
  const problems = new ProblemList();
  const tenant = tenantOf(input.email);
  if (!isEmail(tenant.email)) problems.add('email', 'format', 'must be an e-mail address');
  const given = (Object.keys(TARGETS) as TargetField[]).filter((field) => input[field] !== null && input[field] !== undefined);
  if (given.length !== 1) {
    problems.add('referencingRequestId', 'exactlyOne', 'give exactly one of referencingRequestId, repositId and accountId');
  }
  problems.throwIfAny();
  const field = given[0] as TargetField;
  return { tenant, field, id: String(input[field]) };
}

async function requireExists(ctx: GatewayContext, field: TargetField, id: string): Promise<void> {
  const found = await TARGETS[field].load(ctx, [id]);
  if (found.length > 0) return;
  const problems = new ProblemList();
  problems.add(field, 'exists', `there is no ${TARGETS[field].what} ${JSON.stringify(id)}`);
  problems.throwIfAny();
}

const LinkTenantPayload = builder.simpleObject('LinkTenantPayload', {
  fields: (t) => ({ tenant: t.field({ type: Tenant }) }),
});

builder.mutationFields((t) => ({
  linkTenant: t.field({
    type: LinkTenantPayload,
    description:
      'Links an existing vendor object, made outside the gateway, to a tenant e-mail, so that the tenant’s lists include it.',
    errors: {},
    args: { input: t.arg({ type: LinkTenantInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const { tenant, field, id } = chosenLink(input);
      await requireExists(ctx, field, id);
      await ctx.links.link(ctx.agency.id, tenant.email, TARGETS[field].kind, id);
      return { tenant };
    },
  }),
  unlinkTenant: t.field({
    type: LinkTenantPayload,
    description: 'Removes a link made by linkTenant or by the gateway.',
    errors: {},
    args: { input: t.arg({ type: LinkTenantInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const { tenant, field, id } = chosenLink(input);
      await ctx.links.unlink(ctx.agency.id, tenant.email, TARGETS[field].kind, id);
      return { tenant };
    },
  }),
}));
