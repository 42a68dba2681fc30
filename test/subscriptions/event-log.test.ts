import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventLog, NewEvent, StoredEvent } from '../../src/subscriptions/event-log';
import { followEvents } from '../../src/subscriptions/follow-events';
import { createMemoryEventLog } from '../../src/subscriptions/memory-event-log';
import { createRedisEventLog } from '../../src/subscriptions/redis-event-log';

const connections: Redis[] = [];
const logs: EventLog[] = [];
const prefixes: string[] = [];

function connect(): Redis {
  const redis = new Redis('redis://127.0.0.1:6379');
  connections.push(redis);
  return redis;
}

function redisLog(prefix = `test:${randomUUID()}`, maxLength?: number): EventLog {
  prefixes.push(prefix);
  const log = createRedisEventLog({ redis: connect(), subscriber: connect(), prefix, maxLength });
  logs.push(log);
  return log;
}

function event(subjectId: string, n = 0): NewEvent {
  return { receivedAt: new Date().toISOString(), topic: 'reposit:event', tenantEmails: ['a@example.com'], subjectId, payload: { n } };
}

async function take(iterator: AsyncIterator<StoredEvent>, count: number): Promise<StoredEvent[]> {
  const taken: StoredEvent[] = [];
  while (taken.length < count) {
    const { value, done } = await iterator.next();
    if (done) break;
    taken.push(value);
  }
  return taken;
}

const ticks = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await Promise.all(logs.splice(0).map((log) => log.dispose()));
});
afterAll(async () => {
  const redis = connect();
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  for (const connection of connections) connection.disconnect();
});

