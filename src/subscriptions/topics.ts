import { VENDOR_KEYS, VENDORS, type VendorKey } from '../sources/vendors';

type Vendors = typeof VENDORS;
/** Each vendor's topic map, as a union; a vendor without webhooks has none. */
type VendorTopics = { [K in VendorKey]: Vendors[K] extends { topics: infer T } ? T : never }[VendorKey];
type TopicNames<T> = T extends unknown ? keyof T : never;
type TopicNamed<T, N extends PropertyKey> = T extends Record<N, infer Topic> ? Topic : never;

/** Every kind of event the gateway stores and fans out, named `entity:event`: each vendor's topics together. */
export const TOPICS = Object.assign({}, ...VENDOR_KEYS.map((key) => ('topics' in VENDORS[key] ? VENDORS[key].topics : {}))) as {
  [N in TopicNames<VendorTopics>]: TopicNamed<VendorTopics, N>;
};

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
