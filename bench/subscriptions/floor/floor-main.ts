import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The floor of WebSocket fan-out on this machine: a bare `ws` server that speaks just enough
 * graphql-transport-ws for the bench's client harness (connection_init → connection_ack, a
 * subscribe recorded) and, on any HTTP POST, builds ONE `next` message shaped as the gateway's
 * answer to the bench's tenantEvents subscription and sends that same buffer to every subscribed
 * socket. Every client subscribes with id "1", so one buffer serves them all. No GraphQL, no
 * Redis: what is left is the client harness, the kernel and `ws` itself.
 */
const PORT = Number(process.env.PORT ?? 0);
const subscribed = new Set<WebSocket>();
let events = 0;

const server = createServer((request, response) => {
  if (request.method !== 'POST') return void response.writeHead(404).end();
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const notification = JSON.parse(Buffer.concat(chunks).toString()) as { clientReferenceId?: string; globalStatus?: string };
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    const frame = Buffer.from(JSON.stringify(nextMessage(notification.clientReferenceId ?? '', ++events)));
    for (const socket of subscribed) socket.send(frame);
  });
});

/** The bytes the gateway sends for a passport status event of the bench's subscription. */
function nextMessage(clientReferenceId: string, sequence: number) {
  const tenantEvents = {
    __typename: 'PassportStatusEvent',
    id: `${Date.now()}-${sequence}`,
    receivedAt: new Date().toISOString(),
    clientReferenceId,
    globalStatus: 'COMPLETED',
  };
  return { id: '1', type: 'next', payload: { data: { tenantEvents } } };
}

const sockets = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false, handleProtocols: () => 'graphql-transport-ws' });
sockets.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { type: string };
    if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    else if (message.type === 'subscribe') subscribed.add(socket);
  });
  socket.on('close', () => subscribed.delete(socket));
});

server.listen(PORT, '127.0.0.1', () => console.log(`floor: listening on ${PORT}`));
process.on('SIGTERM', () => process.exit(0));
