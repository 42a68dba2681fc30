import { BENCH_GATEWAY_ENV } from '../lib/bench-gateway-env';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { webhookSecretFor } from '../../src/subscriptions/webhook-secrets';
import type { BenchAuth } from '../lib/bench-auth';
import { startChild, type Child } from '../lib/child';
import { onFreePort } from '../lib/free-port';

export interface GatewayProcessOptions {
  redisUrl: string;
  webhookSecret: string;
  /** The AUTH_JWT_SECRET and token, shared by every instance as one deployment shares them. */
  auth: BenchAuth;
  /** The core to pin the gateway to; unpinned when absent or when pinning is not possible. */
  core?: number;
  /** An earlier version's checkout (with its node_modules) whose `src/main.ts` runs instead of this one's. */
  checkout?: string;
  /** Extra Node flags, such as `--cpu-prof`. */
  nodeArgs?: string[];
}

export interface MemorySample {
  heapUsed: number;
  rss: number;
}

/** The sandbox agency whose tenant the subscribers watch and whose webhook URL the bench posts to. */
export const SUBSCRIBED_AGENCY = 'sandbox-north';

export interface GatewayProcess {
  url: string;
  /** graphql-ws's connection_init payload: the bench token. */
  connectionParams: Record<string, unknown>;
  /** The secret of SUBSCRIBED_AGENCY's webhook URLs, derived from WEBHOOK_SECRET as every instance derives it. */
  webhookSecret: string;
  /** The child's heap (after a full GC) and RSS, read inside the child over IPC. */
  memory(): Promise<MemorySample>;
  /** Writes a V8 heap snapshot of the child (after a full GC) to `path`. */
  heapSnapshot(path: string): Promise<void>;
  /** Whether the child is still running: a gateway that died under load is a result too. */
  alive(): boolean;
  stop(): Promise<void>;
}

const MEMORY_TIMEOUT_MS = 30_000;
const SNAPSHOT_TIMEOUT_MS = 180_000;
/** By absolute path, so an earlier checkout's gateway loads this bench's probe. */
export const MEMORY_PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

/**
 * `src/main.ts`, as users run it, in a child process of its own (its CPU, heap and RSS are its
 * own): every vendor from its embedded sandbox with the simulated activity off, so the only
 * events are the ones the bench posts. Callers authenticate with a token signed with AUTH_JWT_SECRET.
 */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  return onFreePort((port) => startOnPort(options, port));
}

async function startOnPort(options: GatewayProcessOptions, port: number): Promise<GatewayProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = await startChild({
    entry: 'src/main.ts',
    root: options.checkout,
    nodeArgs: ['--expose-gc', '--import', MEMORY_PROBE, ...(options.nodeArgs ?? [])],
    env: {
      PORT: String(port),
      PUBLIC_URL: url,
      REDIS_URL: options.redisUrl,
      WEBHOOK_SECRET: options.webhookSecret,
      SANDBOX: '1',
      SANDBOX_EVENTS: '0',
      ...BENCH_GATEWAY_ENV,
      ...options.auth.env,
    },
    core: options.core,
    ready: /rentgraph: GraphQL at/,
    // The machine is shared: a start-up under others' load has taken more than the default 30 s.
    timeoutMs: 90_000,
    ipc: true,
  });
  return {
    url,
    connectionParams: { authorization: options.auth.headers.authorization },
    webhookSecret: webhookSecretFor(options.webhookSecret, SUBSCRIBED_AGENCY),
    memory: () => memoryOf(child),
    heapSnapshot: (path) => heapSnapshotOf(child, path),
    alive: child.alive,
    stop: child.stop,
  };
}

/** Asks a child that loaded MEMORY_PROBE for its heap and RSS. */
export async function memoryOf(child: Child): Promise<MemorySample> {
  const answer = once(child.process, 'message', { signal: AbortSignal.timeout(MEMORY_TIMEOUT_MS) });
  child.process.send('memory');
  const [sample] = (await answer) as [MemorySample];
  return sample;
}

/** Asks a child that loaded MEMORY_PROBE to write a heap snapshot to `path`. */
export async function heapSnapshotOf(child: Child, path: string): Promise<void> {
  const answer = once(child.process, 'message', { signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS) });
  child.process.send({ snapshot: path });
  await answer;
}
