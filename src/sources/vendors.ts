import type { VendorKey } from '../agencies/agency';
import { canopyReferencingVendor } from './canopy-referencing/vendor';
import { canopyServicingVendor } from './canopy-servicing/vendor';
import { repositVendor } from './reposit/vendor';

/** Every vendor the gateway speaks to. A new vendor is one module and one line here. */
export const VENDORS = {
  canopyReferencing: canopyReferencingVendor,
  canopyServicing: canopyServicingVendor,
  reposit: repositVendor,
} as const satisfies Record<VendorKey, { key: VendorKey }>;

type Vendors = typeof VENDORS;
export type VendorClients = { [K in VendorKey]: ReturnType<Vendors[K]['createClient']> };
export type VendorLoaders = { [K in VendorKey]: ReturnType<Vendors[K]['createLoaders']> };
export type VendorAccount<K extends VendorKey> = NonNullable<Parameters<Vendors[K]['createClient']>[1]>;

/** Builds one value per vendor; the one place where a per-vendor record is typed from a loop. */
export function eachVendor<T extends Record<VendorKey, unknown>>(build: <K extends VendorKey>(vendor: Vendors[K], key: K) => T[K]): T {
  const built: Partial<T> = {};
  for (const key of Object.keys(VENDORS) as VendorKey[]) built[key] = build(VENDORS[key] as never, key);
  return built as T;
}
