import { AsyncLocalStorage } from 'node:async_hooks';
import type { VendorName } from './vendor-error';

/** Counts the vendor calls one operation makes, by vendor: every attempt sent, retries included. */
export interface CallTally {
  record(vendor: VendorName): void;
}

/**
 * What travels with one GraphQL operation's async work, so each vendor call honours it without
 * every client method taking it: the signal that stops the calls (its client went away, its
 * deadline passed, or its answer outgrew its budget) and the tally that counts them.
 */
interface CallScope {
  signal?: AbortSignal;
  tally?: CallTally;
}

const operationScope = new AsyncLocalStorage<CallScope>();

/** Runs `work` with every vendor call it makes stopped by `signal`. */
export function withCallSignal<T>(signal: AbortSignal, work: () => T): T {
  return operationScope.run({ ...operationScope.getStore(), signal }, work);
}

/** Runs `work` with every vendor call it makes counted in `tally`. */
export function withCallTally<T>(tally: CallTally, work: () => T): T {
  return operationScope.run({ ...operationScope.getStore(), tally }, work);
}

/**
 * Runs `work` free of any operation's signal and tally: for calls whose answer other operations
 * share (Canopy Referencing's access token), which no one operation stops or pays for.
 */
export function detachedFromOperation<T>(work: () => T): T {
  return operationScope.exit(work);
}

/** The signal of the operation the current vendor call serves, if any. */
export function callSignal(): AbortSignal | undefined {
  return operationScope.getStore()?.signal;
}

/** Counts one attempt of a vendor call for the operation it serves, if any. */
export function recordCall(vendor: VendorName): void {
  operationScope.getStore()?.tally?.record(vendor);
}

/** The reason an operation's signal gives when its deadline passes; vendor calls report it as VENDOR_TIMEOUT. */
export class OperationDeadlineReached extends Error {
  override name = 'OperationDeadlineReached';
  constructor(readonly deadlineMs: number) {
    super(`the operation's deadline of ${deadlineMs} ms was reached`);
  }
}
