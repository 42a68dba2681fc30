import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { runOperation, type Operation, type Transport } from '../helpers/transports';

const operation = (name: string): Operation => ({
  query: readFileSync(new URL(`../../operations/${name}.graphql`, import.meta.url), 'utf8'),
  variables: JSON.parse(readFileSync(new URL(`../../operations/${name}.variables.json`, import.meta.url), 'utf8')) as Record<string, unknown>,
});

/** create-customer with its input's `firstName` sent as `firstNam`, and its role as `PRIMRY`: graphql-js refuses both while coercing the variables. */
function misspeltInput(): Operation {
  const { query, variables } = operation('create-customer');
  const { firstName, assignToAccounts, ...input } = (variables as { input: { firstName: string; assignToAccounts: Array<{ role: string }> } }).input;
  return { query, variables: { input: { ...input, firstNam: firstName, assignToAccounts: assignToAccounts.map((account) => ({ ...account, role: 'PRIMRY' })) } } };
}

const TRANSPORTS: Transport[] = ['POST', 'graphql-ws'];

describe.each([
  {
    blockFieldSuggestions: false,
    field: 'Cannot query field "nmae" on type "Agency". Did you mean "name"?',
    input: [/Field "firstNam" is not defined by type "CreateCustomerInput"\. Did you mean "firstName"/, /Value "PRIMRY" does not exist in "CustomerAccountRole" enum\. Did you mean the enum value "PRIMARY"\?/],
  },
  {
    blockFieldSuggestions: true,
    field: 'Cannot query field "nmae" on type "Agency". [Suggestion hidden]',
    input: [/Field "firstNam" is not defined by type "CreateCustomerInput"\. \[Suggestion hidden\]$/, /Value "PRIMRY" does not exist in "CustomerAccountRole" enum\. \[Suggestion hidden\]$/],
  },
])('with blockFieldSuggestions $blockFieldSuggestions', ({ blockFieldSuggestions, field, input }) => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await useGateway({ limits: { blockFieldSuggestions } });
  });
  afterAll(() => gateway.close());
  const run = (transport: Transport, op: Operation) => runOperation(gateway.url, transport, op, { credential: { kind: 'token', token: gateway.token } });

  it.each(TRANSPORTS)('a misspelt field of the document is refused over %s with that message', async (transport) => {
    const seen = await run(transport, { query: '{ agency { nmae } }' });
    expect(seen.errors?.map((error) => error.message)).toEqual([field]);
  });

  it.each(TRANSPORTS)('a misspelt input field and enum value of the variables are refused over %s with those messages, before any vendor call', async (transport) => {
    gateway.sandbox.calls.reset();
    const seen = await run(transport, misspeltInput());
    const messages = (seen.errors ?? []).map((error) => error.message);
    for (const expected of input) expect(messages).toContainEqual(expect.stringMatching(expected));
    if (blockFieldSuggestions) expect(messages.join('\n')).not.toMatch(/Did you mean/);
    expect(gateway.sandbox.calls.count()).toBe(0);
  });
});
