import { eachVendor, type VENDORS, type VendorKey } from '../sources/vendors';
import { SANDBOX_ACCOUNT_CREDENTIALS, type SandboxAccountId, type SandboxCredentials } from './credentials';
import { demoPeople, type DemoCast, type DemoPerson } from './demo-people';
import { NORTHSIDE_LETTINGS, type RepositSupplierProfile } from './reposit/seed';

/** One simulated agency: who it is, the keys it holds, and whose data its vendor accounts hold. */
export interface SandboxAccountProfile {
  id: SandboxAccountId;
  name: string;
  credentials: SandboxCredentials;
  cast: DemoCast;
  /** What its seeded ids derive from besides their seed (see `inIdSpace`). */
  idSpace: string;
  repositSupplier: RepositSupplierProfile;
}

/** The account's state at each vendor. */
export type SandboxSimulators = { [K in VendorKey]: ReturnType<(typeof VENDORS)[K]['simulate']> };

export const SANDBOX_ACCOUNT_PROFILES: SandboxAccountProfile[] = [
  {
    id: 'sandbox-north',
    name: NORTHSIDE_LETTINGS.name,
    credentials: SANDBOX_ACCOUNT_CREDENTIALS['sandbox-north'],
    cast: 'north',
    idSpace: '',
    repositSupplier: NORTHSIDE_LETTINGS,
  },
  {
    id: 'sandbox-south',
    name: 'Southside Lettings',
    credentials: SANDBOX_ACCOUNT_CREDENTIALS['sandbox-south'],
    cast: 'south',
    idSpace: 'sandbox-south',
    repositSupplier: {
      name: 'Southside Lettings',
      agents: [
        ['Maya', 'Lindqvist'],
        ['Dev', 'Patel'],
        ['Rosa', 'Ferreira'],
      ],
    },
  },
];

/** The account's people, seeded into a fresh account at each vendor. */
export function createAccountSimulators(
  profile: SandboxAccountProfile,
  peopleCount: number,
): { people: DemoPerson[]; simulators: SandboxSimulators } {
  const people = demoPeople(peopleCount, profile.cast);
  return { people, simulators: eachVendor<SandboxSimulators>((vendor) => vendor.simulate({ profile, people }) as never) };
}
