import type { CallTally } from '../../sources/call-scope';
import type { VendorName } from '../../sources/vendor-error';
import { eachVendor, VENDOR_KEYS, VENDORS, type VendorKey } from '../../sources/vendors';

const KEY_OF_NAME = new Map<VendorName, VendorKey>(VENDOR_KEYS.map((key) => [VENDORS[key].name as VendorName, key]));

/** The vendor calls one operation has made, by vendor key: every attempt sent, retries included. */
export class OperationCallTally implements CallTally {
  readonly calls: Record<VendorKey, number> = eachVendor<Record<VendorKey, number>>(() => 0);

  record(vendor: VendorName): void {
    const key = KEY_OF_NAME.get(vendor);
    if (key) this.calls[key] += 1;
  }
}
