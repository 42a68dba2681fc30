import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_WEBHOOK_SECRET } from '../helpers/gateway';
import { DurableRedis, freePort } from '../helpers/redis-server';
import { takeOverWebSocket, wsClient } from '../helpers/subscriptions';
import { canopyExamples, postWebhook } from '../helpers/webhooks';

let gateway: ChildProcess | undefined;
let redis: DurableRedis | undefined;
let output = '';

afterAll(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((resolve) => gateway?.once('exit', resolve));
    gateway.kill('SIGTERM');
    await exited;
  }
  await redis?.stop();
  redis?.remove();
});

async function get(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const answer = await request(url);
    return { status: answer.statusCode, body: await answer.body.text() };
  } catch {
    return undefined; // not listening yet
  }
}

/** Polls until `done` holds, or fails naming what it waited for, with the gateway's output. */
async function waitFor<T>(what: string, poll: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    if (gateway?.exitCode !== null) throw new Error(`gateway exited (${gateway?.exitCode}) waiting for ${what}:\n${output}`);
    const value = await poll();
    if (done(value)) return value;
  }
  throw new Error(`timed out waiting for ${what}:\n${output}`);
}

describe('the gateway started with REDIS_URL set and Redis not there yet', () => {
  it('serves, reports Redis on /readyz, and once Redis comes stores webhooks and serves subscriptions', async () => {
    const [port, redisPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${port}`;
    // The same Node as the tests, with tsx as `npm start` runs it.
    gateway = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        SANDBOX: '1',
        SANDBOX_EVENTS: '0',
        PORT: String(port),
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        REDIS_KEY_PREFIX: `test-start-${randomUUID()}`,
        WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateway.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    await waitFor('/healthz', () => get(`${url}/healthz`), (answer) => answer?.status === 200);
    const notReady = await get(`${url}/readyz`);
    expect(notReady?.status).toBe(503);
    expect(JSON.parse(notReady!.body).checks).toContainEqual(expect.objectContaining({ name: 'redis', ok: false }));

    redis = new DurableRedis(redisPort);
    await redis.start();
    await waitFor('/readyz 200', () => get(`${url}/readyz`), (answer) => answer?.status === 200);

    const delivered = await waitFor(
      'a webhook taken',
      () => postWebhook(url, 'canopy', canopyExamples.note).catch(() => undefined),
      (answer) => answer?.status === 200,
    );
    // Replayed from the stream to a subscriber: it was stored.
    const client = wsClient(url);
    const [event] = await takeOverWebSocket(
      client,
      `subscription ($id: ID) { passportNoteChanged(canopyReferenceId: $id, after: "0-0") { id note } }`,
      { id: canopyExamples.note.canopyReferenceId },
      1,
    );
    await client.dispose();
    expect(event?.data?.passportNoteChanged).toEqual({ id: delivered!.body.id, note: canopyExamples.note.note });
  }, 60_000);
});
