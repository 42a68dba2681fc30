import type { VendorAccount, VendorKey } from '../sources/vendors';

export type { VendorKey } from '../sources/vendors';

/** Agency ids, in the agencies file, the admin mutations and tokens: they also name Redis keys and metric labels. */
export const AGENCY_ID = /^[a-z0-9-]{1,63}$/;

/** An agency's vendor accounts; a vendor left out is one the agency does not use. */
export type AgencyVendors = { [K in VendorKey]?: VendorAccount<K> };

/** Where an agency was defined; the file and the environment are read at start, the rest is live. */
export type AgencySource = 'file' | 'environment' | 'runtime' | 'sandbox';

export interface Agency {
  id: string;
  name: string;
  source: AgencySource;
  vendors: AgencyVendors;
}

/** Every agency the gateway serves, kept current: a change on any instance reaches every other within a second. */
export interface AgencyRegistry {
  get(id: string): Agency | undefined;
  list(): Agency[];
  /** Called with an agency's id whenever it is added, changed or removed, here or on another instance. */
  onChange(listener: (agencyId: string) => void): () => void;
}
