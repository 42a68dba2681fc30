import { context, createContextKey } from '@opentelemetry/api';

/** Vendor calls made for one operation, by vendor, counted as its vendor-call spans start. */
export type VendorCallCounts = Map<string, number>;

const CALLS = createContextKey('rentgraph.vendor_calls');

/** A context in which vendor calls are counted into `counts`. */
export function countingCalls(parent: ReturnType<typeof context.active>, counts: VendorCallCounts) {
  return parent.setValue(CALLS, counts);
}

/** Counts one vendor call against the operation active here, if any. */
export function countCall(vendor: string): void {
  const counts = context.active().getValue(CALLS) as VendorCallCounts | undefined;
  counts?.set(vendor, (counts.get(vendor) ?? 0) + 1);
}
