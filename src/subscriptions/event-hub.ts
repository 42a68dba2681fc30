import type { EventListener, EventLog, StoredEvent } from './event-log';
import { eventKeys, interestKey, type EventInterest } from './event-interest';

/** An agency's listeners on this instance, filed by what they want, and the one log listener that feeds them all. */
interface AgencyRoom {
  byKey: Map<string, Set<EventListener>>;
  /** Each topic's subject mapping, as its interests gave it. */
  sameSubject: Map<string, (id: string) => string>;
  size: number;
  listening: Promise<() => Promise<void>>;
}

/**
 * Live events matched to their subscribers by map lookups, not by asking each subscriber: one
 * log listener per agency with subscribers here, and per event a lookup of its tenants, its topic
 * and its subject. Ten thousand subscribers of other tenants cost an event nothing.
 */
export interface EventHub {
  /** As `EventLog.listen`, for the events `interest` wants only. */
  listen(agencyId: string, interest: EventInterest, listener: EventListener): Promise<() => Promise<void>>;
  /** As `EventLog.readAfter`, one read for every caller asking the same at once (see `sharedRead`). */
  readAfter(agencyId: string, after: string | undefined, count: number): Promise<StoredEvent[]>;
  /** As `EventLog.newestId`, shared in the same way. */
  newestId(agencyId: string): Promise<string | undefined>;
}

const hubs = new WeakMap<EventLog, EventHub>();

/** The hub in front of `log`: one per log, so every subscription of an instance shares its listeners. */
export function eventHubOf(log: EventLog): EventHub {
  let hub = hubs.get(log);
  if (!hub) hubs.set(log, (hub = createEventHub(log)));
  return hub;
}

function createEventHub(log: EventLog): EventHub {
  const rooms = new Map<string, AgencyRoom>();
  const reads = new Map<string, Promise<unknown>>();

  /**
   * A read of the log shared by every caller asking for the same until the hub next hands out an
   * event or a resync, and at most until the microtasks of this turn have run. A Redis reconnect
   * makes every feed of an agency read the log back at once, as a rule from the same cursor: ten
   * thousand subscribers then cost one XRANGE, not ten thousand, and its events are the same
   * objects, decoded and answered once. Sharing it no longer is what keeps it exact: a caller
   * joining a read holds live events for its seam from then on, and none came in between that the
   * read could have missed.
   */
  function sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
    let shared = reads.get(key) as Promise<T> | undefined;
    if (!shared) {
      if (reads.size === 0) queueMicrotask(() => reads.clear());
      reads.set(key, (shared = read()));
    }
    return shared;
  }

  function openRoom(agencyId: string): AgencyRoom {
    const room: AgencyRoom = { byKey: new Map(), sameSubject: new Map(), size: 0, listening: undefined as never };
    room.listening = log.listen(agencyId, {
      onEvent: (event) => {
        reads.clear();
        dispatch(room, event);
      },
      onResync: () => {
        reads.clear();
        for (const listeners of room.byKey.values()) for (const listener of listeners) listener.onResync();
      },
    });
    rooms.set(agencyId, room);
    return room;
  }

  async function leave(agencyId: string, room: AgencyRoom, key: string, listener: EventListener): Promise<void> {
    const listeners = room.byKey.get(key);
    if (!listeners?.delete(listener)) return;
    if (listeners.size === 0) room.byKey.delete(key);
    if (--room.size > 0) return;
    // Out of the map at once: a listener arriving meanwhile opens a room of its own.
    if (rooms.get(agencyId) === room) rooms.delete(agencyId);
    const stop = await room.listening.catch(() => undefined);
    await stop?.();
  }

  return {
    readAfter: (agencyId, after, count) => sharedRead(`read\n${agencyId}\n${after ?? ''}\n${count}`, () => log.readAfter(agencyId, after, count)),
    newestId: (agencyId) => sharedRead(`newest\n${agencyId}`, () => log.newestId(agencyId)),

    async listen(agencyId, interest, listener) {
      const room = rooms.get(agencyId) ?? openRoom(agencyId);
      const key = interestKey(interest);
      if ('topic' in interest && interest.sameSubject) room.sameSubject.set(interest.topic, interest.sameSubject);
      let listeners = room.byKey.get(key);
      if (!listeners) room.byKey.set(key, (listeners = new Set()));
      listeners.add(listener);
      room.size++;
      try {
        await room.listening;
      } catch (error) {
        await leave(agencyId, room, key, listener);
        throw error;
      }
      return () => leave(agencyId, room, key, listener);
    },
  };
}

function dispatch(room: AgencyRoom, event: StoredEvent): void {
  for (const key of eventKeys(event, (topic) => room.sameSubject.get(topic))) {
    const listeners = room.byKey.get(key);
    if (listeners) for (const listener of listeners) listener.onEvent(event);
  }
}
