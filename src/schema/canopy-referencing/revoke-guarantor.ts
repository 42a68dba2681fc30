import { builder } from '../builder';
import { ProblemList } from '../validation-error';
import { checkEmail } from '../input-checks';

const RevokeGuarantorRequestInput = builder.inputType('RevokeGuarantorRequestInput', {
  fields: (t) => ({ email: t.string({ required: true, description: 'The renter whose guarantor request to withdraw.' }) }),
});

const GuarantorRequestRevoked = builder.simpleObject('GuarantorRequestRevoked', {
  description: 'The renter’s guarantor request is withdrawn; Canopy reports GUARANTOR_REQUEST_CANCELLED.',
  fields: (t) => ({ email: t.string() }),
});

builder.mutationField('revokeGuarantorRequest', (t) =>
  t.field({
    type: GuarantorRequestRevoked,
    errors: {},
    description: 'Withdraws the guarantor request made for a renter.',
    args: { input: t.arg({ type: RevokeGuarantorRequestInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      checkEmail(problems, 'email', input.email);
      problems.throwIfAny();
      const email = input.email.trim();
      await ctx.clients.canopyReferencing.revokeGuarantorRequest(email);
      return { email };
    },
  }),
);
