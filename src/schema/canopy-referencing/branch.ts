import { ALL_BRANCHES, type ReferencingBranch } from '../../sources/canopy-referencing/loaders';
import type { CanopyBranchAddress } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { CANOPY_REFERENCING_ID } from '../../sources/id-formats';
import { nodeIdParser } from '../global-id';

const BranchAddress = builder.objectRef<CanopyBranchAddress>('CanopyBranchAddress').implement({
  description: 'The address of a Canopy branch.',
  fields: (t) => {
    const part = (name: Exclude<keyof CanopyBranchAddress, 'id'>) =>
      t.string({ nullable: true, resolve: (address) => address[name] ?? null });
    return {
      addressId: t.exposeID('id', { description: 'Canopy’s id of the address.' }),
      line1: part('line1'),
      line2: part('line2'),
      line3: part('line3'),
      flat: part('flat'),
      houseNumber: part('houseNumber'),
      houseName: part('houseName'),
      street: part('street'),
      district: part('district'),
      town: part('town'),
      postCode: part('postCode'),
      countryCode: t.string({
        nullable: true,
        description: 'ISO 3166-1 alpha-2, e.g. GB.',
        resolve: (address) => address.countryCode ?? null,
      }),
    };
  },
});

export const CanopyBranch = builder.node(builder.objectRef<ReferencingBranch>('CanopyBranch'), {
  description:
    'A branch of the agency in Canopy. Renters connect to a branch, not to the company; a referencing request names a branch by a client branch id linked to it.',
  id: { resolve: (branch) => branch.canopyBranchId, parse: nodeIdParser('CanopyBranch', CANOPY_REFERENCING_ID) },
  loadMany: async (ids, ctx) =>
    (await ctx.loaders.canopyReferencing.branch.loadMany(ids)).map((branch) => {
      if (branch instanceof Error) throw branch;
      return branch;
    }),
  fields: (t) => ({
    canopyBranchId: t.exposeID('canopyBranchId', { description: 'Canopy’s id of the branch.' }),
    name: t.exposeString('branchName', { description: 'The name of the Canopy branch.' }),
    address: t.field({ type: BranchAddress, resolve: (branch) => branch.branchAddress }),
    clientBranchIds: t.exposeIDList('clientBranchIds', {
      description: 'The agency’s own branch ids linked to this Canopy branch; empty when none is.',
    }),
  }),
});

builder.queryField('canopyBranches', (t) =>
  t.field({
    type: [CanopyBranch],
    description: 'The agency’s Canopy branches, each with the client branch ids linked to it.',
    resolve: (_root, _args, ctx) => ctx.loaders.canopyReferencing.branches.load(ALL_BRANCHES),
  }),
);
