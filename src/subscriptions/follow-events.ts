import { Repeater } from '@repeaterjs/repeater';
import { compareEventIds, type EventLog, type StoredEvent } from './event-log';

const PAGE = 500;

export interface FollowOptions {
  /** Replay the events after this id before going live; live from now when absent. */
  after?: string;
  /** Which events the subscriber wants. */
  accept: (event: StoredEvent) => boolean;
}

/**
 * An agency's events as one ordered stream: those stored after the cursor, then live ones,
 * with no gap and no duplicate at the seam. Live events that arrive while the stored ones are
 * being read are held back and released after them; anything at or before the last event read
 * is dropped. After a reconnect, the log is read again from the last event seen.
 */
export function followEvents(log: EventLog, agencyId: string, options: FollowOptions): AsyncIterableIterator<StoredEvent> {
  return new Repeater<StoredEvent>(async (push, stop) => {
    let lastId = options.after;
    // Live events wait here while the log is being read; from the start, since listening begins first.
    let held: StoredEvent[] | undefined = [];
    let catchingUp: Promise<void> = Promise.resolve();

    const release = async (event: StoredEvent) => {
      if (lastId && compareEventIds(event.id, lastId) <= 0) return;
      lastId = event.id;
      if (options.accept(event)) await push(event);
    };

    const drainHeld = async () => {
      const waiting = held ?? [];
      held = undefined;
      for (const event of waiting) await release(event);
    };

    const catchUp = async () => {
      held ??= [];
      for (;;) {
        const page = await log.readAfter(agencyId, lastId, PAGE);
        for (const event of page) await release(event);
        if (page.length < PAGE) break;
      }
      await drainHeld();
    };

    const unlisten = await log.listen(agencyId, {
      onEvent(event) {
        if (held) held.push(event);
        else void release(event);
      },
      onResync() {
        catchingUp = catchingUp.then(catchUp).catch(stop);
      },
    });
    if (options.after !== undefined) {
      catchingUp = catchUp().catch(stop);
    } else {
      // Live only: the newest stored event marks the start, so a resync knows where to read from.
      lastId = await log.newestId(agencyId);
      await drainHeld();
    }
    await stop;
    await unlisten();
  });
}
