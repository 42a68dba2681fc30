import { parse } from 'graphql';
import { expect } from 'vitest';
import { estimateVendorCalls } from '../../src/limits/vendor-cost/estimate';
import { schema } from '../../src/schema';
import { VENDOR_KEYS, VENDORS, type VendorKey } from '../../src/sources/vendors';
import type { VendorName } from '../../src/sources/vendor-error';
import type { TestGateway } from '../helpers/gateway';

/** Canopy Referencing's access token is shared by every operation: neither estimated nor counted for one. */
const SHARED_TOKEN_ROUTE = 'POST /referencing-requests/client/:clientId/token';

export interface Measured {
  estimate: Record<VendorKey, number>;
  /** What the sandbox received, by vendor. */
  received: Record<VendorKey, number>;
  /** What the answer says it made. */
  reported: unknown;
  errors: unknown;
}

/** Estimates a document for sandbox-north as the gateway does, runs it, and counts what the sandbox received. */
export async function measure(gateway: TestGateway, query: string, variables: Record<string, unknown> = {}): Promise<Measured> {
  const { estimate } = await estimateVendorCalls({
    schema,
    document: parse(query),
    variableValues: variables,
    linkCounts: async (kind, emails) => (await gateway.links.idsFor(gateway.agencyId, emails, kind)).map((ids) => ids.length),
  });
  gateway.sandbox.calls.reset();
  const answer = await gateway.graphql(query, variables);
  const received = Object.fromEntries(
    VENDOR_KEYS.map((key) => {
      const name = VENDORS[key].name as VendorName;
      return [key, gateway.sandbox.calls.count(name) - gateway.sandbox.calls.count(name, SHARED_TOKEN_ROUTE)];
    }),
  ) as Record<VendorKey, number>;
  return { estimate, received, reported: (answer as { extensions?: { vendorCalls?: unknown } }).extensions?.vendorCalls, errors: answer.errors };
}

/** The bound, per vendor: actual ≤ estimate ≤ 2 × actual + 2, and the answer reports the actual. */
export function expectWithinBound(name: string, measured: Measured): void {
  expect(measured.reported, `${name}: extensions.vendorCalls`).toEqual(measured.received);
  for (const key of VENDOR_KEYS) {
    const actual = measured.received[key];
    const estimate = measured.estimate[key];
    expect(actual, `${name}: ${key} made ${actual} calls, estimated ${estimate}`).toBeLessThanOrEqual(estimate);
    expect(estimate, `${name}: ${key} estimated ${estimate}, made ${actual}`).toBeLessThanOrEqual(2 * actual + 2);
  }
}
