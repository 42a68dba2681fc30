import type { SocketWatcher } from './graphql-ws-sockets';

interface RunningOperation {
  /** The subscribe message's payload: graphql-ws hands this same object to every hook of the operation. */
  payload: object;
  controller: AbortController;
}

/**
 * The operations one graphql-ws client has running, each with the signal of its client going
 * away: aborted when the client sends `complete` for it or its socket closes, as an HTTP
 * request's signal is when its client hangs up. graphql-ws itself then stops a subscription's
 * stream, but lets a query or mutation run on, vendor calls and retries included.
 */
export class ClientOperations implements SocketWatcher {
  private readonly running = new Map<string, RunningOperation>();
  private socketClosed = false;

  read(message: unknown): void {
    // Only a `complete` matters here, and only while an operation runs.
    if (this.running.size === 0) return;
    const id = completedOperationId(message);
    if (id !== undefined) this.stop(id);
  }

  closed(): void {
    this.socketClosed = true;
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  /** The signal of operation `id`, from its subscribe message on. */
  start(id: string, payload: object): AbortSignal {
    const controller = new AbortController();
    if (this.socketClosed) controller.abort(clientGone);
    else this.running.set(id, { payload, controller });
    return controller.signal;
  }

  /** The operation has ended. A later operation that reuses its id (allowed once it is completed) keeps its own signal. */
  end(id: string, payload: object): void {
    if (this.running.get(id)?.payload === payload) this.running.delete(id);
  }

  private stop(id: string): void {
    const operation = this.running.get(id);
    this.running.delete(id);
    operation?.controller.abort(clientGone);
  }
}

const clientGone = new Error('the client no longer waits for this operation');

/** The id of a `complete` message; undefined for any other message, which graphql-ws itself reads and judges. */
function completedOperationId(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, id } = message as { type?: unknown; id?: unknown };
  return type === 'complete' && typeof id === 'string' ? id : undefined;
}
