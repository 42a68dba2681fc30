import type { Redis } from 'ioredis';
import type { AppendResult, EventListener, EventLog, NewEvent, StoredEvent } from './event-log';

export interface RedisEventLogOptions {
  /** Commands: XADD, XRANGE, the append script. */
  redis: Redis;
  /** A connection of its own for SUBSCRIBE, which takes a connection over. */
  subscriber: Redis;
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
 * exactly once or, for a delivery it has seen, returns the id stored the first time.
 * KEYS: stream, dedupe key. ARGV: max length, event JSON, channel, dedupe TTL.
 */
const APPEND_SCRIPT = `
local seen = redis.call('GET', KEYS[2])
if seen then return {seen, 1} end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'event', ARGV[2])
redis.call('SET', KEYS[2], id, 'EX', ARGV[4])
redis.call('PUBLISH', ARGV[3], id .. ' ' .. ARGV[2])
return {id, 0}
`;

type StreamEntry = [id: string, fields: string[]];

/**
 * The event log in a Redis stream per agency, with live fan-out through Redis pub/sub to every
 * gateway instance. A channel is subscribed while at least one local listener needs it.
 */
export function createRedisEventLog(options: RedisEventLogOptions): EventLog {
  const { redis, subscriber, prefix } = options;
  const maxLength = options.maxLength ?? 100_000;
  const dedupeTtl = options.dedupeTtlSeconds ?? 7 * 24 * 3600;
  // The hash tag keeps an agency's stream, dedupe keys and channel in one cluster slot.
  const streamKey = (agency: string) => `${prefix}:{${agency}}:events`;
  const dedupeKey = (agency: string, key: string) => `${prefix}:{${agency}}:seen:${key}`;
  const channel = (agency: string) => `${prefix}:{${agency}}:events`;

  const listeners = new Map<string, Set<EventListener>>();
  let wasDisconnected = false;

  const onMessage = (from: string, message: string) => {
    const set = listeners.get(from);
    if (!set) return;
    const space = message.indexOf(' ');
    const event = { id: message.slice(0, space), ...(JSON.parse(message.slice(space + 1)) as NewEvent) };
    for (const listener of set) listener.onEvent(event);
  };
  const onClose = () => {
    wasDisconnected = true;
  };
  // ioredis resubscribes on its own after a reconnect; what was published meanwhile is in the stream.
  const onReady = () => {
    if (!wasDisconnected) return;
    wasDisconnected = false;
    for (const set of listeners.values()) for (const listener of set) listener.onResync();
  };
  subscriber.on('message', onMessage);
  subscriber.on('close', onClose);
  subscriber.on('ready', onReady);

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
      )) as [string, number];
      return { id, duplicate: duplicate === 1 };
    },

    async readAfter(agency, after, count): Promise<StoredEvent[]> {
      const entries = (await redis.xrange(streamKey(agency), after ? `(${after}` : '-', '+', 'COUNT', count)) as StreamEntry[];
      return entries.map(([id, fields]) => ({ id, ...(JSON.parse(fields[1] ?? '{}') as NewEvent) }));
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
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        await subscriber.subscribe(name);
      }
      set.add(listener);
      return async () => {
        const current = listeners.get(name);
        if (!current?.delete(listener) || current.size > 0) return;
        listeners.delete(name);
        await subscriber.unsubscribe(name);
      };
    },

    async dispose() {
      subscriber.off('message', onMessage);
      subscriber.off('close', onClose);
      subscriber.off('ready', onReady);
      listeners.clear();
    },
  };
}
