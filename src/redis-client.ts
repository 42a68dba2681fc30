import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Config } from './config';
import { redactUrl } from './http/redact-url';

/** One Redis (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES): every store takes either. */
export type RedisClient = Redis | Cluster;

const CONNECTION: RedisOptions = { connectTimeout: 2_000, maxRetriesPerRequest: 2 };

/** Unconnected (`lazyConnect`): the caller connects, and decides what a Redis that does not answer means. */
export function createRedisClient(config: Pick<Config, 'redisUrl' | 'redisClusterNodes'>): RedisClient {
  if (!config.redisClusterNodes) return new Redis(config.redisUrl, { ...CONNECTION, lazyConnect: true });
  return new Cluster(config.redisClusterNodes, clusterOptions());
}

/**
 * The connection for pub/sub. On a cluster it subscribes per shard (SSUBSCRIBE, one connection
 * per master, moved by ioredis when a slot moves), as the event log's channels need.
 */
export function createSubscriberClient(client: RedisClient): RedisClient {
  if (!(client instanceof Cluster)) return client.duplicate();
  // A connection that only subscribes sends no command that a MOVED would answer, so nothing
  // tells ioredis of a failover: when a master hands its slots over, Redis 7 ends the shard
  // channels' subscriptions with a SUNSUBSCRIBE of its own, which ioredis 5.11 does not expect and
  // reports as a 'nodeError' ("Command queue state error"). Reading the slot map then, and every
  // second in case a notice is missed, moves the sharded subscribers to the new masters.
  const subscriber = client.duplicate(undefined, { shardedSubscribers: true, slotsRefreshInterval: 1_000 });
  subscriber.on('nodeError', () => subscriber.refreshSlotsCache());
  return subscriber;
}

function clusterOptions(): ClusterOptions {
  return {
    lazyConnect: true,
    redisOptions: CONNECTION,
    // A command sent to a master that just failed is retried once the new slot map says where to go.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
  };
}

/** Where Redis is, for log lines and readiness: the URL without its password, or the cluster's start nodes. */
export function describeRedis(config: Pick<Config, 'redisUrl' | 'redisClusterNodes'>): string {
  if (!config.redisClusterNodes) return redactUrl(config.redisUrl);
  return `the Redis Cluster at ${config.redisClusterNodes.map((node) => `${node.host}:${node.port}`).join(',')}`;
}
