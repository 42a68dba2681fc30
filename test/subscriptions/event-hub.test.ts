import { describe, expect, it } from 'vitest';
import type { EventListener, NewEvent, StoredEvent } from '../../src/subscriptions/event-log';
import { eventHubOf } from '../../src/subscriptions/event-hub';
import { followEvents } from '../../src/subscriptions/follow-events';
import { createMemoryEventLog } from '../../src/subscriptions/memory-event-log';

function event(topic: string, tenantEmails: string[], subjectId: string): NewEvent {
  return { receivedAt: new Date().toISOString(), topic, tenantEmails, subjectId, payload: {} };
}

const sameReposit = (id: string) => id.replace(/^ep_/, 'rep_');

describe('the event hub', () => {
  it('gives each listener the events its interest wants, once, and nothing of other tenants, topics, subjects or agencies', async () => {
    const log = createMemoryEventLog();
    const hub = eventHubOf(log);
    const got: Record<string, string[]> = { amara: [], ben: [], topic: [], subject: [] };
    const listener = (name: string) => ({ onEvent: (e: StoredEvent) => got[name]!.push(e.subjectId), onResync: () => undefined });
    await hub.listen('north', { tenantEmail: 'amara@example.com' }, listener('amara'));
    await hub.listen('north', { tenantEmail: 'ben@example.com' }, listener('ben'));
    await hub.listen('north', { topic: 'reposit:changed' }, listener('topic'));
    await hub.listen('north', { topic: 'reposit:changed', subjectId: 'rep_1', sameSubject: sameReposit }, listener('subject'));

    await log.append('north', 'a', event('reposit:changed', ['amara@example.com', 'amara@example.com'], 'ep_1'));
    await log.append('north', 'b', event('reposit:changed', ['ben@example.com'], 'rep_2'));
    await log.append('north', 'c', event('passport:status', ['amara@example.com'], 'c-1'));
    await log.append('south', 'd', event('reposit:changed', ['amara@example.com'], 'rep_1'));

    expect(got).toEqual({ amara: ['ep_1', 'c-1'], ben: ['rep_2'], topic: ['ep_1', 'rep_2'], subject: ['ep_1'] });
  });

  it('listens to the log once per agency, and stops when its last listener leaves', async () => {
    const log = createMemoryEventLog();
    let listening = 0;
    const counted = { ...log, listen: async (...args: Parameters<typeof log.listen>) => {
      listening++;
      const stop = await log.listen(...args);
      return async () => {
        listening--;
        await stop();
      };
    } };
    const hub = eventHubOf(counted);
    const quiet = { onEvent: () => undefined, onResync: () => undefined };
    const first = await hub.listen('north', { tenantEmail: 'amara@example.com' }, quiet);
    const second = await hub.listen('north', { topic: 'reposit:changed' }, { ...quiet });
    expect(listening).toBe(1);
    await first();
    expect(listening).toBe(1);
    await second();
    expect(listening).toBe(0);
  });

  it('reads the log back once for every feed that resyncs from the same cursor, and each still gets every event once', async () => {
    const log = createMemoryEventLog();
    const logListeners: EventListener[] = [];
    let reads = 0;
    const counted = {
      ...log,
      readAfter: (...args: Parameters<typeof log.readAfter>) => {
        reads++;
        return log.readAfter(...args);
      },
      listen: (agency: string, listener: EventListener) => {
        logListeners.push(listener);
        return log.listen(agency, listener);
      },
    };
    await counted.append('north', 'first', event('reposit:changed', ['amara@example.com'], 'rep_0'));
    const feeds = Array.from({ length: 200 }, () => followEvents(counted, 'north', { interest: { tenantEmail: 'amara@example.com' } }));
    const firsts = feeds.map((feed) => feed.next());
    await new Promise((resolve) => setTimeout(resolve, 20));
    await counted.append('north', 'live', event('reposit:changed', ['amara@example.com'], 'rep_1'));
    expect((await Promise.all(firsts)).map((step) => step.value?.subjectId)).toEqual(feeds.map(() => 'rep_1'));

    // Stored while live delivery was away: only the read-back after the resync finds it.
    await log.append('north', 'missed', event('reposit:changed', ['amara@example.com'], 'rep_2'));
    reads = 0;
    for (const listener of logListeners) listener.onResync();
    const seconds = await Promise.all(feeds.map((feed) => feed.next()));
    expect(seconds.map((step) => step.value?.subjectId)).toEqual(feeds.map(() => 'rep_2'));
    expect(reads).toBe(1);

    await counted.append('north', 'after', event('reposit:changed', ['amara@example.com'], 'rep_3'));
    const thirds = await Promise.all(feeds.map((feed) => feed.next()));
    expect(thirds.map((step) => step.value?.subjectId)).toEqual(feeds.map(() => 'rep_3'));
    await Promise.all(feeds.map((feed) => feed.return?.()));
  });

  it('does not share a read with a feed that joins after an event was handed out', async () => {
    const log = createMemoryEventLog();
    const hub = eventHubOf(log);
    await hub.listen('north', { tenantEmail: 'amara@example.com' }, { onEvent: () => undefined, onResync: () => undefined });
    // All in one turn: the memory log hands an appended event out at once.
    const before = hub.readAfter('north', undefined, 10);
    const appended = log.append('north', 'between', event('reposit:changed', ['amara@example.com'], 'rep_1'));
    const after = hub.readAfter('north', undefined, 10);
    await appended;
    expect(after).not.toBe(before);
    expect((await after).map((e) => e.subjectId)).toEqual(['rep_1']);
    expect(hub.readAfter('north', undefined, 10)).toBe(hub.readAfter('north', undefined, 10));
  });
});
