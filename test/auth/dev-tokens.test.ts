import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAuthConfig } from '../../src/auth/auth-config';
import { AuthFailure } from '../../src/auth/auth-failure';
import { createDevTokens } from '../../src/auth/dev-tokens';
import { createJwtVerifier } from '../../src/auth/jwt';

const dir = mkdtempSync(join(tmpdir(), 'rentgraph-dev-tokens-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sandbox development tokens', () => {
  it('makes a token per agency, every scope, for 24 hours, verified with the generated secret', async () => {
    const dev = await createDevTokens(parseAuthConfig({}), ['sandbox-north', 'sandbox-south'], dir);
    expect(dev.config.jwtSecret?.length).toBeGreaterThanOrEqual(32);
    const verifier = createJwtVerifier(dev.config);
    for (const agencyId of ['sandbox-north', 'sandbox-south']) {
      const principal = await verifier.verify(dev.tokens[agencyId]!);
      expect(principal.agencyId).toBe(agencyId);
      expect([...principal.scopes]).toEqual(['read', 'write', 'pii', 'admin']);
      const expiresAt = principal.credential.kind === 'jwt' ? principal.credential.expiresAt! : 0;
      expect(Math.abs(expiresAt - Date.now() - 24 * 3600_000)).toBeLessThan(60_000);
    }
  });

  it('writes them to a file only its owner can read', async () => {
    const dev = await createDevTokens(parseAuthConfig({}), ['sandbox-north'], dir);
    expect(statSync(dev.file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(dev.file, 'utf8'))).toEqual(dev.tokens);
  });

  it('makes a new secret each time: another process does not accept these tokens', async () => {
    const first = await createDevTokens(parseAuthConfig({}), ['sandbox-north'], dir);
    const second = await createDevTokens(parseAuthConfig({}), ['sandbox-north'], dir);
    expect(second.file).not.toBe(first.file);
    await expect(createJwtVerifier(second.config).verify(first.tokens['sandbox-north']!)).rejects.toBeInstanceOf(AuthFailure);
  });
});
