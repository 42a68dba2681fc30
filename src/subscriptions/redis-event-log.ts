import type { RedisClient } from '../redis-client';
import { eventChannels } from './event-channels';
import { cursorExpired, EventsExpiredError, type AppendResult, type EventListener, type EventLog, type NewEvent, type StoredEvent } from './event-log';

export interface RedisEventLogOptions {
  /** Commands: XADD, XRANGE, the append script. */
  redis: RedisClient;
  /** A connection of its own for SUBSCRIBE (SSUBSCRIBE on a cluster), which takes a connection over. */
  subscriber: RedisClient;
  /**
   * Start of every key and channel. Required so that deployments (and test runs) sharing a Redis
   * never read each other's events.
   */
  prefix: string;
  /** Events kept per agency; older ones are trimmed (approximately, as Redis trims). @default 100000 */
  maxLength?: number;
  /** How long a delivery is remembered for deduplication. @default 604800 (7 days) */
  dedupeTtlSeconds?: number;
}

/**
 * Dedupe, append and publish in one script, so Redis either stores and publishes an event
 * exactly once or, for a delivery it has seen, returns the id stored the first time. The message
 * is `<id> <previous id> <event JSON>`, the previous id being the stream's newest before this
 * one (`-` for none): a listener that gets a message whose previous id is not the last it got has
 * missed one, and reads the stream back (see `onMessage`).
 * KEYS: stream, dedupe key. ARGV: max length, event JSON, channel, dedupe TTL, publish command
 * (SPUBLISH on a cluster: the channel shares the stream's slot, so the script stays on one shard).
 */
const APPEND_SCRIPT = `
local seen = redis.call('GET', KEYS[2])
if seen then return {seen, 1} end
local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local previous = newest[1] and newest[1][1] or '-'
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'event', ARGV[2])
redis.call('SET', KEYS[2], id, 'EX', ARGV[4])
redis.call(ARGV[5], ARGV[3], id .. ' ' .. previous .. ' ' .. ARGV[2])
return {id, 0}
`;

type StreamEntry = [id: string, fields: string[]];

/**
 * From XINFO STREAM's flat reply: the oldest id kept, and whether any event was trimmed (more
 * added than kept: the log never deletes otherwise). Without `entries-added` (Redis before 7) it
 * cannot tell, and counts the log as trimmed.
 */
function trimState(info: unknown[]): { oldestId: string | undefined; trimmed: boolean } {
  const field = (name: string) => info[info.indexOf(name) + 1];
  const first = field('first-entry') as StreamEntry | null | undefined;
  const added = info.includes('entries-added') ? Number(field('entries-added')) : Number.POSITIVE_INFINITY;
  return { oldestId: first?.[0], trimmed: added > Number(field('length')) };
}

/** A channel this instance is subscribed to: its local listeners, and the (S)SUBSCRIBE that makes them live. */
interface Channel {
  listeners: Set<EventListener>;
  subscribed: Promise<unknown>;
  /** The id of the last message it got, to tell a message that follows it from one after a gap. */
  lastId?: string;
}

/**
 * The event log in a Redis stream per agency, with live fan-out through Redis pub/sub to every
 * gateway instance. A channel is subscribed while at least one local listener needs it.
 *
 * The seam between log and live holds only once SUBSCRIBE is active: a listener is live when
 * Redis has answered its SUBSCRIBE, and after a reconnect the log subscribes again itself and
 * resyncs on that answer. ioredis's own resubscription (`autoResubscribe`) is sent after `ready`
 * with no signal when it is done, so a read-back on `ready` could run before it and miss what
 * was published in between; and a message it lets through before the read-back would move a
 * subscriber's cursor past those, so messages are dropped until the read-back is due (they are
 * in the stream, and it reads them). On a cluster the same holds per shard: a master's failover
 * stops its sharded subscriber, and the log subscribes again once ioredis has connected the new
 * map's masters (see event-channels.ts).
 */
