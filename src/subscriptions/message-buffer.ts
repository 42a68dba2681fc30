/**
 * Where a subscriber's `next` message is put together before it is written. A socket that takes
 * a message at once (the usual case) has copied its bytes into the kernel by the time `send`
 * returns, so one buffer serves every message in turn: no allocation per delivery, and no slice
 * of Node's small-buffer pool, whose 8 KiB slabs stay until a major GC once any slice of them has
 * lived through two scavenges (under load that is RSS growing by the minute). A message that
 * waits in a socket's buffers keeps its bytes until written: it gets a buffer of its own, or, when
 * the socket only took part of it, the shared buffer is left to it.
 */
export class MessageBuffer {
  private shared: Buffer;

  constructor(initialBytes = 16 * 1024) {
    this.shared = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** The parts as one message: in the shared buffer (until the next call), or in one of its own when `own`. */
  assemble(parts: readonly Buffer[], own: boolean): Buffer {
    let length = 0;
    for (const part of parts) length += part.length;
    const target = own ? Buffer.allocUnsafeSlow(length) : this.room(length);
    let offset = 0;
    for (const part of parts) {
      target.set(part, offset);
      offset += part.length;
    }
    return own ? target : target.subarray(0, length);
  }

  /** Whether `message` is in the shared buffer. */
  holds(message: Buffer): boolean {
    return message.buffer === this.shared.buffer;
  }

  /** A socket's pending write holds the shared buffer: later messages go in a new one. */
  leave(): void {
    this.shared = Buffer.allocUnsafeSlow(this.shared.length);
  }

  private room(length: number): Buffer {
    if (length > this.shared.length) this.shared = Buffer.allocUnsafeSlow(Math.max(length, this.shared.length * 2));
    return this.shared;
  }
}
