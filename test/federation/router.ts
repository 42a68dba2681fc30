import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import type { DocumentNode } from 'graphql';

export interface Subgraph {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/**
 * The supergraph of the subgraphs, composed as a CRM's CI would compose it, served by Hive
 * Gateway's runtime in-process on an ephemeral port. The router forwards each request's
 * `authorization` to every subgraph, as a CRM's router does for the user's credential; it
 * reaches subscriptions over SSE, the HTTP transport's default. Close it after the test.
 */
export async function startRouter(subgraphs: Subgraph[]) {
  const composed = composeServices(subgraphs);
  if (composed.errors?.length || !composed.supergraphSdl) {
    throw new Error(`composition failed: ${(composed.errors ?? []).map((error) => error.message).join('; ')}`);
  }
  const supergraphSdl = composed.supergraphSdl;
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  async function close(): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.dispose();
  }

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    supergraphSdl,
    close,
    [Symbol.asyncDispose]: close,
  };
}
