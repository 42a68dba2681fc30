import { builder } from '../builder';
import { vendorIdOf } from '../global-id';
import { ProblemList } from '../validation-error';
import { CanopyBranch } from './branch';
import { checkText, checkUuid } from '../input-checks';

interface BranchLinkShape {
  clientBranchId: string;
  canopyBranchId: string;
}

const LinkCanopyBranchInput = builder.inputType('LinkCanopyBranchInput', {
  fields: (t) => ({
    canopyBranchId: t.id({ required: true, description: 'A Canopy branch id (or its global id) from `canopyBranches`.' }),
    clientBranchId: t.id({ required: true, description: 'The agency’s own branch id: a UUID, linked to one Canopy branch only.' }),
  }),
});

const UnlinkCanopyBranchInput = builder.inputType('UnlinkCanopyBranchInput', {
  fields: (t) => ({ clientBranchId: t.id({ required: true, description: 'The client branch id to unlink.' }) }),
});

const CanopyBranchLink = builder.objectRef<BranchLinkShape>('CanopyBranchLink').implement({
  description: 'A client branch id linked to a Canopy branch; referencing requests may name the client branch id.',
  fields: (t) => ({
    clientBranchId: t.exposeID('clientBranchId'),
    branch: t.field({
      type: CanopyBranch,
      nullable: true,
      resolve: (link, _args, ctx) => ctx.loaders.canopyReferencing.branch.load(link.canopyBranchId),
    }),
  }),
});

const CanopyBranchUnlinked = builder.simpleObject('CanopyBranchUnlinked', {
  description: 'A client branch id no longer linked to any Canopy branch.',
  fields: (t) => ({ clientBranchId: t.id() }),
});

function validClientBranchId(problems: ProblemList, clientBranchId: string): void {
  checkText(problems, 'clientBranchId', clientBranchId);
  if (clientBranchId.trim() !== '') checkUuid(problems, 'clientBranchId', clientBranchId);
}

builder.mutationFields((t) => ({
  linkCanopyBranch: t.field({
    type: CanopyBranchLink,
    errors: {},
    description: 'Links a Canopy branch to one of the agency’s branch ids, so referencing requests can name it as `branchId`.',
    args: { input: t.arg({ type: LinkCanopyBranchInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      const canopyBranchId = vendorIdOf('CanopyBranch', String(input.canopyBranchId));
      const clientBranchId = String(input.clientBranchId);
      checkText(problems, 'canopyBranchId', canopyBranchId);
      validClientBranchId(problems, clientBranchId);
      problems.throwIfAny();
      const linked = await ctx.clients.canopyReferencing.linkBranch({ canopyBranchId, clientBranchId });
      return { clientBranchId, canopyBranchId: linked.canopyBranchId };
    },
  }),
  unlinkCanopyBranch: t.field({
    type: CanopyBranchUnlinked,
    errors: {},
    description: 'Removes the link of one of the agency’s branch ids to its Canopy branch.',
    args: { input: t.arg({ type: UnlinkCanopyBranchInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      validClientBranchId(problems, String(input.clientBranchId));
      problems.throwIfAny();
      return { clientBranchId: await ctx.clients.canopyReferencing.deleteBranchMapping(String(input.clientBranchId)) };
    },
  }),
}));
