import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { SCOPES } from '../../src/auth/principal';
import type { OperationLimits } from '../../src/limits/operation-limits';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { credentialHeaders } from '../helpers/transports';
import { createFuzzClient, type FuzzClient } from './gateway-client';
import { useRedisEventLog } from './redis-events';

export interface FuzzGateway {
  gateway: TestGateway;
  client: FuzzClient;
  /** The headers that authenticate every case, with every scope. */
  authorization: Record<string, string>;
}

/** A gateway the same fuzz cases run against. */
export interface FuzzConfiguration {
  name: string;
  /**
   * How every case authenticates: a JWT, or an API key (its store, and every other, then on Redis).
   * @default 'token'
   */
  credential?: 'token' | 'apiKey';
  /** Limits of one operation in place of the defaults. @default the defaults */
  limits?: Partial<OperationLimits>;
  /** The limits (as `limitsNamedIn` names them) whose refusals the run must meet, so a limit set too loose to bite shows. @default [] */
  refusedBy?: string[];
}

/** The defaults, authenticated by a JWT: the gateway as the sandbox serves it. */
export const DEFAULT_FUZZ_CONFIGURATION: FuzzConfiguration = { name: 'default limits, JWT' };

/**
 * Every document limit tight, yet no lower than the documents of operations/ need (depth 7,
 * 149 tokens, no alias or directive), so a valid case is still answered and a mutated one is
 * refused by a limit; the answer's size capped; field suggestions masked; authenticated by an API key.
 */
export const TIGHT_LIMITS_FUZZ_CONFIGURATION: FuzzConfiguration = {
  name: 'every limit tight, API key',
  credential: 'apiKey',
  limits: { maxDepth: 7, maxTokens: 200, maxAliases: 2, maxDirectives: 1, maxAnswerNodes: 2_000, maxAnswerCharacters: 100_000, blockFieldSuggestions: true },
  refusedBy: ['depth', 'token', 'aliases', 'directives'],
};

/**
 * For one fuzz suite: the gateway over the sandbox with its event log on real Redis, and a
 * keep-alive client of `connections`; opened before the suite's tests and closed after them.
 */
export function useFuzzGateway(connections: number, configuration: FuzzConfiguration = DEFAULT_FUZZ_CONFIGURATION): FuzzGateway {
  const fuzz = {} as FuzzGateway;
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    // One principal sends thousands of requests in seconds: the rate limits stay on, above that (test/rate-limits tests them).
    const unhurried = { RATE_LIMIT_PER_PRINCIPAL: '1000000', RATE_LIMIT_PER_AGENCY: '1000000', VENDOR_CALLS_PER_PRINCIPAL: '100000000', VENDOR_CALLS_PER_AGENCY: '100000000' };
    if (configuration.credential === 'apiKey') {
      const prefix = `fuzz-${randomUUID()}`;
      const client = new Redis('redis://127.0.0.1:6379');
      const subscriber = new Redis('redis://127.0.0.1:6379');
      close = async () => {
        const keys = await client.keys(`*${prefix}*`);
        if (keys.length > 0) await client.del(...keys);
        client.disconnect();
        subscriber.disconnect();
      };
      fuzz.gateway = await useGateway({ redis: { client, subscriber, prefix }, limits: configuration.limits, env: { ...unhurried, CREDENTIALS_KEY: randomBytes(32).toString('hex') } });
      const { key } = await fuzz.gateway.composed.apiKeys!.create({ name: 'fuzz', agencyId: fuzz.gateway.agencyId, scopes: SCOPES });
      fuzz.authorization = credentialHeaders({ kind: 'apiKey', key });
    } else {
      const store = useRedisEventLog();
      close = () => store.close();
      fuzz.gateway = await useGateway({ events: store.events, limits: configuration.limits, env: unhurried });
      fuzz.authorization = fuzz.gateway.authorization;
    }
    fuzz.client = createFuzzClient(fuzz.gateway.url, connections);
  });
  afterAll(async () => {
    await fuzz.client?.close();
    await fuzz.gateway?.close();
    await close();
  });
  return fuzz;
}