describe.each<[string, (maxLength?: number) => EventLog]>([
  ['memory', (maxLength) => createMemoryEventLog({ maxLength })],
  ['redis', (maxLength) => redisLog(undefined, maxLength)],
])('%s event log', (_, create) => {
  it('stores events in order with increasing ids and reads them back after a cursor', async () => {
    const log = create();
    const first = await log.append('agency', 'd1', event('rep_1', 1));
    const second = await log.append('agency', 'd2', event('rep_1', 2));
    const third = await log.append('agency', 'd3', event('rep_2', 3));
    expect(first.duplicate).toBe(false);
    const all = await log.readAfter('agency', undefined, 10);
    expect(all.map((e) => e.id)).toEqual([first.id, second.id, third.id]);
    expect(all[0]).toMatchObject({ subjectId: 'rep_1', topic: 'reposit:event', payload: { n: 1 } });
    expect((await log.readAfter('agency', first.id, 10)).map((e) => e.id)).toEqual([second.id, third.id]);
    expect(await log.oldestId('agency')).toBe(first.id);
    expect(await log.newestId('agency')).toBe(third.id);
  });

  it('acknowledges a repeated delivery with the first id, storing and publishing nothing', async () => {
    const log = create();
    const live: StoredEvent[] = [];
    await log.listen('agency', { onEvent: (e) => live.push(e), onResync: () => undefined });
    const first = await log.append('agency', 'same', event('rep_1'));
    const again = await log.append('agency', 'same', event('rep_1'));
    await ticks();
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect(await log.readAfter('agency', undefined, 10)).toHaveLength(1);
    expect(live).toHaveLength(1);
  });

  it('keeps agencies apart', async () => {
    const log = create();
    await log.append('agency-1', 'd', event('x'));
    expect(await log.readAfter('agency-2', undefined, 10)).toEqual([]);
    expect((await log.append('agency-2', 'd', event('x'))).duplicate).toBe(false);
  });

  it('replays after a cursor then continues live, with no gap and no duplicate at the seam', async () => {
    const log = create();
    const before = await log.append('agency', 'b0', event('rep_1', 0));
    for (let n = 1; n <= 5; n++) await log.append('agency', `b${n}`, event('rep_1', n));
    const followed = followEvents(log, 'agency', { after: before.id, interest: { topic: 'reposit:event' } });
    const reading = take(followed, 10);
    // Appended while the replay may still be running: each must come exactly once.
    for (let n = 6; n <= 10; n++) await log.append('agency', `b${n}`, event('rep_1', n));
    const received = await reading;
    await followed.return?.();
    expect(received.map((e) => (e.payload as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses a cursor older than what it keeps once it has trimmed, naming the oldest kept', async () => {
    const log = create(10);
    const first = await log.append('agency', 'x0', event('x', 0));
    // Untrimmed, a cursor before everything loses nothing.
    expect(await log.readAfter('agency', '0-0', 1)).toHaveLength(1);
    // Redis trims whole nodes of 100 entries: enough for it to trim at all.
    for (let n = 1; n < 300; n++) await log.append('agency', `x${n}`, event('x', n));
    const oldestId = await log.oldestId('agency');
    expect(oldestId).not.toBe(first.id);
    for (const cursor of ['0-0', first.id]) {
      await expect(log.readAfter('agency', cursor, 10)).rejects.toMatchObject({ name: 'EventsExpiredError', oldestId });
    }
    // A cursor still kept reads on; so does no cursor.
    expect((await log.readAfter('agency', oldestId, 1000)).length).toBeGreaterThan(0);
    expect((await log.readAfter('agency', undefined, 1)).map((e) => e.id)).toEqual([oldestId]);
    // A follower from the old cursor ends with the same error.
    const followed = followEvents(log, 'agency', { after: first.id, interest: { topic: 'reposit:event' } });
    await expect(followed.next()).rejects.toMatchObject({ name: 'EventsExpiredError', oldestId });
  });

  it('delivers only the accepted events, and only new ones without a cursor', async () => {
    const log = create();
    await log.append('agency', 'old', event('rep_1', 0));
    const followed = followEvents(log, 'agency', { interest: { topic: 'reposit:event', subjectId: 'rep_2' } });
    const reading = take(followed, 2);
    await ticks();
    await log.append('agency', 'n1', event('rep_1', 1));
    await log.append('agency', 'n2', event('rep_2', 2));
    await log.append('agency', 'n3', event('rep_2', 3));
    const received = await reading;
    await followed.return?.();
    expect(received.map((e) => (e.payload as { n: number }).n)).toEqual([2, 3]);
  });
});

describe('redis event log across instances', () => {
  it('fans an event appended on one instance out to a listener on another', async () => {
    const prefix = `test:${randomUUID()}`;
    const one = redisLog(prefix);
    const two = redisLog(prefix);
    const followed = followEvents(two, 'agency', { interest: { topic: 'reposit:event' } });
    const reading = take(followed, 1);
    await ticks();
    const { id } = await one.append('agency', 'x', event('rep_1', 7));
    expect((await reading).map((e) => e.id)).toEqual([id]);
    await followed.return?.();
  });

  it('reads back an event whose message never came, once the next message names it as its previous', async () => {
    const prefix = `test:${randomUUID()}`;
    const log = redisLog(prefix);
    const followed = followEvents(log, 'agency', { interest: { topic: 'reposit:event' } });
    const first = take(followed, 1);
    await ticks();
    await log.append('agency', 'a', event('rep_1', 1));
    expect((await first).map((e) => e.subjectId)).toEqual(['rep_1']);
    // Stored with no message, as when a failed-over master's subscribers miss what the new master published before they synced.
    const missedId = await connect().xadd(`${prefix}:{agency}:events`, '*', 'event', JSON.stringify(event('rep_2', 2)));
    const { id: nextId } = await log.append('agency', 'c', event('rep_3', 3));
    expect((await take(followed, 2)).map((e) => e.id)).toEqual([missedId, nextId]);
    await followed.return?.();
  });

  it('unsubscribes a channel only when its last local listener leaves', async () => {
    const prefix = `test:${randomUUID()}`;
    const subscriber = connect();
    const log = createRedisEventLog({ redis: connect(), subscriber, prefix });
    logs.push(log);
    const seen: string[] = [];
    const stopFirst = await log.listen('agency', { onEvent: () => seen.push('first'), onResync: () => undefined });
    const stopSecond = await log.listen('agency', { onEvent: () => seen.push('second'), onResync: () => undefined });
    await stopFirst();
    await log.append('agency', 'a', event('x'));
    await ticks();
    expect(seen).toEqual(['second']);
    await stopSecond();
    const channels = (await connect().pubsub('CHANNELS', `${prefix}:*`)) as string[];
    expect(channels).toEqual([]);
  });

  it('after its subscriber connection drops, reads back what was published meanwhile', async () => {
    const prefix = `test:${randomUUID()}`;
    const subscriber = connect();
    const subscriberId = (await subscriber.client('ID')) as number;
    const log = createRedisEventLog({ redis: connect(), subscriber, prefix });
    logs.push(log);
    const writer = redisLog(prefix);
    const followed = followEvents(log, 'agency', { interest: { topic: 'reposit:event' } });
    const reading = take(followed, 3);
    await ticks();
    await writer.append('agency', 'a', event('x', 1));
    await ticks();
    // Kill the subscriber's connection server-side; events appended before it is back are missed live.
    await connect().client('KILL', 'ID', String(subscriberId));
    await writer.append('agency', 'b', event('x', 2));
    await writer.append('agency', 'c', event('x', 3));
    const received = await reading;
    await followed.return?.();
    expect(received.map((e) => (e.payload as { n: number }).n)).toEqual([1, 2, 3]);
  });

  it('trims the log to about its maximum length', async () => {
    const log = redisLog(`test:${randomUUID()}`, 10);
    for (let n = 0; n < 300; n++) await log.append('agency', `t${n}`, event('x', n));
    const kept = await log.readAfter('agency', undefined, 1000);
    expect(kept.length).toBeLessThan(300);
    expect((kept.at(-1)?.payload as { n: number }).n).toBe(299);
  });
});
