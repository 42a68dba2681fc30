import pino, { type DestinationStream, type Logger } from 'pino';
import { currentTraceId } from '../telemetry/current-trace-id';
import type { LogLevel } from './log-level';
import { MASK, valueMasker } from './sensitive-values';

export type { Logger } from 'pino';

/** The most characters of one logged string: ids, e-mails and messages that clients choose can be any length. */
export const LOG_VALUE_LIMIT = 500;

/**
 * Keys never written, at the top of a line and in its `headers`: credentials, and what a client
 * sends as data (variables, bodies, connection parameters). Named paths only: pino's wildcard
 * paths cost ten times a whole line; the value scan is what catches a credential anywhere else.
 */
const REDACTED_KEYS = ['authorization', 'cookie', 'password', 'secret', 'secretKey', 'token', 'apiKey', 'variables', 'body', 'connectionParams'];
const REDACTED_HEADERS = ['authorization', 'cookie', '["set-cookie"]', '["x-api-key"]'];
const REDACT_PATHS = [...REDACTED_KEYS, ...REDACTED_HEADERS.map((header) => (header.startsWith('[') ? `headers${header}` : `headers.${header}`))];

export interface LoggerOptions {
  /** The least severe level written. @default 'info' */
  level?: LogLevel;
  /** Values masked wherever they appear (the webhook secret, vendor credentials, signing secrets). @default [] */
  secrets?: Iterable<string | undefined>;
  /** Where lines go. @default process.stdout */
  destination?: { write(line: string): unknown };
}

/**
 * The gateway's logger: JSON lines through pino, keys that carry credentials or client data
 * redacted by path, and every line scanned for what looks like a token, a key or a person's data
 * before it is written. Nothing is opened: lines go to the destination's `write`.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const mask = valueMasker(options.secrets);
  const destination = options.destination ?? process.stdout;
  const masked: DestinationStream = { write: (line: string) => void destination.write(mask(line)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      // A line written while a span is active (an operation's execution, a vendor call, a webhook) names its trace.
      mixin: () => {
        const traceId = currentTraceId();
        return traceId ? { traceId } : {};
      },
      formatters: { level: (label) => ({ level: label }), log: shortenedFields },
      redact: { paths: REDACT_PATHS, censor: MASK },
      serializers: { err: errorFields },
      hooks: {
        logMethod(args, method) {
          // A message's words are cut like any other value.
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? shortenedText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    masked,
  );
}

/** What an error's line keeps: its kind, message and stack; never its other properties (an ioredis error carries the command's arguments). */
export function errorFields(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { type: typeof error };
  return { type: error.name, message: shortenedText(error.message), stack: shortenedText(error.stack ?? error.message) };
}

function shortenedFields(object: Record<string, unknown>): Record<string, unknown> {
  const shortened: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) shortened[key] = typeof value === 'string' ? shortenedText(value) : value;
  return shortened;
}

export function shortenedText(text: string): string {
  return text.length <= LOG_VALUE_LIMIT ? text : `${text.slice(0, LOG_VALUE_LIMIT)}… (${text.length - LOG_VALUE_LIMIT} more characters)`;
}
