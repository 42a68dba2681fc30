import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/** Makes sure a Redis answers on 127.0.0.1:6379, starting one (no persistence) if none does. */
export async function ensureRedis(): Promise<void> {
  if (await redisAnswers()) return;
  console.log('bench: starting redis-server on 127.0.0.1:6379');
  spawn('redis-server', ['--daemonize', 'yes', '--port', '6379', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redisAnswers()) return;
    await sleep(100);
  }
  throw new Error('Redis does not answer on 127.0.0.1:6379 and could not be started');
}

/** Whether a Redis answers PING at the URL, within half a second. */
export async function redisAnswers(url = 'redis://127.0.0.1:6379'): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 500 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
