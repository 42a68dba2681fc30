import type { AppendResult, EventListener, EventLog, NewEvent, StoredEvent } from './event-log';
import { compareEventIds, cursorExpired, EventsExpiredError } from './event-log';

export interface MemoryEventLogOptions {
  /** Events kept per agency. @default 10000 */
  maxLength?: number;
}

/**
 * The event log of the single-instance mode without Redis: the same contract, in this
 * process's memory, lost when it stops and never seen by another instance.
 */
export function createMemoryEventLog(options: MemoryEventLogOptions = {}): EventLog {
  const maxLength = options.maxLength ?? 10_000;
  const logs = new Map<string, StoredEvent[]>();
  const seen = new Map<string, string>();
  // Agencies whose log has lost events to the length limit.
  const trimmed = new Set<string>();
  const listeners = new Map<string, Set<EventListener>>();
  let lastMs = 0;
  let sequence = 0;

  function nextId(): string {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      sequence = 0;
    } else sequence++;
    return `${lastMs}-${sequence}`;
  }

  return {
    async append(agency, key, event: NewEvent): Promise<AppendResult> {
      const seenKey = `${agency}\u0000${key}`;
      const earlier = seen.get(seenKey);
      if (earlier) return { id: earlier, duplicate: true };
      const stored = { id: nextId(), ...event };
      const log = logs.get(agency) ?? [];
      log.push(stored);
      if (log.length > maxLength) {
        log.splice(0, log.length - maxLength);
        trimmed.add(agency);
      }
      logs.set(agency, log);
      seen.set(seenKey, stored.id);
      // Deliveries are remembered as long as their events are kept: a Map iterates oldest first.
      if (seen.size > maxLength) seen.delete(seen.keys().next().value as string);
      for (const listener of listeners.get(agency) ?? []) listener.onEvent(stored);
      return { id: stored.id, duplicate: false };
    },
    async readAfter(agency, after, count) {
      const log = logs.get(agency) ?? [];
      if (after && cursorExpired(after, log[0]?.id, trimmed.has(agency))) throw new EventsExpiredError(log[0]?.id);
      return log.filter((event) => !after || compareEventIds(event.id, after) > 0).slice(0, count);
    },
    async oldestId(agency) {
      return logs.get(agency)?.[0]?.id;
    },
    async newestId(agency) {
      return logs.get(agency)?.at(-1)?.id;
    },
    async listen(agency, listener) {
      const set = listeners.get(agency) ?? new Set();
      set.add(listener);
      listeners.set(agency, set);
      return async () => {
        set.delete(listener);
      };
    },
    async dispose() {
      listeners.clear();
    },
  };
}
