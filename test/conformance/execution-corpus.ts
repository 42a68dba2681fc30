import { readdirSync, readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { getOperationAST, parse } from 'graphql';
import type { FaultRule } from '../../src/sandbox/knobs';

/** One request of the corpus: a document, its variables as the client sends them, and a vendor fault to answer under. */
export interface CorpusCase {
  name: string;
  query: string;
  /** Absent: the request carries no `variables` at all. */
  variables?: Record<string, unknown> | null;
  fault?: FaultRule;
}

const OPERATIONS = new URL('../../operations/', import.meta.url);
const AMARA = 'amara.okafor@example.com';
const SOFIA = 'sofia.rossi@example.com';
const ACCOUNT = 'c925a191-75de-44b9-b70d-9febac4c6012';
const REPOSIT = 'rep_O67DTuBm68g379';

/**
 * Every query and mutation in operations/, with its example variables and with none (as a fresh
 * GraphiQL tab sends it). Subscriptions are left to graphql-js, whose subscribe the gateway uses.
 */
export function operationCases(): CorpusCase[] {
  return readdirSync(OPERATIONS)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => {
      const query = readFileSync(new URL(file, OPERATIONS), 'utf8');
      if (getOperationAST(parse(query))?.operation === 'subscription') return [];
      const variablesFile = new URL(file.replace(/\.graphql$/, '.variables.json'), OPERATIONS);
      const cases: CorpusCase[] = [{ name: `${file}, no variables`, query }];
      try {
        cases.push({ name: `${file}, its variables`, query, variables: JSON.parse(readFileSync(variablesFile, 'utf8')) as Record<string, unknown> });
      } catch {
        // No example variables: the document runs as it is.
      }
      return cases;
    });
}

