import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The signal that stops every vendor call made on behalf of one GraphQL operation: its client
 * went away, its deadline passed, or its answer outgrew its budget. It travels with the
 * operation's async work, so each call honours it without every client method taking it.
 */
const operationSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` with every vendor call it makes stopped by `signal`. */
export function withCallSignal<T>(signal: AbortSignal, work: () => T): T {
  return operationSignal.run(signal, work);
}

/** Runs `work` free of any operation's signal: for calls whose answer other operations share. */
export function detachedFromOperation<T>(work: () => T): T {
  return operationSignal.exit(work);
}

/** The signal of the operation the current vendor call serves, if any. */
export function callSignal(): AbortSignal | undefined {
  return operationSignal.getStore();
}

/** The reason an operation's signal gives when its deadline passes; vendor calls report it as VENDOR_TIMEOUT. */
export class OperationDeadlineReached extends Error {
  override name = 'OperationDeadlineReached';
  constructor(readonly deadlineMs: number) {
    super(`the operation's deadline of ${deadlineMs} ms was reached`);
  }
}
