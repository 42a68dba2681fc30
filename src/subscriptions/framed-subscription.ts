import type { ExecutionResult, GraphQLError } from 'graphql';

/** Told once when a framed subscription ends, with the last answer or error it ended with, if any (a lapsed credential, a failure). */
export interface SubscriptionEndListener {
  subscriptionEnded(final: ExecutionResult | undefined): void;
}

const DONE: IteratorResult<ExecutionResult> = Object.freeze({ done: true, value: undefined });

/**
 * A subscription over graphql-ws whose messages are written straight to its socket
 * (operation-frames.ts), as envelop's subscribe returns it: not an async iterable, so envelop and
 * its plugins wrap nothing around it, and an idle subscriber keeps no layers of iterators and
 * pending promises, one per plugin. What a plugin does when a subscription ends (a log line, a
 * gauge, a cap's lease) it asks for with `onEnd`. graphql-ws waits on `stream()`, which yields
 * nothing: it ends with the subscription (graphql-ws's `complete`), or fails with its error
 * (graphql-ws's `error`).
 */
export abstract class FramedSubscription {
  private listeners: SubscriptionEndListener[] | undefined;
  protected ended = false;
  /** The error graphql-ws has yet to be handed. */
  private failure: GraphQLError | undefined;
  private waiting: { resolve(step: IteratorResult<ExecutionResult>): void; reject(error: GraphQLError): void } | undefined;

  /** Writes an answer as the subscription's next message. */
  protected abstract sendAnswer(answer: ExecutionResult): void;
  /** Stops what feeds the subscription its events. */
  protected abstract stop(): Promise<void>;

  onEnd(listener: SubscriptionEndListener): void {
    if (this.ended) listener.subscriptionEnded(undefined);
    else (this.listeners ??= []).push(listener);
  }

  /** Sends a last answer, then ends. */
  finish(answer: ExecutionResult): void {
    if (this.ended) return;
    this.sendAnswer(answer);
    this.end(answer);
    this.release()?.resolve(DONE);
  }

  /** Ends with an error, already masked. */
  failWith(error: GraphQLError): void {
    if (this.ended) return;
    this.end({ errors: [error] });
    const waiting = this.release();
    if (waiting) waiting.reject(error);
    else this.failure = error;
  }

  /** What graphql-ws drives: ended by it (`return()`) when the client unsubscribes or goes away. */
  stream(): AsyncIterableIterator<ExecutionResult> {
    return new FramedStream(this);
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const { failure } = this;
    this.failure = undefined;
    if (failure) return Promise.reject(failure);
    if (this.ended) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.failure = undefined;
    if (!this.ended) {
      this.end(undefined);
      this.release()?.resolve(DONE);
    }
    await this.stop();
    return DONE;
  }

  /** Once: the listeners are told; a subscription that ends of itself stops its feed here. */
  private end(final: ExecutionResult | undefined): void {
    this.ended = true;
    const listeners = this.listeners ?? [];
    this.listeners = undefined;
    for (const listener of listeners) listener.subscriptionEnded(final);
    if (final) void this.stop().catch(() => undefined);
  }

  private release() {
    const { waiting } = this;
    this.waiting = undefined;
    return waiting;
  }
}

/** The subscription as graphql-ws's async iterator; the subscription itself must not be one, or envelop would wrap it. */
class FramedStream implements AsyncIterableIterator<ExecutionResult> {
  constructor(private readonly subscription: FramedSubscription) {}

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.subscription.next();
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    return this.subscription.return();
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.subscription.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}
