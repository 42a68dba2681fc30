import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { useGateway, type TestGateway } from '../helpers/gateway';
import { DEFAULT_MANIFEST_PATH } from '../../src/persisted-documents/manifest';

/** The manifest as a client holds it: each operation's id and text, by operation name. */
export const PERSISTED: Record<string, { id: string; text: string }> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as Record<string, string>).map(([id, text]) => [
    /^\w+ (\w+)/.exec(text)![1],
    { id, text },
  ]),
);

/** A gateway with the environment given, and Redis for API keys; close it after the test. */
export async function usePersistedGateway(env: Record<string, string>) {
  const prefix = `test-${randomUUID()}`;
  const client = new Redis('redis://127.0.0.1:6379');
  const subscriber = new Redis('redis://127.0.0.1:6379');
  const gateway: TestGateway = await useGateway({ redis: { client, subscriber, prefix }, env: { SANDBOX_EVENTS: '0', ...env } });
  return {
    gateway,
    /** An API key of `sandbox-north` with every scope. */
    apiKey: async () => (await gateway.composed.apiKeys!.create({ name: 'crm server', agencyId: 'sandbox-north', scopes: ['read', 'write', 'pii', 'admin'] })).key,
    async close(): Promise<void> {
      await gateway.close();
      const written = await client.keys(`${prefix}:*`);
      if (written.length > 0) await client.del(...written);
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
