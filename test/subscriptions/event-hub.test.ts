import { describe, expect, it } from 'vitest';
import type { NewEvent, StoredEvent } from '../../src/subscriptions/event-log';
import { eventHubOf } from '../../src/subscriptions/event-hub';
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
});
