import { describe, expect, it } from 'vitest';
import { authMode, parseAuthConfig, type AuthConfig } from '../../src/auth/auth-config';
import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'a-shared-secret-of-at-least-32-characters';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseAuthConfig', () => {
  it('reads every variable, with the default claim names', () => {
    expect(parseAuthConfig({})).toEqual({
      off: false,
      jwksUrl: undefined,
      jwtSecret: undefined,
      issuer: undefined,
      audience: undefined,
      agencyClaim: 'agency',
      scopeClaim: 'scope',
    });
    const config = parseAuthConfig({
      AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
      AUTH_JWT_SECRET: SECRET,
      AUTH_ISSUER: 'https://idp.example.com/',
      AUTH_AUDIENCE: 'rentgraph',
      AUTH_AGENCY_CLAIM: 'https://rentgraph.example.com/agency',
      AUTH_SCOPE_CLAIM: 'scp',
    });
    expect(config).toMatchObject({ issuer: 'https://idp.example.com/', audience: 'rentgraph', agencyClaim: 'https://rentgraph.example.com/agency', scopeClaim: 'scp' });
    expect(config.jwksUrl?.href).toBe('https://idp.example.com/.well-known/jwks.json');
  });

  it('is part of loadConfig', () => {
    expect(loadConfig({ AUTH: 'off' }).auth.off).toBe(true);
    expect(configError(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).variable).toBe('AUTH_JWT_SECRET');
  });

  it('refuses a short secret without quoting it', () => {
    const error = configError(() => parseAuthConfig({ AUTH_JWT_SECRET: 'only-twenty-one-char' }));
    expect(error.message).toBe('AUTH_JWT_SECRET: expected at least 32 characters');
  });

  it('refuses a key set fetched in clear text, except from localhost', () => {
    expect(configError(() => parseAuthConfig({ AUTH_JWKS_URL: 'http://idp.example.com/jwks' })).variable).toBe('AUTH_JWKS_URL');
    expect(configError(() => parseAuthConfig({ AUTH_JWKS_URL: 'not a url' })).variable).toBe('AUTH_JWKS_URL');
    expect(parseAuthConfig({ AUTH_JWKS_URL: 'http://127.0.0.1:9000/jwks' }).jwksUrl?.port).toBe('9000');
  });

  it('knows AUTH=off only, and not beside a key source', () => {
    expect(configError(() => parseAuthConfig({ AUTH: 'on' })).message).toBe('AUTH: expected "off" or unset');
    expect(configError(() => parseAuthConfig({ AUTH: 'off', AUTH_JWT_SECRET: SECRET })).message).toBe('AUTH: expected unset, because AUTH_JWT_SECRET is set');
  });

  it('refuses token rules without a key source to check tokens with', () => {
    const error = configError(() => parseAuthConfig({ AUTH_ISSUER: 'https://idp.example.com/' }));
    expect(error.message).toBe('AUTH_JWKS_URL or AUTH_JWT_SECRET: expected a value, because AUTH_ISSUER is set');
  });

  it('refuses a claim name that is not one', () => {
    expect(configError(() => parseAuthConfig({ AUTH_JWT_SECRET: SECRET, AUTH_SCOPE_CLAIM: 'two words' })).variable).toBe('AUTH_SCOPE_CLAIM');
  });
});

describe('authMode, the fail-closed rule of start-up', () => {
  const none: AuthConfig = parseAuthConfig({});

  it('refuses real vendors with no authentication, naming the variables', () => {
    const error = configError(() => authMode(none, { realVendors: true, sandbox: false }));
    expect(error.message).toMatch(/^AUTH_JWKS_URL or AUTH_JWT_SECRET: .*AUTH=off/);
    // a sandbox beside one real vendor does not make the real one safe to leave open
    expect(() => authMode(none, { realVendors: true, sandbox: true })).toThrow(ConfigError);
  });

  it('configured whenever a key source is set, off when AUTH=off says so', () => {
    expect(authMode(parseAuthConfig({ AUTH_JWT_SECRET: SECRET }), { realVendors: true, sandbox: false })).toBe('configured');
    expect(authMode(parseAuthConfig({ AUTH: 'off' }), { realVendors: true, sandbox: false })).toBe('off');
  });

  it('gives the sandbox alone development tokens', () => {
    expect(authMode(none, { realVendors: false, sandbox: true })).toBe('sandbox-dev-tokens');
    expect(authMode(parseAuthConfig({ AUTH_JWT_SECRET: SECRET }), { realVendors: false, sandbox: true })).toBe('configured');
  });
});
