import { ConfigError } from '../config-error';

/** pino's levels, and `silent` for none. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL, one of LOG_LEVELS. @default info */
export function parseLogLevel(raw: string | undefined, name = 'LOG_LEVEL'): LogLevel {
  const value = raw?.trim().toLowerCase() || 'info';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  throw new ConfigError(name, `one of ${LOG_LEVELS.join(', ')}`);
}
