import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { keepAlive } from '../../src/subscriptions/keep-alive';

/** What the keep-alive uses of a socket: its state, ping and terminate, counted. */
function fakeSocket() {
  return { OPEN: 1, readyState: 1, pings: 0, terminated: false, ping() { this.pings++; }, terminate() { this.terminated = true; } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the keep-alive', () => {
  it('pings every socket once an interval, a slice at a time, and drops one that did not answer by its next turn', () => {
    vi.useFakeTimers();
    const sockets = Array.from({ length: 1_000 }, fakeSocket);
    const clients = new Set(sockets as unknown as WebSocket[]);
    const pings = keepAlive(clients, 10_000);
    try {
      vi.advanceTimersByTime(200);
      const early = sockets.filter((socket) => socket.pings > 0).length;
      expect(early).toBeGreaterThan(0);
      expect(early).toBeLessThanOrEqual(50);

      vi.advanceTimersByTime(10_000);
      expect(sockets.every((socket) => socket.pings === 1)).toBe(true);
      for (const socket of sockets.slice(1)) pings.answered(socket as unknown as WebSocket);

      vi.advanceTimersByTime(10_000);
      expect(sockets[0]!.terminated).toBe(true);
      expect(sockets.slice(1).some((socket) => socket.terminated)).toBe(false);
      expect(sockets.slice(1).every((socket) => socket.pings === 2)).toBe(true);
    } finally {
      pings.stop();
    }
  });
});
