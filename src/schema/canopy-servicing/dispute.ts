import { lineItemKey } from '../../sources/canopy-servicing/loaders';
import type { Dispute as DisputeShape } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { ProblemList } from '../validation-error';
import { Account, loadAccount } from './account';
import { accountIdOf } from './account.validation';
import { forgetServicingAnswers } from './forget';
import { LineItem } from './line-item';
import { orNull } from '../not-found';
import { checkText } from '../input-checks';

const Dispute = builder.objectRef<DisputeShape>('Dispute').implement({
  description: 'A dispute of a line item.',
  fields: (t) => ({
    disputeId: t.exposeID('disputeId', {
      nullable: true,
      description: 'Null only when Canopy answered without a body and its line item does not show the dispute yet.',
    }),
    accountId: t.exposeID('accountId', { nullable: false }),
    lineItemId: t.exposeID('lineItemId', { nullable: false }),
    lineItem: t.field({
      type: LineItem,
      nullable: true,
      resolve: (dispute, _args, ctx) => orNull(ctx.loaders.canopyServicing.lineItem.load(lineItemKey(dispute.accountId, dispute.lineItemId))),
    }),
    account: t.field({ type: Account, nullable: true, resolve: (dispute, _args, ctx) => orNull(loadAccount(ctx, dispute.accountId)) }),
  }),
});

const DisputeLineItemInput = builder.inputRef<{ accountId: string; lineItemId: string }>('DisputeLineItemInput').implement({
  fields: (t) => ({
    accountId: t.id({ required: true, description: 'The account’s Canopy id or global id.' }),
    lineItemId: t.id({ required: true, description: 'The line item’s Canopy id.' }),
  }),
});

builder.mutationField('disputeLineItem', (t) =>
  t.field({
    type: Dispute,
    errors: {},
    description: 'Opens a dispute of a line item; disputing it again answers the dispute already open.',
    args: { input: t.arg({ type: DisputeLineItemInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      const accountId = accountIdOf(problems, 'accountId', String(input.accountId));
      checkText(problems, 'lineItemId', String(input.lineItemId));
      problems.throwIfAny();
      const dispute = await ctx.clients.canopyServicing.disputeLineItem(accountId, String(input.lineItemId).trim());
      forgetServicingAnswers(ctx);
      return dispute;
    },
  }),
);
