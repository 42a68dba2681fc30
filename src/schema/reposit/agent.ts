import type { GatewayContext } from '../../context';
import type { RepositAgent as RepositAgentShape } from '../../sources/reposit/types';
import { builder } from '../builder';
import { ownSupplier, RepositSupplier } from './supplier';

async function agentsOf(ctx: GatewayContext, supplierId: string): Promise<RepositAgentShape[]> {
  return ctx.loaders.reposit.agents.load(supplierId);
}

export const RepositAgent = builder.node(builder.objectRef<RepositAgentShape>('RepositAgent'), {
  description: 'An agent user of the supplier. The agent named on a Reposit owns it and receives its notifications.',
  id: { resolve: (agent) => agent.id },
  // Reposit lists agents only per supplier: one list answers every agent id.
  loadOne: async (id, ctx) => {
    const supplier = await ownSupplier(ctx);
    const agents = await agentsOf(ctx, supplier.id);
    return agents.find((agent) => agent.id === id) ?? null;
  },
  fields: (t) => ({
    agentId: t.exposeID('id', {
      nullable: false,
      description: 'Reposit’s id of the agent (`usr_…`): the `agentId` of createReposit.',
    }),
    firstName: t.exposeString('firstName', { nullable: false }),
    lastName: t.exposeString('lastName', { nullable: false }),
  }),
});

builder.objectField(RepositSupplier, 'agents', (t) =>
  t.field({
    type: [RepositAgent],
    nullable: true,
    description: 'Every agent user of the supplier: one of them is chosen when creating a Reposit.',
    resolve: (supplier, _args, ctx) => agentsOf(ctx, supplier.id),
  }),
);
