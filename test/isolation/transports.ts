import type { Client } from 'graphql-ws';
import { Pool } from 'undici';

export type Transport = 'http' | 'sse' | 'graphql-ws';
export const TRANSPORTS: readonly Transport[] = ['http', 'sse', 'graphql-ws'];
/** Subscriptions stream; plain HTTP answers them 406. */
export const STREAMING_TRANSPORTS: readonly Transport[] = ['sse', 'graphql-ws'];

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
  /** Results to wait for: 1 for a query or mutation, more for a subscription. */
  results: number;
  /** How long a subscription may wait for its results; what came by then is the answer. */
  waitMs: number;
  /** Ends a subscription early when it settles. */
  until?: Promise<unknown>;
}

/** What came back, as raw text: every result, or the refusal. */
export interface Outcome {
  status: number;
  texts: string[];
}

/**
 * Runs operations over the three transports as one caller: the headers for HTTP and SSE, its
 * own graphql-ws client (authenticated by its connection_init payload) for the third.
 */
export function createCaller(url: string, headers: Record<string, string>, ws: Client) {
  const pool = new Pool(url, { connections: 8 });

  async function overHttp(operation: Operation): Promise<Outcome> {
    const response = await pool.request({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: operation.query, variables: operation.variables }),
    });
    return { status: response.statusCode, texts: [await response.body.text()] };
  }

  async function overSse(operation: Operation): Promise<Outcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), operation.waitMs);
    void operation.until?.then(() => controller.abort());
    const texts: string[] = [];
    let status = 0;
    try {
      const response = await pool.request({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        signal: controller.signal,
      });
      status = response.statusCode;
      response.body.on('error', () => undefined);
      if (status !== 200) return { status, texts: [await response.body.text()] };
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((line) => line.startsWith('data:'));
          if (message.includes('event: next') && data) texts.push(data.slice(5));
          if (texts.length >= operation.results || message.includes('event: complete')) return { status, texts };
        }
      }
      return { status, texts };
    } catch (error) {
      if (controller.signal.aborted) return { status, texts };
      throw error;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  async function overWebSocket(operation: Operation): Promise<Outcome> {
    const texts: string[] = [];
    const subscription = ws.iterate({ query: operation.query, variables: operation.variables });
    const timer = setTimeout(() => void subscription.return?.(), operation.waitMs);
    void operation.until?.then(() => subscription.return?.());
    try {
      for await (const result of subscription) {
        texts.push(JSON.stringify(result));
        if (texts.length >= operation.results) break;
      }
    } catch (error) {
      // A refusal of the operation itself (an error message of the protocol) is an answer too.
      texts.push(JSON.stringify(error));
    } finally {
      clearTimeout(timer);
      await subscription.return?.();
    }
    return { status: 200, texts };
  }

  return {
    run(transport: Transport, operation: Operation): Promise<Outcome> {
      if (transport === 'http') return overHttp(operation);
      if (transport === 'sse') return overSse(operation);
      return overWebSocket(operation);
    },
    close: () => pool.close(),
  };
}

export type Caller = ReturnType<typeof createCaller>;
