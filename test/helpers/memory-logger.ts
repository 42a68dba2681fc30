import { createLogger, type LoggerOptions } from '../../src/logging/logger';

/** A real gateway logger whose lines, exactly as they would reach stdout, are kept in memory. */
export function memoryLogger(options: Omit<LoggerOptions, 'destination'> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ ...options, destination: { write: (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)) } });
  return {
    logger,
    lines,
    /** Each line parsed: every line must be one JSON object. */
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The lines at level error or fatal: a gateway failure, or a stack trace, was logged. */
export function errorLines(lines: readonly string[]): string[] {
  return lines.filter((line) => ['error', 'fatal'].includes((JSON.parse(line) as { level?: string }).level ?? ''));
}
