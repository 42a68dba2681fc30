import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { buildSchema, isInterfaceType, isObjectType, printSchema, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import { describeScopes } from '../../src/schema/scope-descriptions';
import type { AuthScopes } from '../../src/schema/scopes';

interface Declared {
  authScopes?: Record<string, unknown>;
  skipTypeScopes?: boolean;
}
const declared = (holder: { extensions: unknown }) => ((holder.extensions as { pothosOptions?: Declared }).pothosOptions ?? {}) as Declared;

/** Every field with the scopes its Pothos options declare, read apart from the code under test. */
function declaredFields() {
  const fields: Array<{ where: string; field: GraphQLField<unknown, unknown>; scopes: string[] }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const own = declared(field);
      const scopes = [...Object.keys(own.skipTypeScopes ? {} : (declared(type).authScopes ?? {})), ...Object.keys(own.authScopes ?? {})];
      fields.push({ where: `${type.name}.${field.name}`, field, scopes });
    }
  }
  return fields;
}

describe('the scopes in the printed schema', () => {
  it('names in its description every scope a field declares, and no scope where it declares none', () => {
    const fields = declaredFields();
    const guarded = fields.filter(({ scopes }) => scopes.length > 0);
    expect(guarded.filter(({ scopes }) => scopes.includes('pii')).length).toBeGreaterThan(20);

    for (const { where, field, scopes } of fields) {
      const text = `${where}: ${field.description ?? ''}`;
      if (scopes.length === 0) expect(text).not.toMatch(/Requires the/);
      else expect(text).toMatch(new RegExp(`Requires the ${scopes.map((scope) => `\`${scope}\``).join('.*')} scopes?\\.$`));
    }
  });

  it('states the scopes in the text a front-end developer reads', () => {
    const printed = buildSchema(printSchema(schema));
    const field = (type: string, name: string) => {
      const owner = printed.getType(type);
      if (!isObjectType(owner)) throw new Error(`${type} is no object type`);
      return owner.getFields()[name]?.description;
    };

    expect(field('Query', 'tenant')).toMatch(/Requires the `read` scope\.$/);
    expect(field('Mutation', 'createReposit')).toMatch(/Requires the `write` scope\.$/);
    expect(field('Mutation', 'registerCanopyWebhook')).toMatch(/Requires the `admin` scope\.$/);
    expect(field('Customer', 'dateOfBirth')).toBe('Requires the `pii` scope.');
    expect(field('Landlord', 'firstName')).not.toMatch(/scope/);
  });
});

describe('describeScopes', () => {
  const builderWith = () => {
    const builder = new SchemaBuilder<{ AuthScopes: AuthScopes }>({ plugins: [ScopeAuthPlugin], scopeAuth: { authScopes: () => ({ read: true, write: false, pii: false, admin: false }) } });
    builder.queryType({ authScopes: { read: true } });
    return builder;
  };

  it('refuses a non-null field that needs a scope: its refusal would null its parent', () => {
    const builder = builderWith();
    const Person = builder.objectRef<{ phone: string }>('Person').implement({
      fields: (t) => ({ phone: t.exposeString('phone', { nullable: false, authScopes: { pii: true } }) }),
    });
    builder.queryField('person', (t) => t.field({ type: Person, nullable: true, resolve: () => ({ phone: '+44' }) }));

    expect(() => describeScopes(builder.toSchema())).toThrow('Person.phone: a field that needs a scope must be nullable');
  });

  it('refuses a scope map it cannot state before a request', () => {
    const builder = builderWith();
    builder.queryField('either', (t) => t.string({ nullable: true, authScopes: { pii: true, admin: true }, resolve: () => 'x' }));

    expect(() => describeScopes(builder.toSchema())).toThrow(/Query\.either: authScopes must name one scope of read, write, pii, admin, set to true/);
  });

  it('joins a type’s scope and a field’s own in one sentence', () => {
    const builder = builderWith();
    builder.queryField('secret', (t) => t.string({ nullable: true, description: 'A secret.', authScopes: { admin: true }, resolve: () => 'x' }));

    const secret = describeScopes(builder.toSchema()).getQueryType()?.getFields().secret;
    expect(secret?.description).toBe('A secret. Requires the `read` and `admin` scopes.');
  });
});
