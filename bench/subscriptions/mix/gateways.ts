import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webhookSecretFor } from '../../../src/subscriptions/webhook-secrets';
import { BENCH_GATEWAY_ENV } from '../../lib/bench-gateway-env';
import { startChild, type Child } from '../../lib/child';
import { onFreePort } from '../../lib/free-port';
import { MIX_AGENCIES, type MixAgency } from './population';

const PROBE = fileURLToPath(new URL('./usage-probe.ts', import.meta.url));
const IPC_TIMEOUT_MS = 30_000;
/** Linux counts a process's CPU time in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** Where the gateways keep their events: one Redis, or a Redis Cluster given by its nodes. */
export type MixRedis = { redisUrl: string } | { clusterNodes: string[] };

export interface MixGatewayOptions {
  redis: MixRedis;
  /** REDIS_KEY_PREFIX: the row's own keys, apart from other benchmarks' on the same Redis database. */
  keyPrefix: string;
  webhookSecret: string;
  /** AUTH_JWT_SECRET, shared by every instance as one deployment shares it. */
  authSecret: string;
  core?: number;
  /** A checkout of an earlier version to run instead of this one (its own src/main.ts and node_modules). */
  checkout?: string;
}

export interface MixGateway {
  url: string;
  pid: number;
  /** Each sandbox agency's webhook secret, as every instance derives it from WEBHOOK_SECRET. */
  webhookSecret: Record<MixAgency, string>;
  /** Heap and RSS inside the child; `collect` forces a full GC first. */
  memory(collect: boolean): Promise<{ heapUsed: number; rss: number }>;
  /** User + system CPU seconds so far, from /proc. */
  cpuSeconds(): number;
  /** RSS in bytes, from /proc (no IPC). */
  rss(): number;
  alive(): boolean;
  stop(): Promise<void>;
}

/** `src/main.ts` in sandbox mode (both sandbox agencies, no simulated activity), as users run it, in a child process of its own. */
export async function startMixGateway(options: MixGatewayOptions): Promise<MixGateway> {
  return onFreePort((port) => startOnPort(options, port));
}

async function startOnPort(options: MixGatewayOptions, port: number): Promise<MixGateway> {
  const url = `http://127.0.0.1:${port}`;
  const redisEnv: Record<string, string> = 'redisUrl' in options.redis ? { REDIS_URL: options.redis.redisUrl } : { REDIS_CLUSTER_NODES: options.redis.clusterNodes.join(',') };
  const child = await startChild({
    entry: 'src/main.ts',
    root: options.checkout,
    nodeArgs: ['--expose-gc', '--import', PROBE],
    env: {
      PORT: String(port),
      PUBLIC_URL: url,
      ...redisEnv,
      REDIS_KEY_PREFIX: options.keyPrefix,
      WEBHOOK_SECRET: options.webhookSecret,
      SANDBOX: '1',
      SANDBOX_EVENTS: '0',
      ...BENCH_GATEWAY_ENV,
      AUTH_JWT_SECRET: options.authSecret,
    },
    core: options.core,
    ready: /rentgraph: GraphQL at/,
    // The machine is shared, and a second gateway starts beside a loaded first: give it time.
    timeoutMs: 120_000,
    ipc: true,
  });
  return {
    url,
    pid: child.pid,
    webhookSecret: Object.fromEntries(MIX_AGENCIES.map((agency) => [agency, webhookSecretFor(options.webhookSecret, agency)])) as Record<MixAgency, string>,
    memory: (collect) => memoryOf(child, collect),
    cpuSeconds: () => cpuSecondsOf(child.pid),
    rss: () => rssOf(child.pid),
    alive: child.alive,
    stop: child.stop,
  };
}

async function memoryOf(child: Child, collect: boolean): Promise<{ heapUsed: number; rss: number }> {
  const answer = once(child.process, 'message', { signal: AbortSignal.timeout(IPC_TIMEOUT_MS) });
  child.process.send(collect ? 'memory' : 'usage');
  const [sample] = (await answer) as [{ heapUsed: number; rss: number }];
  return sample;
}

function cpuSecondsOf(pid: number): number {
  // The command name is in parentheses and may hold spaces: count fields after its closing one.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, so 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function rssOf(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib ?? Number.NaN) * 1024;
}
