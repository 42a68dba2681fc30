import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { onCore } from '../lib/cpu-pinning';
import { freePort } from '../lib/free-port';

export interface GatewayProcessOptions {
  redisUrl: string;
  webhookSecret: string;
  /** The core to pin the gateway to; unpinned when absent or when pinning is not possible. */
  core?: number;
}

export interface MemorySample {
  heapUsed: number;
  rss: number;
}

export interface GatewayProcess {
  url: string;
  /** The child's heap (after a full GC) and RSS, read inside the child over IPC. */
  memory(): Promise<MemorySample>;
  /** Whether the child is still running: a gateway that died under load is a result too. */
  alive(): boolean;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const MEMORY_TIMEOUT_MS = 30_000;

/**
 * `src/main.ts`, as users run it, in a child process of its own (its CPU, heap and RSS are its
 * own): every vendor from its embedded sandbox with the simulated activity off, so the only
 * events are the ones the bench posts.
 */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(options);
    } catch (error) {
      // The port was free when asked, but the child's own sandbox (on port 0) may take it first.
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnFreePort(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [command, args] = onCore(options.core, process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    '--import',
    './bench/subscriptions/memory-probe.ts',
    'src/main.ts',
  ]);
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: url,
      REDIS_URL: options.redisUrl,
      WEBHOOK_SECRET: options.webhookSecret,
      SANDBOX: '1',
      SANDBOX_EVENTS: '0',
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await listening(child, () => output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return {
    url,
    memory: () => memoryOf(child),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => stop(child),
  };
}

/** Resolves when main.ts says it listens; rejects with the child's output when it exits or takes too long. */
async function listening(child: ChildProcess, output: () => string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not listen within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`gateway child ${reason}:\n${output()}`));
    };
    const onOutput = () => {
      if (output().includes('EADDRINUSE')) return fail('could not listen');
      if (!output().includes('GraphQL at')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}

async function memoryOf(child: ChildProcess): Promise<MemorySample> {
  const answer = once(child, 'message', { signal: AbortSignal.timeout(MEMORY_TIMEOUT_MS) });
  child.send('memory');
  const [sample] = (await answer) as [MemorySample];
  return sample;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
