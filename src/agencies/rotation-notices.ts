import type { RedisClient } from '../redis-client';
import { subscribeWhenReady } from '../redis-subscribe';
import { AGENCY_ID } from './agency';

export interface RotationNoticesOptions {
  redis: RedisClient;
  /** A connection for SUBSCRIBE, shared with the other listeners: each reads only its own channel. */
  subscriber: RedisClient;
  /** Start of the channel, so that deployments (or test runs) sharing one Redis hear only their own notices. */
  prefix: string;
  /** Told the id of an agency whose Canopy key was rotated, on any instance, this one included. */
  onRotated(agencyId: string): void;
}

export interface RotationNotices {
  /** Tells every instance that the agency's Canopy key was rotated. The message is the agency id only, never a key. */
  publish(agencyId: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Canopy key rotations told to every instance on `<prefix>:canopy-key-rotated`, so each builds the agency's clients anew. */
export function createRotationNotices(options: RotationNoticesOptions): RotationNotices {
  const { redis, subscriber, onRotated } = options;
  const channel = `${options.prefix}:canopy-key-rotated`;
  const onMessage = (from: string, agencyId: string) => {
    if (from === channel && AGENCY_ID.test(agencyId)) onRotated(agencyId);
  };
  subscriber.on('message', onMessage);
  void subscribeWhenReady(subscriber, channel);
  return {
    async publish(agencyId) {
      await redis.publish(channel, agencyId);
    },
    async dispose() {
      subscriber.off('message', onMessage);
      await subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}
