import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { VendorCost } from './estimate';

/**
 * The one error of an operation refused for its cost, before any vendor is called. HTTP 400,
 * as for a document that does not validate: the client must ask for less, and asking again
 * unchanged is refused again.
 */
export function costLimitExceeded(cost: VendorCost, limit: number): GraphQLError {
  const byVendor = Object.entries(cost.estimate)
    .filter(([, calls]) => calls > 0)
    .map(([vendor, calls]) => `${vendor} ${calls}`)
    .join(', ');
  return createGraphQLError(
    `This operation could make ${cost.total} vendor calls (${byVendor}), more than MAX_VENDOR_CALLS (${limit}) allows. Ask for fewer items or fewer fields that call a vendor.`,
    { extensions: { code: 'COST_LIMIT_EXCEEDED', vendorCalls: cost.estimate, limit, http: { status: 400 } } },
  );
}
