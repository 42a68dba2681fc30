/**
 * What one operation's log line costs: the gateway's logger (redaction by path, value scan)
 * against bare pino, writing to a sink that keeps nothing. `npx tsx bench/logger-line.ts`
 */
import pino from 'pino';
import { createLogger } from '../src/logging/logger';

const sink = { write: () => undefined };
const line = {
  requestId: '4bf92f3577b34da6a3ce929d0e0e4736',
  transport: 'http',
  agency: 'sandbox-north',
  principal: 'user-42',
  operationName: 'TenantDashboard',
  operationType: 'query',
  durationMs: 12.34,
  vendorCalls: { canopyServicing: 4, reposit: 2 },
  outcome: 'ok',
  status: 200,
};
const N = 200_000;

function measure(name: string, write: () => void): void {
  for (let i = 0; i < 20_000; i++) write();
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) write();
  const ns = Number(process.hrtime.bigint() - start) / N;
  console.log(`${name}: ${(ns / 1000).toFixed(2)} µs a line`);
}

const gateway = createLogger({ destination: sink, secrets: ['webhook-secret-0123456789', 'sk_live_0123456789abcdef'] });
const bare = pino({ base: undefined }, sink);
measure('bare pino', () => bare.info(line, 'graphql operation'));
measure('gateway logger', () => gateway.info(line, 'graphql operation'));
