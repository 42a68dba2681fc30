import { canopyReferencingVendor } from './canopy-referencing/vendor';
import { canopyServicingVendor } from './canopy-servicing/vendor';
import { repositVendor } from './reposit/vendor';

/** Each vendor under the key its descriptor gives: the compiler holds the two equal. */
function byKey<T extends Record<string, { key: string }>>(vendors: T & { [K in keyof T]: { key: K } }): T {
  return vendors;
}

/** Every vendor the gateway speaks to. A new vendor is one module and one line here. */
export const VENDORS = byKey({
  canopyReferencing: canopyReferencingVendor,
  canopyServicing: canopyServicingVendor,
  reposit: repositVendor,
});

type Vendors = typeof VENDORS;
/** The vendors, as an agency's configuration names them. */
export type VendorKey = keyof Vendors;
export type VendorClients = { [K in VendorKey]: ReturnType<Vendors[K]['createClient']> };
export type VendorLoaders = { [K in VendorKey]: ReturnType<Vendors[K]['createLoaders']> };
export type VendorAccount<K extends VendorKey> = NonNullable<Parameters<Vendors[K]['createClient']>[1]>;
/** The path segments of the webhook routes, `POST /webhooks/<route>/:secret`. */
export type WebhookRoute = { [K in VendorKey]: Vendors[K] extends { webhook: { route: infer R } } ? R : never }[VendorKey];

export const VENDOR_KEYS = Object.keys(VENDORS) as VendorKey[];

/** Every webhook route, once each. */
export const WEBHOOK_ROUTES = VENDOR_KEYS.flatMap((key) => {
  const vendor = VENDORS[key];
  return 'webhook' in vendor ? [vendor.webhook.route] : [];
});

/** Builds one value per vendor; the one place where a per-vendor record is typed from a loop. */
export function eachVendor<T extends Record<VendorKey, unknown>>(build: <K extends VendorKey>(vendor: Vendors[K], key: K) => T[K]): T {
  const built: Partial<T> = {};
  for (const key of VENDOR_KEYS) built[key] = build(VENDORS[key] as never, key);
  return built as T;
}
