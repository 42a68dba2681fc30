import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/**
 * A Redis of a test's own, durable as production's must be (append-only file, fsync on every
 * write), so that it can be stopped and started again in the middle of a stream of webhooks.
 */
export class DurableRedis {
  private process: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'rentgraph-redis-'));
  /** With `password`, Redis asks every client for it (`requirepass`). */
  constructor(
    readonly port: number,
    private readonly password?: string,
  ) {}

  async start(): Promise<void> {
    this.process = spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir,
      '--appendonly', 'yes', '--appendfsync', 'always', '--save', '',
      ...(this.password ? ['--requirepass', this.password] : []),
    ], { stdio: 'ignore' });
    const probe = new Redis({ port: this.port, password: this.password, lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => undefined);
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        await sleep(50);
      }
    }
    throw new Error('redis-server did not start');
  }

  /** SIGTERM lets Redis shut down cleanly; SIGKILL is a crash, with only what the append-only file holds. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const running = this.process;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}


/** A Redis of the test's own on a free port, for tests that stop it; `stop()` ends it and removes its files. */
export async function startRedisServer() {
  const redis = new DurableRedis(await freePort());
  await redis.start();
  return {
    port: redis.port,
    async stop(): Promise<void> {
      await redis.stop();
      redis.remove();
    },
  };
}
