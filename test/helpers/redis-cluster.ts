import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './redis-server';

const run = promisify(execFile);

export interface RedisClusterOptions {
  /** @default 3 */
  masters?: number;
  /** @default 1 */
  replicasPerMaster?: number;
  /** How long a master may be silent before its replica takes over. @default 1000 */
  nodeTimeoutMs?: number;
}

export interface RunningRedisCluster {
  /** `host:port` of every node, as REDIS_CLUSTER_NODES takes them. */
  nodes: string[];
  /** Hands the slot of `key` (a key name, or a slot number) to its master's replica (CLUSTER FAILOVER), and waits until every node agrees. Returns the new master's `host:port`. */
  failover(slotOrKey: number | string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real Redis Cluster on free local ports, durable as production's must be (append-only file,
 * fsync on every write): `masters` masters with `replicasPerMaster` replicas each, made with
 * `redis-cli --cluster create`, and ready once every node says `cluster_state:ok` and every
 * replica is in sync. `stop()` kills the nodes and removes their files.
 */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RunningRedisCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicasPerMaster ?? 1;
  const dir = mkdtempSync(join(tmpdir(), 'rentgraph-cluster-'));
  const ports: number[] = [];
  for (let index = 0; index < masters * (1 + replicas); index++) ports.push(await freePort());
  const processes: ChildProcess[] = ports.map((port) =>
    spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
      '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', String(options.nodeTimeoutMs ?? 1000),
      '--appendonly', 'yes', '--appendfilename', `appendonly-${port}.aof`, '--appenddirname', `aof-${port}`, '--appendfsync', 'always',
      '--save', '', '--daemonize', 'no',
    ], { stdio: 'ignore' }),
  );
  const clients = ports.map((port) => new Redis({ port, retryStrategy: () => 50, maxRetriesPerRequest: null }));
  for (const client of clients) client.on('error', () => undefined);
  const nodes = ports.map((port) => `127.0.0.1:${port}`);

  async function stop(): Promise<void> {
    for (const client of clients) client.disconnect();
    await Promise.all(
      processes.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  }

  try {
    await Promise.all(clients.map((client) => until(async () => (await client.ping()) === 'PONG', 'every node answers')));
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', String(replicas), '--cluster-yes']);
    await settled(clients, masters);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    nodes,
    async failover(slotOrKey) {
      const slot = typeof slotOrKey === 'number' ? slotOrKey : Number(await clients[0]!.cluster('KEYSLOT', slotOrKey));
      const master = await ownerOf(clients[0]!, slot);
      const replica = await replicaOf(clients, master);
      await replica.cluster('FAILOVER');
      const promoted = `127.0.0.1:${replica.options.port}`;
      await until(async () => (await Promise.all(clients.map((client) => ownerOf(client, slot)))).every((owner) => owner === promoted), 'every node names the new master');
      await settled(clients, masters);
      return promoted;
    },
    stop,
  };
}

/** Every node's state is ok, `masters` masters own slots, and every replica's link to its master is up and in sync. */
async function settled(clients: Redis[], masters: number): Promise<void> {
  await until(async () => {
    const infos = await Promise.all(clients.map((client) => client.cluster('INFO') as Promise<string>));
    if (!infos.every((info) => info.includes('cluster_state:ok'))) return false;
    const replication = await Promise.all(clients.map((client) => client.info('replication')));
    const replicasInSync = replication.filter((info) => info.includes('role:slave')).every((info) => info.includes('master_link_status:up') && !info.includes('master_sync_in_progress:1'));
    return replicasInSync && replication.filter((info) => info.includes('role:master')).length === masters;
  }, 'the cluster settles');
}

async function ownerOf(client: Redis, slot: number): Promise<string> {
  const ranges = await client.cluster('SLOTS');
  const master = ranges.find(([from, to]) => slot >= from && slot <= to)?.[2];
  if (!master) throw new Error(`no node owns slot ${slot}`);
  return `${master[0]}:${master[1]}`;
}

async function replicaOf(clients: Redis[], master: string): Promise<Redis> {
  const masterPort = Number(master.split(':')[1]);
  for (const client of clients) {
    const info = await client.info('replication');
    if (info.includes('role:slave') && info.includes(`master_port:${masterPort}`)) return client;
  }
  throw new Error(`master ${master} has no replica`);
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`redis cluster: ${what} did not happen within ${timeoutMs} ms`);
    await sleep(50);
  }
}
