import { Cluster } from 'ioredis';
import type { RedisClient } from '../redis-client';

/**
 * How the event log's channels are subscribed on one Redis or on a cluster. On a cluster each
 * agency's channel is a shard channel (SSUBSCRIBE/SPUBLISH, Redis 7): it lives on the shard of
 * the agency's slot, beside its stream, instead of every message crossing the whole cluster bus.
 */
export interface EventChannels {
  /** Settles once Redis has answered for every name. */
  subscribe(names: string[]): Promise<unknown>;
  unsubscribe(name: string): Promise<unknown>;
  /** The publish command the append script runs. */
  publishCommand: 'PUBLISH' | 'SPUBLISH';
  /** The event a message arrives by. */
  messageEvent: 'message' | 'smessage';
  /** From this event until `back`, some subscription may be gone. */
  lostEvent: 'close' | '-subscriber';
  /** The connections are there again; the log subscribes again itself and resyncs. */
  backEvent: 'ready' | 'subscribersReady';
}

export function eventChannels(subscriber: RedisClient): EventChannels {
  if (!(subscriber instanceof Cluster)) {
    return {
      subscribe: (names) => subscriber.subscribe(...names),
      unsubscribe: (name) => subscriber.unsubscribe(name),
      publishCommand: 'PUBLISH',
      messageEvent: 'message',
      lostEvent: 'close',
      backEvent: 'ready',
    };
  }
  // ioredis stops a master's sharded subscriber when its connection ends or the slot map moves
  // its slots ('-subscriber'), starts one per master of the new map and then says
  // 'subscribersReady'; its own resubscription is not awaited, so the log sends its own.
  // One SSUBSCRIBE per channel: ioredis refuses channels of several slots in one.
  return {
    subscribe: (names) => Promise.all(names.map((name) => subscriber.ssubscribe(name))),
    unsubscribe: (name) => subscriber.sunsubscribe(name),
    publishCommand: 'SPUBLISH',
    messageEvent: 'smessage',
    lostEvent: '-subscriber',
    backEvent: 'subscribersReady',
  };
}
