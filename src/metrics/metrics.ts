import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { VendorCall } from '../sources/http';

/**
 * The gateway's Prometheus metrics, in a registry of its own (one per gateway, so tests and
 * several gateways in one process do not mix). Labels are bounded: the agency (an id of the
 * registry, which only an administrator adds to), vendor, method, status, operation type,
 * outcome; never another id, a path or a client-chosen name.
 */
export interface Metrics {
  registry: Registry;
  /** GraphQL operations executed, by type and whether the answer carries errors. */
  operations: Histogram<'agency' | 'type' | 'outcome'>;
  /** Subscriptions open now, over either transport. */
  subscriptions: Gauge<'agency'>;
  /** Calls to vendors, each attempt, by vendor, method and status (or the network error's code). */
  vendorCalls: Histogram<'agency' | 'vendor' | 'method' | 'status'>;
  /** Webhooks received, by vendor and outcome (stored, duplicate, refused, unavailable). */
  webhooks: Counter<'agency' | 'vendor' | 'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'rentgraph_' });
  return {
    registry,
    operations: new Histogram({
      name: 'rentgraph_graphql_operation_duration_seconds',
      help: 'GraphQL operations executed, from the start of execution to the answer',
      labelNames: ['agency', 'type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    subscriptions: new Gauge({ name: 'rentgraph_graphql_subscriptions_open', help: 'Subscriptions open, over graphql-ws and SSE', labelNames: ['agency'], registers: [registry] }),
    vendorCalls: new Histogram({
      name: 'rentgraph_vendor_call_duration_seconds',
      help: 'Calls to a vendor, each attempt, until its answer is in (the whole body of JSON, the headers of a document) or it fails',
      labelNames: ['agency', 'vendor', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    webhooks: new Counter({
      name: 'rentgraph_webhooks_total',
      help: 'Vendor webhooks received, by outcome: stored, duplicate, refused (4xx) or unavailable (503, to be delivered again)',
      labelNames: ['agency', 'vendor', 'outcome'],
      registers: [registry],
    }),
  };
}

/** The vendor clients' `onCall`: each attempt into the vendor-call histogram. */
export function recordVendorCalls(metrics: Metrics): (agencyId: string, call: VendorCall) => void {
  return (agency, { vendor, method, status, seconds }) => metrics.vendorCalls.observe({ agency, vendor, method, status: String(status) }, seconds);
}