export function createRedisEventLog(options: RedisEventLogOptions): EventLog {
  const { redis, subscriber, prefix } = options;
  const channelKind = eventChannels(subscriber);
  const maxLength = options.maxLength ?? 100_000;
  const dedupeTtl = options.dedupeTtlSeconds ?? 7 * 24 * 3600;
  // The hash tag keeps an agency's stream, dedupe keys and channel in one cluster slot.
  const streamKey = (agency: string) => `${prefix}:{${agency}}:events`;
  const dedupeKey = (agency: string, key: string) => `${prefix}:{${agency}}:seen:${key}`;
  const channel = (agency: string) => `${prefix}:{${agency}}:events`;

  const channels = new Map<string, Channel>();
  let wasDisconnected = false;
  // From a lost connection until the SUBSCRIBE after it is answered.
  let resubscribing = false;

  // A message can be lost with no connection lost: on a cluster, a master that fails over keeps
  // its sharded subscribers as a replica, and they get the new master's messages once it has
  // synced, not those published before. The previous id each message names shows the gap; the
  // listeners then read the stream back, which holds the missed events and this one.
  const onMessage = (from: string, message: string) => {
    const current = channels.get(from);
    if (!current) return;
    const idEnd = message.indexOf(' ');
    const previousEnd = message.indexOf(' ', idEnd + 1);
    const id = detachedSlice(message, 0, idEnd);
    const followsLast = current.lastId === undefined || message.slice(idEnd + 1, previousEnd) === current.lastId;
    current.lastId = id;
    if (resubscribing) return;
    if (!followsLast) {
      for (const listener of current.listeners) listener.onResync();
      return;
    }
    const event = { id, ...(JSON.parse(message.slice(previousEnd + 1)) as NewEvent) };
    for (const listener of current.listeners) listener.onEvent(event);
  };
  const onClose = () => {
    wasDisconnected = true;
    resubscribing = true;
  };
  // What was published while the connection was down is in the stream: listeners read it back
  // once SUBSCRIBE is active again. A connection lost before that answer resubscribes on its next `ready`.
  const onReady = () => {
    if (!wasDisconnected) return;
    wasDisconnected = false;
    const names = [...channels.keys()];
    if (names.length === 0) {
      resubscribing = false;
      return;
    }
    const subscribed = channelKind.subscribe(names);
    for (const name of names) channels.get(name)!.subscribed = subscribed;
    subscribed.then(
      () => {
        if (wasDisconnected) return; // lost again: the next `ready` resubscribes
        resubscribing = false;
        for (const name of names) for (const listener of channels.get(name)?.listeners ?? []) listener.onResync();
      },
      // Refused (a shard's subscriber not there yet): the next `back` event tries again.
      () => (wasDisconnected = true),
    );
  };
  subscriber.on(channelKind.messageEvent, onMessage);
  subscriber.on(channelKind.lostEvent, onClose);
  subscriber.on(channelKind.backEvent, onReady);

  async function unlisten(name: string, listener: EventListener): Promise<void> {
    const current = channels.get(name);
    if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
    channels.delete(name);
    await channelKind.unsubscribe(name);
  }

  return {
    async append(agency, key, event): Promise<AppendResult> {
      const [id, duplicate] = (await redis.eval(
        APPEND_SCRIPT,
        2,
        streamKey(agency),
        dedupeKey(agency, key),
        maxLength,
        JSON.stringify(event),
        channel(agency),
        dedupeTtl,
        channelKind.publishCommand,
      )) as [string, number];
      return { id, duplicate: duplicate === 1 };
    },

    async readAfter(agency, after, count): Promise<StoredEvent[]> {
      const key = streamKey(agency);
      const toEvents = (entries: StreamEntry[]) => entries.map(([id, fields]) => ({ id, ...(JSON.parse(fields[1] ?? '{}') as NewEvent) }));
      if (!after) return toEvents((await redis.xrange(key, '-', '+', 'COUNT', count)) as StreamEntry[]);
      // In one transaction, so no trim falls between the check and the read.
      const [[infoError, info], [readError, entries]] = (await redis.multi().xinfo('STREAM', key).xrange(key, `(${after}`, '+', 'COUNT', count).exec()) as [
        [Error | null, unknown[]],
        [Error | null, StreamEntry[]],
      ];
      if (readError) throw readError;
      // XINFO fails only on a stream not made yet: nothing stored, nothing trimmed.
      if (!infoError) {
        const { oldestId, trimmed } = trimState(info);
        if (cursorExpired(after, oldestId, trimmed)) throw new EventsExpiredError(oldestId);
      }
      return toEvents(entries);
    },

    async oldestId(agency): Promise<string | undefined> {
      const [first] = (await redis.xrange(streamKey(agency), '-', '+', 'COUNT', 1)) as StreamEntry[];
      return first?.[0];
    },

    async newestId(agency): Promise<string | undefined> {
      const [last] = (await redis.xrevrange(streamKey(agency), '+', '-', 'COUNT', 1)) as StreamEntry[];
      return last?.[0];
    },

    async listen(agency, listener) {
      const name = channel(agency);
      let current = channels.get(name);
      if (!current) {
        current = { listeners: new Set(), subscribed: channelKind.subscribe([name]) };
        channels.set(name, current);
      }
      // Added at once, so that another listener leaving meanwhile does not unsubscribe the channel.
      current.listeners.add(listener);
      try {
        await current.subscribed;
      } catch (error) {
        await unlisten(name, listener).catch(() => undefined);
        throw error;
      }
      return () => unlisten(name, listener);
    },

    async dispose() {
      subscriber.off(channelKind.messageEvent, onMessage);
      subscriber.off(channelKind.lostEvent, onClose);
      subscriber.off(channelKind.backEvent, onReady);
      channels.clear();
    },
  };
}

/**
 * A copy of part of `text` that does not keep the rest alive. V8 cuts 13 or more characters as a
 * view of the whole string, and a message's id is kept as every subscriber's cursor until that
 * subscriber's next event: the view kept each whole message (event and payload) that long.
 * Event ids are ASCII, so Latin-1 copies them exactly.
 */
function detachedSlice(text: string, start: number, end: number): string {
  return Buffer.from(text.slice(start, end), 'latin1').toString('latin1');
}
