import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../lib/free-port';
import { redisAnswers } from '../lib/redis';

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * A Redis of the bench's own on a free port, without persistence: the gateway's links are seeded
 * into it afresh for every run, and a developer's own Redis on 6379 is never touched.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (await redisAnswers(url)) break;
    if (attempt >= 50 || server.exitCode !== null) {
      server.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await sleep(100);
  }
  process.once('exit', () => server.kill('SIGKILL'));
  return {
    url,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    },
  };
}
