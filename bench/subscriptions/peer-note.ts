/**
 * Why the broadcast table has no Hive Gateway row. Its two halves exist: with `webhooks: true` and
 * a `pubsub`, Hive Gateway answers a POST to any path a subscription listens on by publishing the
 * parsed body to the topic `webhook:<method>:<path>` (useWebhooks in @graphql-hive/gateway-runtime),
 * and a supergraph field with `@resolveTo(pubsubTopic:, filterBy:)` subscribes to such a topic
 * (@graphql-mesh/fusion-runtime). What is missing is the part between them.
 */
export const PEER_NOTE = [
  'no Hive Gateway row yet. Its webhook route publishes the raw POST body to a pub/sub topic, and a `@resolveTo(pubsubTopic:)` field can stream it,',
  'but the bench\'s composed peer supergraph (bench/queries/peer/) has no Subscription type: serving `tenantEvents` needs its union written as',
  'additional type definitions with resolvers that map each Canopy notification to its event type and tenant, and filter by e-mail.',
  'The webhook body carries no event `id` or `receivedAt`, so the same answer bytes as rentgraph\'s cannot come from it as delivered.',
].join(' ');
