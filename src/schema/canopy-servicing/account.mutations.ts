import { builder } from '../builder';
import { linkAfterVendorWrite, withUnlinked } from '../links-after-write';
import { ProblemList } from '../validation-error';
import { Account, loadAccount } from './account';
import {
  accountIdOf,
  validateCreateAccount,
  validateUpdateAccount,
  type CreateAccountInputShape,
  type UpdateAccountInputShape,
} from './account.validation';
import { ExternalIdInput } from './external-id';
import { forgetServicingAnswers } from './forget';

const CreateAccountInput = builder.inputRef<CreateAccountInputShape>('CreateAccountInput').implement({
  description: 'An account for one end user of a live product.',
  fields: (t) => ({
    productId: t.id({ required: true, description: 'The product’s Canopy id or global id.' }),
    externalIds: t.field({ type: [ExternalIdInput], description: 'Ids connecting the account to users in other systems.' }),
    creditLimitCents: t.field({
      type: 'SafeInt',
      description: 'What the account can borrow, in US cents; the product’s default when absent.',
    }),
    rate: t.float({ description: 'The account’s interest rate in percent (6.2 means 6.2%); the product’s default when absent.' }),
    email: t.string({ description: 'The e-mail of the tenant the account is for: the account then shows under `tenant(email:)`.' }),
  }),
});

const UpdateAccountInput = builder.inputRef<UpdateAccountInputShape>('UpdateAccountInput').implement({
  fields: (t) => ({
    accountId: t.id({ required: true, description: 'The account’s Canopy id or global id.' }),
    creditLimitCents: t.field({ type: 'SafeInt', description: 'The new credit limit, in US cents.' }),
    rate: t.float({ description: 'The new interest rate in percent.' }),
  }),
});

const DeleteAccountInput = builder.inputRef<{ accountId: string }>('DeleteAccountInput').implement({
  fields: (t) => ({ accountId: t.id({ required: true, description: 'The account’s Canopy id or global id.' }) }),
});

const DeletedAccount = builder.objectRef<{ accountId: string }>('DeletedAccount').implement({
  description: 'An account Canopy deleted.',
  fields: (t) => ({ accountId: t.exposeID('accountId', { nullable: false }) }),
});

builder.mutationField('createAccount', (t) =>
  t.field({
    type: Account,
    errors: { result: withUnlinked },
    description: 'Creates an account under a live product; line items can then be added to it.',
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { account: request, email } = validateCreateAccount(input);
      const account = await ctx.clients.canopyServicing.createAccount(request);
      forgetServicingAnswers(ctx);
      ctx.loaders.canopyServicing.account.prime(account.accountId, account);
      return linkAfterVendorWrite(ctx, account, email ? [{ email, kind: 'account', vendorId: account.accountId }] : []);
    },
  }),
);

builder.mutationField('updateAccount', (t) =>
  t.field({
    type: Account,
    errors: {},
    description: 'Changes an account’s credit limit or interest rate, and answers the account as Canopy then has it.',
    args: { input: t.arg({ type: UpdateAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { accountId, update } = validateUpdateAccount(input);
      await ctx.clients.canopyServicing.updateAccount(accountId, update);
      forgetServicingAnswers(ctx);
      return loadAccount(ctx, accountId);
    },
  }),
);

builder.mutationField('deleteAccount', (t) =>
  t.field({
    type: DeletedAccount,
    errors: {},
    description: 'Deletes an account, and its links to tenants.',
    args: { input: t.arg({ type: DeleteAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      const accountId = accountIdOf(problems, 'accountId', input.accountId);
      problems.throwIfAny();
      await ctx.clients.canopyServicing.deleteAccount(accountId);
      forgetServicingAnswers(ctx);
      const [emails = []] = await ctx.links.emailsFor(ctx.agency.id, 'account', [accountId]);
      await Promise.all(emails.map((email) => ctx.links.unlink(ctx.agency.id, email, 'account', accountId)));
      return { accountId };
    },
  }),
);
