import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis-client';

export interface ReportLinkKeyOptions {
  /** REPORT_LINK_SECRET, when set: every instance given the same one accepts the others' links. */
  configured: string | undefined;
  /** Where a random key is kept when none is configured, so instances on one Redis share it. */
  redis: RedisClient | undefined;
  prefix: string;
}

/**
 * The key of the report links' HMAC, apart from the webhook secret: that one travels in URL
 * paths (and so in proxy logs), and a leaked webhook URL must not also forge report links.
 * Unconfigured, the key is random, made once per Redis with SET NX; without Redis, per process.
 */
export async function reportLinkKey(options: ReportLinkKeyOptions): Promise<string> {
  if (options.configured) return options.configured;
  const fresh = randomBytes(32).toString('base64url');
  if (!options.redis) return fresh;
  const key = `${options.prefix}:report-link-key`;
  await options.redis.set(key, fresh, 'NX');
  const kept = await options.redis.get(key);
  if (!kept) throw new Error(`${key} vanished from Redis right after it was set`);
  return kept;
}
