import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { AuthConfig } from './auth-config';
import { SCOPES } from './principal';

const LIFETIME_SECONDS = 24 * 60 * 60;

export interface DevTokens {
  /** The configuration to authenticate with: `config` with the generated HS256 secret. */
  config: AuthConfig;
  /** One token per agency, every scope, valid 24 hours: the start-up log shows them. */
  tokens: Record<string, string>;
  /** The JSON file (mode 0600) that holds `tokens`, for the start-up log to name. */
  file: string;
  expiresAt: Date;
}

/**
 * The sandbox's development tokens, for when no AUTH_* is set: a random HS256 secret for this
 * process only, so the tokens stop working when it ends.
 */
export async function createDevTokens(config: AuthConfig, agencyIds: readonly string[], dir = tmpdir()): Promise<DevTokens> {
  const devConfig: AuthConfig = { ...config, jwtSecret: randomBytes(32).toString('base64url') };
  const key = new TextEncoder().encode(devConfig.jwtSecret);
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + LIFETIME_SECONDS;

  const tokens: Record<string, string> = {};
  for (const agencyId of agencyIds) {
    const token = new SignJWT({ [config.agencyClaim]: agencyId, [config.scopeClaim]: SCOPES.join(' ') })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`dev:${agencyId}`)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt);
    if (config.issuer) token.setIssuer(config.issuer);
    if (config.audience) token.setAudience(config.audience);
    tokens[agencyId] = await token.sign(key);
  }

  const file = join(dir, `rentgraph-dev-tokens-${randomBytes(6).toString('hex')}.json`);
  // 'wx': a fresh file, so the mode holds and nothing else's file is overwritten
  await writeFile(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { config: devConfig, tokens, file, expiresAt: new Date(expiresAt * 1000) };
}
