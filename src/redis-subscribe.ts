import type { RedisClient } from './redis-client';

/**
 * SUBSCRIBEs without holding start-up back: a SUBSCRIBE refused while Redis is away is sent again
 * once it answers (ioredis resubscribes by itself only to what succeeded). Settles once subscribed.
 */
export function subscribeWhenReady(subscriber: RedisClient, channel: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const subscribe = (): void => {
      subscriber.subscribe(channel).then(
        () => resolve(),
        () => subscriber.once('ready', subscribe),
      );
    };
    subscribe();
  });
}
