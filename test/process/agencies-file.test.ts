import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SandboxAccountId } from '../../src/sandbox/credentials';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start';
import { TEST_JWT_SECRET, testToken } from '../helpers/gateway';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { credentialValues, expectNoSecret, supplierName, vendorEnv } from './process-checks';

const AGENCIES: Array<{ id: string; account: SandboxAccountId }> = [
  { id: 'harbour', account: 'sandbox-north' },
  { id: 'meadow', account: 'sandbox-south' },
];

let sandbox: RunningSandbox;
let dir: string;
let gateway: GatewayProcess;

/** The agency's credentials as `${NAME}` references, its variables named after it. */
function agencyEntry(id: string, account: SandboxAccountId): { yaml: string; env: Record<string, string> } {
  const variables = vendorEnv(sandbox, account);
  const name = (variable: string) => `${id.toUpperCase()}_${variable}`;
  const ref = (variable: string) => `"\${${name(variable)}}"`;
  const yaml = `- id: ${id}
  name: ${id} lettings
  vendors:
    canopyReferencing:
      baseUrl: ${variables.CANOPY_REFERENCING_BASE_URL}
      clientId: ${ref('CANOPY_CLIENT_ID')}
      secretKey: ${ref('CANOPY_SECRET_KEY')}
      apiKey: ${ref('CANOPY_API_KEY')}
    canopyServicing:
      baseUrl: ${variables.CANOPY_SERVICING_BASE_URL}
      token: ${ref('CANOPY_SERVICING_TOKEN')}
    reposit:
      baseUrl: ${variables.REPOSIT_BASE_URL}
      apiKey: ${ref('REPOSIT_API_KEY')}
`;
  const secrets = ['CANOPY_CLIENT_ID', 'CANOPY_SECRET_KEY', 'CANOPY_API_KEY', 'CANOPY_SERVICING_TOKEN', 'REPOSIT_API_KEY'];
  return { yaml, env: Object.fromEntries(secrets.map((variable) => [name(variable), variables[variable]!])) };
}

beforeAll(async () => {
  sandbox = await startSandbox({ people: 5 });
  dir = await mkdtemp(join(tmpdir(), 'rentgraph-agencies-'));
  const entries = AGENCIES.map(({ id, account }) => agencyEntry(id, account));
  const file = join(dir, 'agencies.yaml');
  await writeFile(file, entries.map((entry) => entry.yaml).join(''));
  gateway = await startGatewayProcess(
    { AGENCIES_FILE: file, AUTH_JWT_SECRET: TEST_JWT_SECRET, ...Object.assign({}, ...entries.map((entry) => entry.env)) },
    { sandbox: false },
  );
  await gateway.waitUntilReady();
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('serves both agencies of the file, and lists them in the start-up log with no secret', () => {
  const agencyLines = gateway.messages().split('\n').filter((line) => line.startsWith('agency '));
  expect(agencyLines).toEqual([
    expect.stringMatching(/^agency harbour \(harbour lettings, from file\): canopyReferencing real at http:\/\/127\.0\.0\.1:\d+\/canopy-referencing, /),
    expect.stringMatching(/^agency meadow \(meadow lettings, from file\): canopyReferencing real at /),
  ]);
  expect(gateway.output()).not.toMatch(/development token/);
  const accounts = AGENCIES.map(({ account }) => sandbox.account(account).agency);
  expectNoSecret(gateway.output(), [...credentialValues(accounts), TEST_JWT_SECRET]);
});

it("answers each agency's token from its own vendor accounts", async () => {
  for (const { id, account } of AGENCIES) {
    const headers = { authorization: `Bearer ${await testToken({ agency: id })}` };
    expect(await supplierName(gateway, headers)).toBe(sandbox.account(account).simulators.reposit.state.supplier.name);
  }
  expect(sandbox.account('sandbox-north').simulators.reposit.state.supplier.name).not.toBe(
    sandbox.account('sandbox-south').simulators.reposit.state.supplier.name,
  );
});

it('refuses a token of an agency the file does not hold', async () => {
  const answer = await gateway.graphql('{ __typename }', {}, { authorization: `Bearer ${await testToken({ agency: 'sandbox-north' })}` });
  expect(answer.status).toBe(403);
});
