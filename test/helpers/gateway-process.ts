import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { freePort } from './redis-server';

/**
 * The real gateway, `src/main.ts` as `npm start` runs it (the tests' Node with tsx), in sandbox
 * mode with the driver off, on a free port. Its output is kept for assertions and failures.
 */
export async function startGatewayProcess(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, SANDBOX: '1', SANDBOX_EVENTS: '0', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  /** One GET to the gateway; undefined while it does not listen. */
  async function get(path: string): Promise<{ status: number; body: string } | undefined> {
    try {
      const answer = await request(url + path);
      return { status: answer.statusCode, body: await answer.body.text() };
    } catch {
      return undefined;
    }
  }

  /** Polls until `done` holds; fails naming what it waited for, with the gateway's output. */
  async function waitFor<T>(what: string, poll: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
      if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}) waiting for ${what}:\n${output}`);
      const value = await poll();
      if (done(value)) return value;
    }
    throw new Error(`timed out waiting for ${what}:\n${output}`);
  }

  return {
    port,
    url,
    /** What the gateway printed so far, stdout and stderr. */
    output: () => output,
    get,
    waitFor,
    waitUntilReady: () => waitFor('/readyz 200', () => get('/readyz'), (answer) => answer?.status === 200),
    async stop(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export type GatewayProcess = Awaited<ReturnType<typeof startGatewayProcess>>;
