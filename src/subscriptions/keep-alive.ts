import type { WebSocket } from 'ws';
import { slicedRounds } from '../sliced-rounds';

/** How many slices a keep-alive interval is cut into: each pings its share of the sockets. */
const SLICES = 50;

/**
 * Pings every socket once per `intervalMs` and drops one that has not answered its previous ping
 * by its next turn, as graphql-ws's `useServer` does, but spread over the interval: a slice of
 * the sockets every `intervalMs / SLICES`, in turn. A socket with data still waiting to be sent
 * is passed over until it drains: its ping would queue behind that data, so a missing pong would
 * say nothing of the client, and dropping it would lose a slow reader (a phone in a tunnel) that
 * the event log is there to catch up; a peer that is gone for good ends it at the TCP level. Pinging ten thousand sockets at once cost
 * ten thousand writes in one go, then as many pongs, and every live event waited behind them,
 * for a fifth of a second every twelve. Returns what stops it.
 */
export function keepAlive(clients: Set<WebSocket>, intervalMs: number): { answered(socket: WebSocket): void; stop(): void } {
  const awaitingPong = new WeakSet<WebSocket>();
  const nextSlice = slicedRounds(clients, SLICES);
  const timer = setInterval(() => {
    for (const socket of nextSlice()) {
      // A ping waits behind what is still to be sent: a client that reads slowly could not have answered it yet.
      if (socket.readyState !== socket.OPEN || socket.bufferedAmount > 0) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, intervalMs / SLICES).unref();
  return {
    answered: (socket) => awaitingPong.delete(socket),
    stop: () => clearInterval(timer),
  };
}
