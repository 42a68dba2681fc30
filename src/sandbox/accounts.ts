import { eachVendor, type VENDORS, type VendorKey } from '../sources/vendors';
import type { SandboxAccountId } from './credentials';
import { demoPeople, type DemoCast, type DemoPerson } from './demo-people';
import { NORTHSIDE_LETTINGS, type RepositSupplierProfile } from './reposit/seed';

/** One simulated agency: who it is, and whose data its vendor accounts hold (its keys are each vendor's `sandbox.credentials`). */
export interface SandboxAccountProfile {
  id: SandboxAccountId;
  name: string;
  cast: DemoCast;
  /** What its seeded ids derive from besides their seed (see `inIdSpace`). */
  idSpace: string;
  repositSupplier: RepositSupplierProfile;
}

/** The account's state at each vendor. */
export type SandboxSimulators = { [K in VendorKey]: ReturnType<(typeof VENDORS)[K]['sandbox']['simulate']> };

export const SANDBOX_ACCOUNT_PROFILES: SandboxAccountProfile[] = [
  {
    id: 'sandbox-north',
    name: NORTHSIDE_LETTINGS.name,
    cast: 'north',
    idSpace: '',
    repositSupplier: NORTHSIDE_LETTINGS,
  },
  {
    id: 'sandbox-south',
    name: 'Southside Lettings',
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
  return { people, simulators: eachVendor<SandboxSimulators>((vendor) => vendor.sandbox.simulate({ profile, people }) as never) };
}
