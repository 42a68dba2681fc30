import { channel } from 'node:diagnostics_channel';
import type { Logger } from 'pino';

/** One line from code that has no logger of its own: a mapper, a resolver helper, a stream. */
interface Diagnostic {
  level: 'warn' | 'error';
  component: string;
  msg: string;
}

/**
 * Lines from deep in the schema and the vendor mappers, which run with no logger in reach, go
 * through a diagnostics channel that the composed gateway forwards to its logger. Nothing is
 * module state but the channel's name; without a subscriber (a script using one module), a line
 * goes to stderr as before.
 */
const diagnostics = channel('rentgraph.diagnostics');

export function diagnose(level: Diagnostic['level'], component: string, msg: string): void {
  if (diagnostics.hasSubscribers) diagnostics.publish({ level, component, msg } satisfies Diagnostic);
  else console[level](`${component}: ${msg}`);
}

/** Writes every diagnostic to `logger`, under its component, until the function returned is called. */
export function forwardDiagnostics(logger: Logger): () => void {
  const forward = (message: unknown) => {
    const { level, component, msg } = message as Diagnostic;
    logger[level]({ component }, msg);
  };
  diagnostics.subscribe(forward);
  return () => void diagnostics.unsubscribe(forward);
}
