import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxDriver } from '../../src/sandbox/driver';
import type { ActiveSimulator, WebhookDelivery } from '../../src/sandbox/vendor-simulator';
import { deliverWebhook } from '../../src/sandbox/webhook-delivery';

interface Receiver {
  url: string;
  received: unknown[];
  /** Answers 500 to this many attempts before it starts answering 204. */
  failNext: number;
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function receiver(): Promise<Receiver> {
  const state = { received: [] as unknown[], failNext: 0 } as Receiver;
  state.server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (state.failNext > 0) {
      state.failNext--;
      res.writeHead(500).end();
      return;
    }
    state.received.push(JSON.parse(Buffer.concat(chunks).toString()));
    res.writeHead(204).end();
  });
  servers.push(state.server);
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/hook`;
  return state;
}

function scripted(steps: WebhookDelivery[][]): ActiveSimulator {
  return { vendor: 'reposit', routes: [], errorBody: () => ({}), advance: () => steps.shift() ?? [] };
}

describe('webhook delivery', () => {
  it('retries a refused notification until it is taken, up to five retries', async () => {
    const target = await receiver();
    target.failNext = 5;
    const outcome = await deliverWebhook({ url: target.url, body: { n: 1 }, description: 'n1' }, { baseDelayMs: 1 });
    expect(outcome).toEqual({ delivered: true, attempts: 6, status: 204 });
    expect(target.received).toEqual([{ n: 1 }]);
  });

  it('gives up after the first attempt and five retries', async () => {
    const target = await receiver();
    target.failNext = 6;
    const outcome = await deliverWebhook({ url: target.url, body: {}, description: 'x' }, { baseDelayMs: 1 });
    expect(outcome).toEqual({ delivered: false, attempts: 6, status: 500 });
    expect(target.received).toEqual([]);
  });
});

describe('sandbox driver', () => {
  it('delivers what each step produces, in order, and counts the outcome', async () => {
    const target = await receiver();
    const driver = createSandboxDriver({
      simulators: [
        scripted([[{ url: target.url, body: { a: 1 }, description: 'a1' }, { url: target.url, body: { a: 2 }, description: 'a2' }]]),
        scripted([[{ url: target.url, body: { b: 1 }, description: 'b1' }]]),
      ],
      delivery: { baseDelayMs: 1 },
    });
    await driver.step();
    await driver.step();
    expect(target.received).toEqual([{ a: 1 }, { a: 2 }, { b: 1 }]);
    expect(driver.stats).toEqual({ delivered: 3, failed: 0 });
  });

  it('steps on its own once started, and stop waits for the delivery under way', async () => {
    const target = await receiver();
    const steps = Array.from({ length: 50 }, (_, n) => [{ url: target.url, body: { n }, description: `n${n}` }]);
    const driver = createSandboxDriver({ simulators: [scripted(steps)], intervalMs: 10 });
    driver.start();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await driver.stop();
    const delivered = target.received.length;
    expect(delivered).toBeGreaterThan(2);
    expect(driver.stats.delivered).toBe(delivered);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(target.received.length).toBe(delivered);
  });
});
