import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/** Makes sure a Redis answers on 127.0.0.1:6379, starting one (no persistence) if none does. */
export async function ensureRedis(): Promise<void> {
  if (await answers()) return;
  console.log('bench: starting redis-server on 127.0.0.1:6379');
  spawn('redis-server', ['--daemonize', 'yes', '--port', '6379', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await answers()) return;
    await sleep(100);
  }
  throw new Error('Redis does not answer on 127.0.0.1:6379 and could not be started');
}

async function answers(): Promise<boolean> {
  const redis = new Redis({ lazyConnect: true, retryStrategy: () => null, connectTimeout: 500 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
