/**
 * A gateway under load, as in production but for two things. Its rate limits are on but above
 * what one bench principal sends (thousands of requests a second, and as many subscriptions), so
 * the numbers measure serving, not refusing; bench/rate-limiter.ts measures the limits
 * themselves. It takes documents as text, as the peer and the floor are sent them. And it
 * serves the 50-tenant list, which MAX_VENDOR_CALLS' default refuses (about 500 calls).
 */
export const BENCH_GATEWAY_ENV: Record<string, string> = {
  PERSISTED_DOCUMENTS: 'allow',
  MAX_VENDOR_CALLS: '2000',
  RATE_LIMIT_PER_PRINCIPAL: '100000000',
  RATE_LIMIT_PER_AGENCY: '100000000',
  VENDOR_CALLS_PER_PRINCIPAL: '100000000',
  VENDOR_CALLS_PER_AGENCY: '100000000',
  MAX_SUBSCRIPTIONS_PER_SOCKET: '100000',
  MAX_SUBSCRIPTIONS_PER_PRINCIPAL: '1000000',
  MAX_SUBSCRIPTIONS_PER_AGENCY: '10000000',
  // The bench drives one agency; its share of each vendor's 256 connections is all but one.
  ...Object.fromEntries(
    ['CANOPY_REFERENCING', 'CANOPY_SERVICING', 'REPOSIT'].flatMap((vendor) => [
      [`${vendor}_CALLS_PER_SECOND_PER_AGENCY`, '1000000'],
      [`${vendor}_CALLS_IN_FLIGHT_PER_AGENCY`, '255'],
    ]),
  ),
};
