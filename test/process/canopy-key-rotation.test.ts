import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanopyKeyRotationStep } from '../../src/agencies/canopy-key-rotation';
import { createRedisLinkStore } from '../../src/links/redis-link-store';
import { createRedisReportDocuments } from '../../src/links/report-documents';
import { demoPeople } from '../../src/sandbox/demo-people';
import { seedSandboxLinks } from '../../src/sandbox/seed-links';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start';
import { TEST_JWT_SECRET, testToken } from '../helpers/gateway';
import { deleteKeys, startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { credentialValues, expectNoSecret, vendorEnv } from './process-checks';

const DASHBOARD = readFileSync('operations/tenant-dashboard.graphql', 'utf8');
const AMARA = demoPeople(1, 'north')[0]!.email;
const REFRESH = 'POST /referencing-requests/client/refresh';
/** A killed rotation's lock lapses after this; the restarted gateway waits for it. */
const LOCK_TTL_MS = '1500';

let sandbox: RunningSandbox;
let redis: Redis;
let prefix: string;
let env: Record<string, string>;
const started: GatewayProcess[] = [];
/** Every secret of the run: the vendor credentials, every Canopy key it had, the credentials key. */
const secrets = new Set<string>();

beforeEach(async () => {
  sandbox = await startSandbox({ people: 5 });
  redis = new Redis({ host: '127.0.0.1', port: 6379 });
  prefix = `test-${randomBytes(6).toString('hex')}`;
  env = {
    ...vendorEnv(sandbox),
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: prefix,
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
  };
  for (const secret of [...credentialValues([sandbox.account('sandbox-north').agency]), env.CREDENTIALS_KEY!]) secrets.add(secret);
  // What agency `default` would know had it made the sandbox's requests itself.
  const stores = { links: createRedisLinkStore(redis, { prefix }), reportDocuments: createRedisReportDocuments(redis, prefix) };
  await seedSandboxLinks(stores, 'default', sandbox.account('sandbox-north').simulators);
});

afterEach(async () => {
  for (const gateway of started.splice(0)) {
    await gateway.stop();
    expectNoSecret(gateway.output(), [...secrets]);
  }
  await deleteKeys(prefix);
  redis.disconnect();
  await sandbox.close();
  secrets.clear();
});

/** The key the sandbox's Canopy holds now, as an operator would get it from Canopy. */
const liveKey = () => sandbox.account('sandbox-north').simulators.canopyReferencing.state.secretKey;
const rotatedRecord = () => redis.exists(`${prefix}:{default}:canopy-referencing:secret-key`);
const pendingRecord = () => redis.exists(`${prefix}:{default}:canopy-referencing:secret-key-rotation`);

async function startGateway(overrides: Record<string, string> = {}): Promise<GatewayProcess> {
  const gateway = await startGatewayProcess({ ...env, ...overrides }, { sandbox: false });
  started.push(gateway);
  await gateway.waitUntilReady();
  return gateway;
}

/** Stops the gateway as an operator's restart does, or kills it as a crash would. */
async function stop(gateway: GatewayProcess, how: 'stop' | 'kill' = 'stop'): Promise<void> {
  await gateway[how]();
  expectNoSecret(gateway.output(), [...secrets]);
  started.splice(started.indexOf(gateway), 1);
}

/** The tenant dashboard of agency `default`: its Rent Passports, or the errors of the answer. */
async function dashboard(gateway: GatewayProcess) {
  const headers = { authorization: `Bearer ${await testToken({ agency: 'default' })}` };
  const answer = await gateway.graphql<{ tenant: { referencingRequests: Array<{ rentPassport: { globalStatus: string } | null }> | null } }>(
    DASHBOARD,
    { email: AMARA },
    headers,
  );
  return {
    errors: answer.body.errors?.map((error) => error.extensions?.code),
    passports: answer.body.data?.tenant.referencingRequests?.map((request) => request.rentPassport?.globalStatus ?? null) ?? [],
  };
}

async function expectPassports(gateway: GatewayProcess): Promise<void> {
  const { errors, passports } = await dashboard(gateway);
  expect(errors).toBeUndefined();
  expect(passports.length).toBeGreaterThan(0);
  expect(passports).not.toContain(null);
}

/** A rotation in a process of its own, as an instance runs it; `holdAt` stops it at that step. */
function startRotation(holdAt?: CanopyKeyRotationStep) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/process/rotate-canopy-key.ts'], {
    env: { ...process.env, ...env, LOCK_TTL_MS, ...(holdAt && { HOLD_AT: holdAt }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    async until(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
      for (const deadline = Date.now() + 30_000; !(await done()); await sleep(50)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`rotation: no ${what}:\n${output}`);
      }
    },
    async kill(): Promise<void> {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe("a rotated Canopy key and the gateway's restarts", () => {
  it('survives a restart with the old key still in the environment; a new key put in the environment is obeyed', { timeout: 120_000 }, async () => {
    const configured = env.CANOPY_SECRET_KEY!;
    const first = await startGateway();
    await expectPassports(first);

    const rotation = startRotation();
    expect(await rotation.exited).toBe(0);
    expect(rotation.output()).toContain('rotated (new key stored)');
    secrets.add(liveKey());
    expect(liveKey()).not.toBe(configured);

    await stop(first, 'kill');
    const restarted = await startGateway();
    await expectPassports(restarted);

    // The operator puts the key from Canopy in the environment: it is used, and the stored one goes.
    await stop(restarted);
    const updated = await startGateway({ CANOPY_SECRET_KEY: liveKey() });
    await expectPassports(updated);
    expect(await rotatedRecord()).toBe(0);
  });
});

describe('a rotation killed (SIGKILL) mid-way, then the gateway started', () => {
  it('while Canopy had not answered and had not acted: the pending rotation is settled and the configured key signs', { timeout: 120_000 }, async () => {
    sandbox.knobs.addFault({ vendor: 'canopy-referencing', endpoint: REFRESH, status: 'hang' });
    const rotation = startRotation();
    await rotation.until('refresh call', () => sandbox.calls.count('canopy-referencing', REFRESH) === 1);
    await rotation.kill();
    expect(await pendingRecord()).toBe(1);
    sandbox.knobs.reset();

    const gateway = await startGateway();
    await gateway.waitFor('the settlement', async () => gateway.messages(), (output) => output.includes("agency default's unfinished rotation settled (not-reached)"));
    await expectPassports(gateway);
    expect(await pendingRecord()).toBe(0);
  });

  it('after the new key was stored: the restart signs with it', { timeout: 120_000 }, async () => {
    const rotation = startRotation('key-stored');
    await rotation.until('key-stored', () => rotation.output().includes('step key-stored'));
    await rotation.kill();
    secrets.add(liveKey());

    const gateway = await startGateway();
    await gateway.waitFor('the settlement', async () => gateway.messages(), (output) => output.includes("agency default's unfinished rotation settled (completed)"));
    await expectPassports(gateway);
    expect(await pendingRecord()).toBe(0);
  });

  it("in Canopy's own window (it acted, its answer never came): the start says plainly what to do, and the key Canopy gives is then obeyed", { timeout: 120_000 }, async () => {
    const configured = env.CANOPY_SECRET_KEY!;
    sandbox.knobs.addFault({ vendor: 'canopy-referencing', endpoint: REFRESH, status: 'hang', afterApplying: true });
    const rotation = startRotation();
    await rotation.until('key changed at Canopy', () => liveKey() !== configured);
    await rotation.kill();
    secrets.add(liveKey());
    sandbox.knobs.reset();

    const lost = await startGateway();
    await lost.waitFor('the report', async () => lost.messages(), (output) => /^!!! canopy key rotation: agency default: .*answer was lost.*ask Canopy for a new secret key/m.test(output));
    expect(await pendingRecord()).toBe(1);
    // Canopy refuses the only key the gateway knows: the referencing part of the dashboard fails, the rest answers.
    const { errors, passports } = await dashboard(lost);
    expect(passports).toEqual([]);
    expect(errors?.length).toBeGreaterThan(0);

    await stop(lost);
    const fixed = await startGateway({ CANOPY_SECRET_KEY: liveKey() });
    await fixed.waitFor('the settlement', async () => fixed.messages(), (output) => output.includes('settled (superseded)'));
    await expectPassports(fixed);
    expect(await pendingRecord()).toBe(0);
  });
});
