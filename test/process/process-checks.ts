import { expect } from 'vitest';
import type { SandboxAccountId } from '../../src/sandbox/credentials';
import type { RunningSandbox } from '../../src/sandbox/start';
import type { GatewayProcess } from '../helpers/gateway-process';

/** Every credential of these vendor accounts: each string of them but a base URL or a shared referrer token. */
export function credentialValues(accounts: object[]): string[] {
  const values: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string' && key !== 'baseUrl' && key !== 'referrerToken') values.push(value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const account of accounts) walk(account, '');
  return values;
}

/** The log holds none of `secrets`, whole or as the tail an error might quote. */
export function expectNoSecret(output: string, secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(output, 'a secret in the log').not.toContain(secret);
    expect(output, 'part of a secret in the log').not.toContain(secret.slice(-12));
  }
}

export interface TenantSummary {
  referencingRequests: Array<{ canopyReferenceId: string }>;
  reposits: Array<{ id: string }>;
  accounts: Array<{ id: string }>;
}

/** What the gateway answers of one tenant, asked with these headers; fails on any error. */
export async function tenantOf(gateway: GatewayProcess, email: string, headers: Record<string, string>): Promise<TenantSummary> {
  const answer = await gateway.graphql<{ tenant: TenantSummary }>(
    'query ($email: String!) { tenant(email: $email) { referencingRequests { canopyReferenceId } reposits { id } accounts { id } } }',
    { email },
    headers,
  );
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.tenant;
}

/** A sandbox account's keys as the single-agency variables name them, at a sandbox the test runs. */
export function vendorEnv(sandbox: RunningSandbox, accountId: SandboxAccountId = 'sandbox-north'): Record<string, string> {
  const { canopyReferencing, canopyServicing, reposit } = sandbox.account(accountId).agency;
  return {
    CANOPY_REFERENCING_BASE_URL: canopyReferencing.baseUrl,
    CANOPY_CLIENT_ID: canopyReferencing.clientId,
    CANOPY_SECRET_KEY: canopyReferencing.secretKey,
    CANOPY_API_KEY: canopyReferencing.apiKey,
    CANOPY_SERVICING_BASE_URL: canopyServicing.baseUrl,
    CANOPY_SERVICING_TOKEN: canopyServicing.token,
    REPOSIT_BASE_URL: reposit.baseUrl,
    REPOSIT_API_KEY: reposit.apiKey,
  };
}

/** The Reposit supplier's name, asked with these headers: each sandbox account has its own. */
export async function supplierName(gateway: GatewayProcess, headers: Record<string, string>): Promise<string | undefined> {
  const answer = await gateway.graphql<{ repositSupplier: { name: string } | null }>('{ repositSupplier { name } }', {}, headers);
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data?.repositSupplier?.name;
}
