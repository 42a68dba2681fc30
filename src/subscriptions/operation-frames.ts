import type { ExecutionResult, GraphQLError } from 'graphql';
import { WebSocket } from 'ws';
import { MessageBuffer } from './message-buffer';

/** Past this many bytes waiting in a socket's buffers, its subscriptions stop taking live events and catch up from the log. */
const HIGH_WATER_BYTES = 64 * 1024;
const CLOSE = Buffer.from('}');
/** One per process: messages are put together one at a time. */
const messages = new MessageBuffer();

/**
 * One graphql-ws operation's `next` messages, written straight to its socket. An event's answer
 * is serialized once (`serialize`, shared by every subscriber of the same answer) and each
 * subscriber's message is that JSON between its own few bytes of envelope: ten thousand
 * subscribers cost ten thousand writes, not ten thousand serializations of the answer.
 */
export interface OperationFrames extends AnswerMasking {
  /** Sends a `next` message with this payload (an answer's JSON); false once the socket is backed up. */
  send(payload: Buffer): boolean;
  /** Settles once the message that backed the socket up has been handed to the OS, or the socket is gone. */
  writable(): Promise<void>;
  /** Messages sent: the operation's log line counts its events from this. */
  readonly sent: number;
}

/** What a client may see of answers and errors: one per gateway, since its masking is the gateway's. */
export interface AnswerMasking {
  /** The answer as the payload's JSON, masked as every answer is; worked out once per answer. */
  serialize(result: ExecutionResult): Buffer;
  /** An error as the client may see it (a subscription's last). */
  maskError(error: unknown): GraphQLError;
}

export function createAnswerMasking(maskError: (error: unknown) => GraphQLError): AnswerMasking {
  const serialized = new WeakMap<ExecutionResult, Buffer>();
  const mask = (result: ExecutionResult): ExecutionResult => (result.errors ? { ...result, errors: result.errors.map(maskError) } : result);
  return {
    serialize(result) {
      let json = serialized.get(result);
      if (!json) serialized.set(result, (json = Buffer.from(JSON.stringify(mask(result)))));
      return json;
    },
    maskError,
  };
}

export function operationFrames(socket: WebSocket, id: string, masking: AnswerMasking): OperationFrames {
  return new SocketFrames(socket, id, masking);
}

/** A class: every subscriber holds one, and its methods are shared. */
class SocketFrames implements OperationFrames {
  sent = 0;
  private readonly open: Buffer;
  private flushed: Promise<void> | undefined;

  constructor(
    private readonly socket: WebSocket,
    id: string,
    private readonly masking: AnswerMasking,
  ) {
    this.open = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  }

  serialize(result: ExecutionResult): Buffer {
    return this.masking.serialize(result);
  }

  maskError(error: unknown): GraphQLError {
    return this.masking.maskError(error);
  }

  send(payload: Buffer): boolean {
    // A socket going away ends the operation (graphql-ws returns its stream); until then there is nobody to write to.
    if (this.socket.readyState !== WebSocket.OPEN) return true;
    // A message that will wait in the socket's buffers needs bytes of its own; so does one a
    // negotiated extension (compression) may hold on to, which this server does not offer.
    const waiting = this.socket.bufferedAmount;
    const message = messages.assemble([this.open, payload, CLOSE], waiting > 0 || this.socket.extensions !== '');
    this.sent++;
    const open = waiting + message.length < HIGH_WATER_BYTES;
    if (open) this.socket.send(message, { binary: false });
    else this.flushed = new Promise<void>((resolve) => this.socket.send(message, { binary: false }, () => resolve()));
    // The socket took only part of it: the rest is written later, from the shared buffer.
    if (this.socket.bufferedAmount > 0 && messages.holds(message)) messages.leave();
    return open;
  }

  writable(): Promise<void> {
    return this.flushed ?? Promise.resolve();
  }
}
