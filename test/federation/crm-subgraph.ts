import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode } from 'graphql';
import { createYoga } from 'graphql-yoga';

/** The demo CRM's own stage of each tenant it knows, by e-mail. */
export type CrmStages = Record<string, string>;

const TYPE_DEFS = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Tenant @key(fields: "email") {
    email: String!
    "Where the CRM's own pipeline has the tenant."
    crmStage: String
  }

  type Query {
    crmTenant(email: String!): Tenant
  }
`);

/**
 * A CRM's own subgraph, as a CRM that already runs a supergraph has one: its `Tenant`, keyed by
 * e-mail like rentgraph's, with a field only the CRM knows. Served by Yoga on an ephemeral port.
 */
export async function startCrmSubgraph(stages: CrmStages) {
  const stageOf = (email: string) => stages[email.trim().toLowerCase()] ?? null;
  const schema = buildSubgraphSchema({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: { crmTenant: (_root: unknown, { email }: { email: string }) => (stageOf(email) === null ? null : { email: email.trim().toLowerCase() }) },
      Tenant: {
        __resolveReference: ({ email }: { email: string }) => ({ email }),
        crmStage: ({ email }: { email: string }) => stageOf(email),
      },
    },
  });
  const yoga = createYoga({ schema, logging: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  async function close(): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  return {
    url,
    /** The SDL a router composes, as `_service { sdl }` gives it. */
    typeDefs: parse(printSubgraphSchema(schema)) as DocumentNode,
    close,
    [Symbol.asyncDispose]: close,
  };
}
