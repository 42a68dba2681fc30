import type { GatewayContext } from '../../context';
import { REPOSIT_POLICY_CATEGORY_VALUES, type RepositPolicy } from '../../sources/reposit/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { PolicyCategoryEnum } from './enums';
import { isNotFound } from '../not-found';
import { Reposit } from './reposit';

/** A policy with the Reposit it covers: Reposit finds policies only through their Reposit. */
export interface PolicyShape extends RepositPolicy {
  repositId: string;
}

/** A policy's global id carries its Reposit's id too, so `node(id:)` can find it again. */
interface PolicyKey {
  repositId: string;
  policyId: string;
}

/** `rep_x:pol_y` as its owner (`rep_x`) and the rest; no owner when there is no `:`. */
export function parseOwnedId(id: string): { owner: string; rest: string } {
  const at = id.indexOf(':');
  return at < 0 ? { owner: '', rest: id } : { owner: id.slice(0, at), rest: id.slice(at + 1) };
}

/** The policies of a Reposit, through the loader. */
export async function policiesOf(ctx: GatewayContext, repositId: string): Promise<PolicyShape[]> {
  const policies = await ctx.loaders.reposit.policies.load(repositId);
  return policies.map((policy) => ({ ...policy, repositId }));
}

/** For `node(id:)`: the policies of a Reposit, none if Reposit no longer knows it. */
export async function refetchPolicies(ctx: GatewayContext, repositId: string): Promise<PolicyShape[]> {
  if (!repositId) return [];
  try {
    return await policiesOf(ctx, repositId);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

const PolicyType = builder.simpleObject('PolicyType', {
  description: 'A particular type of insurance policy; Reposits get different ones depending on the duration and amount of cover.',
  fields: (t) => ({
    policyTypeId: t.id({ nullable: false, description: 'Identifier of the policy type, e.g. CAN_V2_3000_24.' }),
    category: t.field({ nullable: false, type: PolicyCategoryEnum }),
  }),
});

export const Policy = builder.node(builder.objectRef<PolicyShape>('Policy'), {
  description: 'An insurance policy issued for a Reposit, covering the landlord once the Reposit is active.',
  id: {
    resolve: (policy) => `${policy.repositId}:${policy.id}`,
    parse: (id): PolicyKey => {
      const { owner, rest } = parseOwnedId(id);
      return { repositId: owner, policyId: rest };
    },
  },
  loadOne: async (key, ctx) => {
    const policies = await refetchPolicies(ctx, key.repositId);
    return policies.find((policy) => policy.id === key.policyId) ?? null;
  },
  fields: (t) => ({
    policyId: t.exposeID('id', { nullable: false, description: 'Reposit’s id of the policy (`pol_…`).' }),
    type: t.field({
      nullable: false,
      type: PolicyType,
      description: 'Type of insurance policy.',
      resolve: (policy) => ({
        policyTypeId: policy.typeId,
        category: listed('PolicyCategory', REPOSIT_POLICY_CATEGORY_VALUES, policy.category),
      }),
    }),
    startDate: t.field({
      nullable: false,
      type: 'DateTime',
      description: 'Policy cover start date.',
      resolve: (policy) => policy.startDate,
    }),
    endDate: t.field({
      nullable: false,
      type: 'DateTime',
      description: 'Policy cover end date.',
      resolve: (policy) => policy.endDate,
    }),
  }),
});

builder.objectField(Reposit, 'policies', (t) =>
  t.field({
    nullable: false,
    type: [Policy],
    description: 'Insurance policies issued for the Reposit: none until it becomes active.',
    resolve: (reposit, _args, ctx) => policiesOf(ctx, reposit.id),
  }),
);
