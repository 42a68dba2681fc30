import { afterAll, beforeAll } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { createFuzzClient, type FuzzClient } from './gateway-client';
import { useRedisEventLog } from './redis-events';

export interface FuzzGateway {
  gateway: TestGateway;
  client: FuzzClient;
}

/**
 * For one fuzz file: the gateway over the sandbox with its event log on real Redis, and a
 * keep-alive client of `connections`; opened before the file's tests and closed after them.
 */
export function useFuzzGateway(connections: number): FuzzGateway {
  const fuzz = {} as FuzzGateway;
  let store: ReturnType<typeof useRedisEventLog>;
  beforeAll(async () => {
    store = useRedisEventLog();
    // One principal sends thousands of requests in seconds: the rate limits stay on, above that (test/rate-limits tests them).
    const unhurried = { RATE_LIMIT_PER_PRINCIPAL: '1000000', RATE_LIMIT_PER_AGENCY: '1000000', VENDOR_CALLS_PER_PRINCIPAL: '100000000', VENDOR_CALLS_PER_AGENCY: '100000000' };
    fuzz.gateway = await useGateway({ events: store.events, env: unhurried });
    fuzz.client = createFuzzClient(fuzz.gateway.url, connections);
  });
  afterAll(async () => {
    await fuzz.client?.close();
    await fuzz.gateway?.close();
    await store?.close();
  });
  return fuzz;
}
