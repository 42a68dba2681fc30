import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { keepAlive } from '../../src/subscriptions/keep-alive';

/** What the keep-alive uses of a socket: its state, ping and terminate, counted. */
function fakeSocket() {
  return { OPEN: 1, readyState: 1, bufferedAmount: 0, pings: 0, terminated: false, ping() { this.pings++; }, terminate() { this.terminated = true; } };
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

      vi.advanceTimersByTime(9_800);
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

  it('pings a few sockets once an interval too, not once a slice', () => {
    vi.useFakeTimers();
    const sockets = [fakeSocket(), fakeSocket()];
    const pings = keepAlive(new Set(sockets as unknown as WebSocket[]), 1_000);
    try {
      vi.advanceTimersByTime(3_000);
      expect(sockets.map((socket) => socket.pings)).toEqual([1, 1]);
      expect(sockets.every((socket) => socket.terminated)).toBe(true);
    } finally {
      pings.stop();
    }
  });

  it('passes over a socket whose writes are backed up, and drops it only once it drained and still does not answer', () => {
    vi.useFakeTimers();
    const [slow, quick] = [fakeSocket(), fakeSocket()];
    const pings = keepAlive(new Set([slow, quick] as unknown as WebSocket[]), 1_000);
    try {
      vi.advanceTimersByTime(500);
      expect([slow.pings, quick.pings]).toEqual([1, 1]);
      slow.bufferedAmount = 64 * 1024;
      vi.advanceTimersByTime(3_000);
      expect(slow.terminated).toBe(false);
      expect(quick.terminated).toBe(true);
      slow.bufferedAmount = 0;
      vi.advanceTimersByTime(1_000);
      expect(slow.terminated).toBe(true);
    } finally {
      pings.stop();
    }
  });
});
