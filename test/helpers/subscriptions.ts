import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';

type Result = ExecutionResult<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read loosely in tests

/**
 * A graphql-ws client on the gateway's GraphQL path, authenticated by its connection_init payload
 * (e.g. `gateway.connectionParams`; without one the gateway refuses it). Dispose it after the test.
 */
export function wsClient(gatewayUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams });
}

/** Takes `count` results of a subscription over graphql-ws, then ends it. */
export async function takeOverWebSocket(client: Client, query: string, variables: Record<string, unknown>, count: number): Promise<Result[]> {
  const results: Result[] = [];
  const subscription = client.iterate<Record<string, unknown>>({ query, variables });
  for await (const result of subscription) {
    results.push(result as Result);
    if (results.length >= count) break;
  }
  await subscription.return?.();
  return results;
}

/**
 * Takes `count` results of a subscription over Server-Sent Events (Yoga's `text/event-stream`),
 * authenticated by `headers` (e.g. `gateway.authorization`), then hangs up; fewer when the stream ends first.
 */
export async function takeOverSse(
  gatewayUrl: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
  count: number,
): Promise<Result[]> {
  const controller = new AbortController();
  const response = await request(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const results: Result[] = [];
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((line) => line.startsWith('data:'));
        if (message.includes('event: next') && data) results.push(JSON.parse(data.slice(5)) as Result);
        if (results.length >= count) return results;
      }
    }
    return results;
  } finally {
    controller.abort();
    response.body.on('error', () => undefined);
  }
}
