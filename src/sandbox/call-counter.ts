import type { VendorName } from '../sources/vendor-error';

/**
 * Counts the calls each sandbox endpoint receives, keyed `vendor METHOD /route/:pattern`,
 * so tests and benchmarks can state exactly which REST calls a query made.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  record(vendor: VendorName, method: string, route: string): void {
    const key = `${vendor} ${method} ${route}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls received, all of them or those of one vendor, or of one `METHOD /route` of it. */
  count(vendor?: VendorName, endpoint?: string): number {
    let total = 0;
    for (const [key, count] of this.counts) {
      if (vendor && !key.startsWith(`${vendor} `)) continue;
      if (endpoint && key !== `${vendor} ${endpoint}`) continue;
      total += count;
    }
    return total;
  }

  /** Every endpoint that was called, with its count, in key order. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