const DEFAULTED = `query ($e: String! = "${AMARA}") { tenant(email: $e) { email } }`;
const NULLABLE_DEFAULTED = `query ($first: Int = 2) { accounts(first: $first) { totalCount edges { node { accountId } } } }`;
const OPTIONAL = `query ($asOf: DateTime) { account(id: "${ACCOUNT}", asOf: $asOf) { accountId summary { effectiveAsOf totalBalance { minorUnits } } } }`;
const UPDATE_FIELDS = `mutation ($limit: SafeInt, $rate: Float) {
  updateAccount(input: { accountId: "${ACCOUNT}", creditLimitCents: $limit, rate: $rate }) {
    __typename
    ... on MutationUpdateAccountSuccess { data { accountId rate creditLimit { minorUnits } } }
    ... on ValidationError { problems { field rule } }
  }
}`;
const UPDATE_INPUT = `mutation ($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    __typename
    ... on MutationUpdateAccountSuccess { data { accountId rate creditLimit { minorUnits } } }
    ... on ValidationError { problems { field rule } }
  }
}`;
const DIRECTIVES = `query ($withReposits: Boolean!, $skipAccounts: Boolean = true) {
  tenant(email: "${AMARA}") {
    email
    reposits @include(if: $withReposits) { repositId }
    accounts @skip(if: $skipAccounts) { accountId }
    referencingRequests @include(if: $withReposits) @skip(if: $skipAccounts) { canopyReferenceId }
  }
}`;
const FRAGMENTS = `query ($a: String!, $b: String!) {
  first: tenant(email: $a) { ...Cover }
  second: tenant(email: $b) { ...Cover ... on Tenant { mail: email } }
  again: tenant(email: $a) { email }
}
fragment Cover on Tenant {
  email
  reposits { id repositId status monthlyRent { minorUnits currency decimal } policies { policyId startDate endDate type { category } } }
}`;
const ENUMS_AND_SCALARS = `query ($type: LineItemTypeFilter, $asOf: DateTime) {
  account(id: "${ACCOUNT}") {
    status
    createdAt
    charges: lineItems(first: 3, type: CHARGES) { edges { node { type status effectiveAt originatingAmount { minorUnits decimal } } } }
    chosen: lineItems(first: 3, type: $type, asOf: $asOf) { totalCount edges { node { type } } }
  }
}`;
const TENANT_LIST = `query ($emails: [String!]!) {
  tenants(emails: $emails) {
    email
    reposits { repositId tenants { email status } policies { policyId } landlord { email } }
    accounts { accountId statements { id totalBalance { minorUnits } } }
  }
}`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Reposit { repositId policies { policyId } } } }`;

/** Documents written to reach the corners where executors are known to differ. */
export function generatedCases(): CorpusCase[] {
  return [
    { name: 'non-null variable with a default, no variables', query: DEFAULTED },
    { name: 'non-null variable with a default, variables {}', query: DEFAULTED, variables: {} },
    { name: 'non-null variable with a default, variables null', query: DEFAULTED, variables: null },
    { name: 'non-null variable with a default, given', query: DEFAULTED, variables: { e: SOFIA } },
    { name: 'non-null variable with a default, explicit null', query: DEFAULTED, variables: { e: null } },
    { name: 'nullable variable with a default, omitted', query: NULLABLE_DEFAULTED, variables: {} },
    { name: 'nullable variable with a default, explicit null', query: NULLABLE_DEFAULTED, variables: { first: null } },
    { name: 'nullable variable with a default, given', query: NULLABLE_DEFAULTED, variables: { first: 1 } },
    { name: 'optional custom scalar variable, omitted', query: OPTIONAL, variables: {} },
    { name: 'optional custom scalar variable, null', query: OPTIONAL, variables: { asOf: null } },
    { name: 'optional custom scalar variable, given', query: OPTIONAL, variables: { asOf: '2026-01-15T00:00:00Z' } },
    { name: 'optional custom scalar variable, invalid', query: OPTIONAL, variables: { asOf: 'last tuesday' } },
    { name: 'required variable missing', query: TENANT_LIST, variables: {} },
    { name: 'input object literal, variable fields omitted', query: UPDATE_FIELDS, variables: {} },
    { name: 'input object literal, variable fields null', query: UPDATE_FIELDS, variables: { limit: null, rate: null } },
    { name: 'input object literal, one field given', query: UPDATE_FIELDS, variables: { rate: 12.5 } },
    { name: 'input object variable, fields unset', query: UPDATE_INPUT, variables: { input: { accountId: ACCOUNT } } },
    { name: 'input object variable, fields null', query: UPDATE_INPUT, variables: { input: { accountId: ACCOUNT, creditLimitCents: null, rate: null } } },
    { name: 'input object variable, one field given', query: UPDATE_INPUT, variables: { input: { accountId: ACCOUNT, creditLimitCents: 250000 } } },
    { name: 'input object variable, a wrong field', query: UPDATE_INPUT, variables: { input: { accountId: ACCOUNT, limit: 1 } } },
    { name: '@include/@skip, variables omitted where defaulted', query: DIRECTIVES, variables: { withReposits: true } },
    { name: '@include/@skip, both false', query: DIRECTIVES, variables: { withReposits: false, skipAccounts: false } },
    { name: '@include/@skip, both true', query: DIRECTIVES, variables: { withReposits: true, skipAccounts: true } },
    { name: '@include/@skip, skip given null', query: DIRECTIVES, variables: { withReposits: true, skipAccounts: null } },
    { name: 'fragments and aliases', query: FRAGMENTS, variables: { a: AMARA, b: SOFIA } },
    { name: 'enums and custom scalars, enum variable omitted', query: ENUMS_AND_SCALARS, variables: {} },
    { name: 'enums and custom scalars, enum variable given', query: ENUMS_AND_SCALARS, variables: { type: 'PAYMENTS', asOf: '2026-06-30T12:00:00.000Z' } },
    { name: 'enums, a value not in the enum', query: ENUMS_AND_SCALARS, variables: { type: 'REFUNDS' } },
    { name: 'lists, no failure', query: TENANT_LIST, variables: { emails: [AMARA, SOFIA] } },
    {
      name: 'errors inside lists: every policy list fails',
      query: TENANT_LIST,
      variables: { emails: [AMARA, SOFIA] },
      fault: { vendor: 'reposit', endpoint: 'GET /v1/reposits/:id/policies', status: 403 },
    },
    {
      name: 'errors inside lists: statements fail',
      query: TENANT_LIST,
      variables: { emails: [AMARA, SOFIA] },
      fault: { vendor: 'canopy-servicing', endpoint: 'GET /accounts/:account_id/statements', status: 403 },
    },
    {
      name: 'non-null propagation: a non-null list fails inside a nullable list',
      query: NODES,
      variables: { ids: [encodeGlobalID('Reposit', REPOSIT), encodeGlobalID('Reposit', 'rep_unknown')] },
      fault: { vendor: 'reposit', endpoint: 'GET /v1/reposits/:id/policies', status: 403 },
    },
  ];
}
