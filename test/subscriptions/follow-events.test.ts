import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventLog, NewEvent, StoredEvent } from '../../src/subscriptions/event-log';
import { followEvents } from '../../src/subscriptions/follow-events';
import { createMemoryEventLog } from '../../src/subscriptions/memory-event-log';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';
import { DurableRedis, freePort } from '../helpers/redis-server';

const prefix = `test:${randomUUID()}`;
const connections: Redis[] = [];
const logs: EventLog[] = [];

function redisLog(): EventLog {
  const redis = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  connections.push(redis, subscriber);
  const log = createRedisEventLog({ redis, subscriber, prefix });
  logs.push(log);
  return log;
}

function event(n: number): NewEvent {
  return { receivedAt: new Date().toISOString(), topic: 'reposit:changed', tenantEmails: ['a@example.com'], subjectId: 'rep_1', payload: { n } };
}

async function drain(iterator: AsyncIterator<StoredEvent>, count: number): Promise<number[]> {
  const taken: number[] = [];
  while (taken.length < count) {
    const { value, done } = await iterator.next();
    if (done) break;
    taken.push((value.payload as { n: number }).n);
  }
  return taken;
}

afterAll(async () => {
  await Promise.all(logs.map((log) => log.dispose()));
  const [first] = connections;
  const keys = first ? await first.keys(`${prefix}:*`) : [];
  if (keys.length > 0) await first!.del(...keys);
  for (const connection of connections) connection.disconnect();
});

// More than a subscriber holds live (and more than the 1024 pending pushes a Repeater allows).
const BURST = 2_500;

describe.each<[string, () => EventLog]>([
  ['memory', () => createMemoryEventLog()],
  ['redis', redisLog],
])('followEvents on the %s log, for a subscriber slower than a burst', (_, create) => {
  it.each([
    ['live from now', false],
    ['replaying after a cursor', true],
  ])('gives every event of the burst once, in order, once the subscriber reads again (%s)', async (_, fromCursor) => {
    const log = create();
    const agency = randomUUID();
    const start = await log.append(agency, 'start', event(0));
    const followed = followEvents(log, agency, { after: fromCursor ? start.id : undefined, interest: { topic: 'reposit:changed' } });
    const first = drain(followed, 1);
    // Live from now starts once listening: give it the time to.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await log.append(agency, 'first', event(1));
    expect(await first).toEqual([1]);

    // The subscriber does not read while the burst comes.
    for (let n = 2; n <= BURST + 1; n++) await log.append(agency, `e${n}`, event(n));
    const received = await drain(followed, BURST);
    await followed.return?.();
    expect(received).toEqual(Array.from({ length: BURST }, (_, i) => i + 2));
  });
});

describe('followEvents when the log cannot be read for a moment', () => {
  it('reads it again once Redis is back, rather than end the stream with the read’s error', async () => {
    const redis = new DurableRedis(await freePort());
    await redis.start();
    // Commands fail fast while Redis is away, as the gateway's do.
    const options = { port: redis.port, maxRetriesPerRequest: 1, retryStrategy: () => 100 };
    const [commands, subscriber] = [new Redis(options), new Redis(options)];
    for (const connection of [commands, subscriber]) connection.on('error', () => undefined);
    const log = createRedisEventLog({ redis: commands, subscriber, prefix: 'follow-again' });
    try {
      const agency = randomUUID();
      const stored = await log.append(agency, 'one', event(1));
      const followed = followEvents(log, agency, { after: '0-0', interest: { topic: 'reposit:changed' } });
      // Listening, then Redis goes away before the replay's first read.
      await log.listen(agency, { onEvent: () => undefined, onResync: () => undefined });
      await redis.stop();
      const first = followed.next();
      await expect(commands.ping()).rejects.toThrow();
      await redis.start();
      const { value } = await first;
      expect(value?.id).toBe(stored.id);
      await followed.return?.();
    } finally {
      await log.dispose();
      commands.disconnect();
      subscriber.disconnect();
      await redis.stop();
      redis.remove();
    }
  }, 20_000);
});
