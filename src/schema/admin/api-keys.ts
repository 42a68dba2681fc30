import type { GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { ApiKeyRecord, ApiKeyStore } from '../../auth/api-keys';
import { SCOPES, type Scope } from '../../auth/principal';
import type { GatewayContext } from '../../context';
import { builder } from '../builder';
import { asValidationErrors } from './field-errors';
import { AdminStoreMissing, ApiKeyNotFound } from './refusals';
import { requireOperator } from './rights';

const ScopeEnum = builder.enumType('Scope', {
  values: Object.fromEntries(SCOPES.map((scope) => [scope.toUpperCase(), { value: scope }])) as Record<Uppercase<Scope>, { value: Scope }>,
});

const ApiKey = builder.objectRef<ApiKeyRecord>('ApiKey').implement({
  description: 'An API key for servers, sent as `x-api-key`. Neither the key nor its hash is ever shown after it is made.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    agencyId: t.exposeID('agencyId', { nullable: true, description: 'Null: a key for all agencies, which names one per request with `x-agency-id`.' }),
    scopes: t.field({ type: [ScopeEnum], resolve: (record) => record.scopes }),
    createdAt: t.field({ type: 'DateTime', resolve: (record) => new Date(record.createdAt) }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the key is for, 1 to 100 characters.' }),
    scopes: t.field({ type: [ScopeEnum], required: true, description: 'At most the scopes the caller holds.' }),
    allAgencies: t.boolean({ defaultValue: false, description: 'A key for all agencies; only a CRM operator makes one.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const ApiKeyCreated = builder.simpleObject('ApiKeyCreated', {
  fields: (t) => ({
    key: t.string({ description: 'The key itself, shown this once: the gateway keeps only its hash.' }),
    apiKey: t.field({ type: ApiKey }),
  }),
});

const ApiKeyRevoked = builder.simpleObject('ApiKeyRevoked', {
  description: 'The key is refused from the next request, on every instance; its live subscriptions end.',
  fields: (t) => ({ id: t.id() }),
});

function storeOf(ctx: GatewayContext): ApiKeyStore {
  if (!ctx.admin.apiKeys) throw new AdminStoreMissing('API keys');
  return ctx.admin.apiKeys;
}

/** A key never holds more than its maker: an admin without `pii` cannot mint a key with it. */
function requireHeldScopes(ctx: GatewayContext, info: GraphQLResolveInfo, scopes: readonly Scope[]): void {
  const unheld = scopes.filter((scope) => !ctx.principal.scopes.has(scope));
  if (unheld.length === 0) return;
  throw createGraphQLError(`${info.parentType.name}.${info.fieldName}: scopes may hold only scopes the caller holds; it lacks ${unheld.join(', ')}`, {
    extensions: { code: 'FORBIDDEN' },
  });
}

builder.queryField('apiKeys', (t) =>
  t.field({
    type: [ApiKey],
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'The API keys bound to the caller’s agency, oldest first; for a CRM operator, the keys for all agencies after them.',
    resolve: async (_root, _args, ctx) => {
      const store = ctx.admin.apiKeys;
      if (!store) return [];
      const own = await store.list(ctx.agency.id);
      return ctx.principal.allAgencies ? [...own, ...(await store.list(null))] : own;
    },
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: ApiKeyCreated,
    errors: { types: [AdminStoreMissing] },
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Makes an API key bound to the caller’s agency (or, for a CRM operator, to all agencies), with at most the caller’s scopes.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx, info) => {
      if (input.allAgencies) requireOperator(ctx, info, 'a key for all agencies');
      requireHeldScopes(ctx, info, input.scopes);
      const store = storeOf(ctx);
      const created = await asValidationErrors(store.create({ name: input.name, agencyId: input.allAgencies ? null : ctx.agency.id, scopes: input.scopes }));
      return { key: created.key, apiKey: created.record };
    },
  }),
  revokeApiKey: t.field({
    type: ApiKeyRevoked,
    errors: { types: [AdminStoreMissing, ApiKeyNotFound] },
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Revokes a key bound to the caller’s agency (a CRM operator also revokes keys for all agencies).',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const store = storeOf(ctx);
      const id = String(input.id);
      const revoked = (await store.revoke(id, ctx.agency.id)) || (ctx.principal.allAgencies === true && (await store.revoke(id, null)));
      if (!revoked) throw new ApiKeyNotFound(id);
      return { id };
    },
  }),
}));
