import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxDriver } from '../../src/sandbox/driver';
import type { SandboxAccount } from '../../src/sandbox/start';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';
import { accountCalls } from './account-calls';

/** An HTTP server on port 0 that takes every notification it is sent. */
interface Receiver {
  url: string;
  received: any[]; // any: the vendors' notification bodies, read field by field
  server: Server;
}

let sandbox: TestSandbox;
const receivers: Receiver[] = [];

beforeAll(async () => {
  sandbox = await useSandbox({ people: 6 });
});
afterAll(async () => {
  await Promise.all(receivers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  await sandbox?.close();
});

async function receiver(): Promise<Receiver> {
  const received: unknown[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const found = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
  receivers.push(found);
  return found;
}

/** Gives the account its own Canopy and Reposit endpoints, registered as the gateway registers them. */
async function listenFor(account: SandboxAccount): Promise<{ canopy: Receiver; reposit: Receiver }> {
  const [canopy, reposit] = [await receiver(), await receiver()];
  const api = accountCalls(sandbox.baseUrls);
  const headers = await api.canopyHeaders(account);
  for (const type of ['REQUEST_STATUS_UPDATES', 'PASSPORT_STATUS_UPDATES']) {
    const path = `${api.clientPath(account)}/webhook/register`;
    const answer = await api.call('canopy-referencing', 'POST', path, headers, { type, callbackUrl: canopy.url });
    expect(answer.status).toBe(200);
  }
  account.setWebhookUrls({ canopy: canopy.url, reposit: reposit.url });
  return { canopy, reposit };
}

describe('the sandbox driver with two agencies', () => {
  it("delivers each agency's notifications to that agency's endpoints only", async () => {
    const north = sandbox.account('sandbox-north');
    const south = sandbox.account('sandbox-south');
    const endpoints = new Map([
      [north, await listenFor(north)],
      [south, await listenFor(south)],
    ]);
    const driver = createSandboxDriver({ simulators: sandbox.activeSimulators(), delivery: { baseDelayMs: 1 } });
    const everyone = [...endpoints.values()].flatMap(({ canopy, reposit }) => [canopy, reposit]);
    for (let step = 0; step < 30 && everyone.some((target) => target.received.length < 3); step++) await driver.step();
    expect(driver.stats.failed).toBe(0);

    for (const [account, { canopy, reposit }] of endpoints) {
      const other = account === north ? south : north;
      expect(canopy.received.length).toBeGreaterThanOrEqual(3);
      expect(reposit.received.length).toBeGreaterThanOrEqual(3);
      for (const body of canopy.received) {
        expect(account.simulators.canopyReferencing.state.requests.has(body.canopyReferenceId)).toBe(true);
        expect(other.simulators.canopyReferencing.state.requests.has(body.canopyReferenceId)).toBe(false);
      }
      for (const body of reposit.received) {
        // The tenant events name a Reposit `ep_…`, the REST API `rep_…`.
        const id = String(body.resource.id).replace(/^ep_/, 'rep_');
        expect(account.simulators.reposit.state.reposits.has(id)).toBe(true);
        expect(other.simulators.reposit.state.reposits.has(id)).toBe(false);
      }
    }
  });
});
