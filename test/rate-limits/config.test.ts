import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { DEFAULT_RATE_LIMITS } from '../../src/rate-limits/rate-limit-config';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('rate limit variables', () => {
  it('has the documented defaults, and an agency may hold half of a vendor pool', () => {
    const config = loadConfig({});
    expect(config.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(config.rateLimits).toMatchObject({ windowSeconds: 60, requestsPerPrincipal: 600, requestsPerAgency: 6000 });
    expect(config.vendorBudgets.reposit).toEqual({ callsPerSecond: 1000, callsInFlight: 128 });
    expect(loadConfig({ CANOPY_SERVICING_MAX_CONNECTIONS: '10' }).vendorBudgets.canopyServicing.callsInFlight).toBe(5);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_PER_PRINCIPAL: '5',
      RATE_LIMIT_PER_AGENCY: '50',
      VENDOR_CALLS_PER_PRINCIPAL: '500',
      VENDOR_CALLS_PER_AGENCY: '5000',
      MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
      MAX_SUBSCRIPTIONS_PER_PRINCIPAL: '4',
      MAX_SUBSCRIPTIONS_PER_AGENCY: '40',
      REPOSIT_CALLS_PER_SECOND_PER_AGENCY: '7',
      REPOSIT_CALLS_IN_FLIGHT_PER_AGENCY: '8',
    });
    expect(config.rateLimits).toEqual({
      windowSeconds: 10,
      requestsPerPrincipal: 5,
      requestsPerAgency: 50,
      vendorCallsPerPrincipal: 500,
      vendorCallsPerAgency: 5000,
      subscriptionsPerSocket: 3,
      subscriptionsPerPrincipal: 4,
      subscriptionsPerAgency: 40,
    });
    expect(config.vendorBudgets.reposit).toEqual({ callsPerSecond: 7, callsInFlight: 8 });
  });

  it.each([
    ['RATE_LIMIT_PER_PRINCIPAL', '0'],
    ['RATE_LIMIT_PER_AGENCY', 'many'],
    ['RATE_LIMIT_WINDOW_SECONDS', '1.5'],
    ['MAX_SUBSCRIPTIONS_PER_SOCKET', '-1'],
    ['CANOPY_REFERENCING_CALLS_PER_SECOND_PER_AGENCY', '0'],
  ])('refuses %s=%s, naming it and the rule', (name, value) => {
    const message = refusal({ [name]: value });
    expect(message).toContain(name);
    expect(message).toContain('a whole number from 1 to');
  });

  it('refuses calls in flight per agency as many as the pool has connections', () => {
    const message = refusal({ REPOSIT_MAX_CONNECTIONS: '16', REPOSIT_CALLS_IN_FLIGHT_PER_AGENCY: '16' });
    expect(message).toContain('REPOSIT_CALLS_IN_FLIGHT_PER_AGENCY');
    expect(message).toContain('fewer than REPOSIT_MAX_CONNECTIONS (16)');
  });
});
