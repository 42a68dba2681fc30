import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads REDIS_CLUSTER_NODES as host:port pairs, and refuses it beside REDIS_URL, naming both', () => {
    expect(loadConfig({}).redisClusterNodes).toBeUndefined();
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001,[::1]:7002' }).redisClusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    for (const bad of ['10.0.0.1', '10.0.0.1:0', '10.0.0.1:70000', '10.0.0.1:7000,', 'redis://10.0.0.1:7000']) {
      expect(configError({ REDIS_CLUSTER_NODES: bad }).variable).toBe('REDIS_CLUSTER_NODES');
    }
    const both = configError({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    expect(both.message).toContain('REDIS_URL');
    expect(both.message).toContain('REDIS_CLUSTER_NODES');
  });

  it('serves every vendor from the sandbox when no credentials are given', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      redisUrl: 'redis://127.0.0.1:6379',
      redisUrlExplicit: false,
      redisKeyPrefix: 'rentgraph',
      publicUrl: 'http://localhost:4000',
      webhookSecretGenerated: true,
      sandbox: { forced: false, events: true },
      federation: false,
      agency: { id: 'default', canopyReferencing: null, canopyServicing: null, reposit: null },
      vendorConnections: { canopyReferencing: 256, canopyServicing: 256, reposit: 256 },
    });
    expect(config.webhookSecret.length).toBeGreaterThanOrEqual(16);
  });

  it('reads the credentials of each vendor, with documented default base URLs', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'redis://cache:6380',
      PUBLIC_URL: 'https://gw.example.com/',
      WEBHOOK_SECRET: 'a-long-enough-secret',
      CANOPY_REFERENCING_BASE_URL: 'https://api.canopy.rent/',
      CANOPY_CLIENT_ID: 'client',
      CANOPY_SECRET_KEY: 'secret',
      CANOPY_API_KEY: 'key',
      CANOPY_SERVICING_TOKEN: 'token',
      REPOSIT_API_KEY: 'reposit-key',
      REPOSIT_REFERRER_TOKEN: 'crm',
      SANDBOX_EVENTS: '0',
      FEDERATION: '1',
    });
    expect(config).toMatchObject({
      port: 8080,
      redisUrlExplicit: true,
      publicUrl: 'https://gw.example.com',
      webhookSecret: 'a-long-enough-secret',
      sandbox: { forced: false, events: false },
      federation: true,
      agency: {
        canopyReferencing: { baseUrl: 'https://api.canopy.rent', clientId: 'client', secretKey: 'secret', apiKey: 'key' },
        canopyServicing: { baseUrl: 'https://sandbox.canopyservicing.com', token: 'token' },
        reposit: { baseUrl: 'https://reposit.co.uk/deposits', apiKey: 'reposit-key' },
      },
      repositReferrerToken: 'crm',
    });
    expect(config.agency.reposit).not.toHaveProperty('referrerToken');
  });

  it('reads REPOSIT_REFERRER_TOKEN alone as the CRM’s, shared by every agency (an agencies file holds their keys)', () => {
    const config = loadConfig({ REPOSIT_REFERRER_TOKEN: 'crm' });
    expect(config.repositReferrerToken).toBe('crm');
    expect(config.agency.reposit).toBeNull();
  });

  it('ignores vendor credentials when SANDBOX=1 forces the sandbox', () => {
    const config = loadConfig({ SANDBOX: '1', CANOPY_SERVICING_TOKEN: 'token', REPOSIT_API_KEY: 'key' });
    expect(config.agency).toMatchObject({ canopyServicing: null, reposit: null });
  });

  it('takes the Redis key prefix from REDIS_KEY_PREFIX', () => {
    expect(loadConfig({ REDIS_KEY_PREFIX: 'staging-eu' }).redisKeyPrefix).toBe('staging-eu');
  });

  it('sizes each vendor pool from its own variable', () => {
    const config = loadConfig({ CANOPY_REFERENCING_MAX_CONNECTIONS: '16', CANOPY_SERVICING_MAX_CONNECTIONS: '512', REPOSIT_MAX_CONNECTIONS: '64' });
    expect(config.vendorConnections).toEqual({ canopyReferencing: 16, canopyServicing: 512, reposit: 64 });
  });

  it('reads the limits of one operation, with their defaults', () => {
    expect(loadConfig({}).limits).toEqual({ maxDepth: 10, maxTokens: 1000, maxAliases: 15, maxDirectives: 20, maxAnswerNodes: 50_000, maxAnswerCharacters: 10_000_000, deadlineMs: 10_000, maxVendorCalls: 250, blockFieldSuggestions: false });
    const config = loadConfig({ MAX_DEPTH: '12', MAX_TOKENS: '3000', MAX_ALIASES: '0', MAX_DIRECTIVES: '40', MAX_ANSWER_NODES: '200000', MAX_ANSWER_CHARACTERS: '500000', OPERATION_DEADLINE_MS: '2500', MAX_VENDOR_CALLS: '40' });
    expect(config.limits).toEqual({ maxDepth: 12, maxTokens: 3000, maxAliases: 0, maxDirectives: 40, maxAnswerNodes: 200_000, maxAnswerCharacters: 500_000, deadlineMs: 2500, maxVendorCalls: 40, blockFieldSuggestions: false });
  });

  it.each([
    [{ MAX_DEPTH: '0' }, 'MAX_DEPTH', 'a whole number from 1 to 1000'],
    [{ MAX_ALIASES: '-1' }, 'MAX_ALIASES', 'a whole number from 0 to 10000'],
    [{ MAX_DIRECTIVES: 'many' }, 'MAX_DIRECTIVES', 'a whole number from 0 to 10000'],
    [{ OPERATION_DEADLINE_MS: '10s' }, 'OPERATION_DEADLINE_MS', 'a whole number from 1 to 3600000'],
    [{ MAX_VENDOR_CALLS: '0' }, 'MAX_VENDOR_CALLS', 'a whole number from 1 to 1000000'],
    [{ PORT: 'eighty' }, 'PORT', 'a port number'],
    [{ REDIS_KEY_PREFIX: 'staging:eu' }, 'REDIS_KEY_PREFIX', 'up to 64 letters'],
    [{ CANOPY_SERVICING_MAX_CONNECTIONS: '0' }, 'CANOPY_SERVICING_MAX_CONNECTIONS', 'a whole number from 1 to 10000'],
    [{ REPOSIT_MAX_CONNECTIONS: '2.5' }, 'REPOSIT_MAX_CONNECTIONS', 'a whole number from 1 to 10000'],
    [{ PORT: '70000' }, 'PORT', 'a port number'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL', 'redis:'],
    [{ PUBLIC_URL: 'gateway.example.com' }, 'PUBLIC_URL', 'an absolute URL'],
    [{ WEBHOOK_SECRET: 'short' }, 'WEBHOOK_SECRET', 'at least 16 characters'],
    [{ SANDBOX: 'maybe' }, 'SANDBOX', '1 or 0'],
    [{ SANDBOX_EVENTS: 'sometimes' }, 'SANDBOX_EVENTS', '1 or 0'],
    [{ FEDERATION: 'v2' }, 'FEDERATION', '1 or 0'],
    [{ CANOPY_CLIENT_ID: 'client' }, 'CANOPY_REFERENCING_BASE_URL', 'CANOPY_CLIENT_ID is set'],
    [
      { CANOPY_REFERENCING_BASE_URL: 'https://x.test', CANOPY_CLIENT_ID: 'c', CANOPY_SECRET_KEY: 's' },
      'CANOPY_API_KEY',
      'a value',
    ],
    [{ CANOPY_SERVICING_BASE_URL: 'https://x.test' }, 'CANOPY_SERVICING_TOKEN', 'CANOPY_SERVICING_BASE_URL is set'],
    [{ REPOSIT_BASE_URL: 'https://x.test' }, 'REPOSIT_API_KEY', 'REPOSIT_BASE_URL is set'],
    [{ REPOSIT_API_KEY: 'k', REPOSIT_BASE_URL: 'ftp://x' }, 'REPOSIT_BASE_URL', 'http: or https:'],
  ])('refuses %j, naming %s and what it expects', (env, variable, expected) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(expected);
  });
});
