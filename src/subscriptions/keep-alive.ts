import type { WebSocket } from 'ws';

/** How many slices a keep-alive interval is cut into: each pings its share of the sockets. */
const SLICES = 50;

/**
 * Pings every socket once per `intervalMs` and drops one that has not answered its previous ping
 * by its next turn, as graphql-ws's `useServer` does, but spread over the interval: a slice of
 * the sockets every `intervalMs / SLICES`, in turn. Pinging ten thousand sockets at once cost
 * ten thousand writes in one go, then as many pongs, and every live event waited behind them,
 * for a fifth of a second every twelve. Returns what stops it.
 */
export function keepAlive(clients: Set<WebSocket>, intervalMs: number): { answered(socket: WebSocket): void; stop(): void } {
  const awaitingPong = new WeakSet<WebSocket>();
  // Set iterators are live: sockets that come are visited in their turn, those that go are not.
  let turn = clients.values();
  const timer = setInterval(() => {
    for (let share = Math.ceil(clients.size / SLICES); share > 0; share--) {
      const next = turn.next();
      if (next.done) {
        turn = clients.values();
        break;
      }
      const socket = next.value;
      if (socket.readyState !== socket.OPEN) continue;
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
