import pino from 'pino';
import type { DevTokens } from '../auth/dev-tokens';

/**
 * The one line that carries credentials: sandbox mode's development tokens, which the developer
 * needs and which sign in only to this process's simulated agencies. It is written by a logger
 * of its own, outside the masking every other line goes through; the gateway makes these tokens
 * in sandbox mode only, so no other mode can write it.
 */
export function writeDevTokens(devTokens: DevTokens, destination: { write(line: string): unknown } = process.stdout): void {
  const logger = pino({ base: undefined, formatters: { level: (label) => ({ level: label }) } }, { write: (line: string) => void destination.write(line) });
  logger.info(
    { component: 'auth', expiresAt: devTokens.expiresAt.toISOString(), file: devTokens.file, tokens: devTokens.tokens },
    `sandbox development tokens (every scope, until ${devTokens.expiresAt.toISOString()}), also in ${devTokens.file}; GraphiQL opens with the first`,
  );
}
