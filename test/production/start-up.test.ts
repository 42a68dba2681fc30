import { networkInterfaces } from 'node:os';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startGatewayProcess } from '../helpers/gateway-process';

const JWT = { AUTH_JWT_SECRET: 'start-up-test-jwt-secret-0123456789abcdef' };

describe('start-up refuses an unsafe combination, names the variable and exits 1', () => {
  it.each([
    ['AUTH=off in production', { NODE_ENV: 'production', AUTH: 'off', REPOSIT_API_KEY: 'start-up-test-key' }, false, 'AUTH: expected unset in production'],
    [
      'production with vendors left to the sandbox by omission',
      { NODE_ENV: 'production', ...JWT },
      false,
      'CANOPY_CLIENT_ID, CANOPY_SECRET_KEY, CANOPY_API_KEY, CANOPY_SERVICING_TOKEN, REPOSIT_API_KEY: expected values in production',
    ],
    ['production with one vendor left to the sandbox', { NODE_ENV: 'production', ...JWT, REPOSIT_API_KEY: 'start-up-test-key', CANOPY_SERVICING_TOKEN: 'start-up-test-token' }, false, 'CANOPY_CLIENT_ID, CANOPY_SECRET_KEY, CANOPY_API_KEY: expected values in production'],
    ['the sandbox\'s development tokens in production', { NODE_ENV: 'production' }, true, 'AUTH_JWKS_URL or AUTH_JWT_SECRET: expected a value in production'],
    ['a wildcard origin with credentials', { CORS_ORIGINS: '*', CORS_CREDENTIALS: '1' }, true, 'CORS_ORIGINS: expected exact origins, not *, because CORS_CREDENTIALS is on'],
    ['an origin with a path', { CORS_ORIGINS: 'https://app.example/graphql' }, true, 'CORS_ORIGINS: expected comma-separated origins'],
    ['a wildcard among origins', { CORS_ORIGINS: 'https://app.example,*' }, true, 'CORS_ORIGINS: expected * alone'],
    ['a HOST that is no address', { HOST: 'http://0.0.0.0' }, true, 'HOST: expected an IP address'],
  ] as const)('%s', { timeout: 30_000 }, async (_name, env, sandbox, message) => {
    const gateway = await startGatewayProcess(env, { sandbox });
    const { code } = await gateway.exited;
    expect(code).toBe(1);
    expect(gateway.output()).toContain(`rentgraph: bad configuration. ${message}`);
  });
});

describe('NODE_ENV=production with SANDBOX=1 and a JWT secret, asked for explicitly', () => {
  it('starts, with GraphiQL off', { timeout: 60_000 }, async () => {
    const gateway = await startGatewayProcess({ NODE_ENV: 'production', ...JWT });
    try {
      await gateway.waitUntilReady();
      const page = await request(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
      await page.body.dump();
      expect(page.statusCode).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});

/** An IPv4 address of this machine other than loopback, which a server on every interface answers. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

async function answersAt(host: string, port: number): Promise<boolean> {
  try {
    const answer = await request(`http://${host}:${port}/healthz`);
    await answer.body.dump();
    return answer.statusCode === 200;
  } catch {
    return false;
  }
}

describe.skipIf(outside === undefined)('HOST', () => {
  it('in sandbox mode is loopback by default: nothing answers on another interface, and the start-up line says where', { timeout: 60_000 }, async () => {
    const gateway = await startGatewayProcess({});
    try {
      await gateway.waitUntilReady();
      expect(gateway.output()).toContain(`rentgraph: GraphQL at http://127.0.0.1:${gateway.port}/graphql (`);
      expect(await answersAt('127.0.0.1', gateway.port)).toBe(true);
      expect(await answersAt(outside!, gateway.port)).toBe(false);
    } finally {
      await gateway.stop();
    }
  });

  it('is honoured when set: every interface', { timeout: 60_000 }, async () => {
    const gateway = await startGatewayProcess({ HOST: '0.0.0.0' });
    try {
      await gateway.waitUntilReady();
      expect(gateway.output()).toContain(`rentgraph: GraphQL at http://0.0.0.0:${gateway.port}/graphql on every interface`);
      expect(await answersAt(outside!, gateway.port)).toBe(true);
    } finally {
      await gateway.stop();
    }
  });
});
