/**
 * The demo account: three branches (two linked to agency branch ids), and one referencing
 * request per demo person, each played forward to a different stage so every screen has data.
 */
import type { ItemType } from '../../sources/canopy-referencing/enums';
import type { WireIdentity, WireIncome, WireRentData } from '../../sources/canopy-referencing/wire';
import type { DemoPerson } from '../demo-people';
import { inIdSpace } from '../id-space';
import { stableUuid } from './ids';
import { step } from './lifecycle';
import { createRequest } from './requests';
import type { CanopyReferencingState, ReferencingRecord, ScreeningResult } from './state';

const BRANCHES = [
  { key: 'manchester-central', name: 'Manchester Central', houseNumber: '1', street: 'Deansgate', postCode: 'M3 1AZ', linked: true },
  { key: 'salford-quays', name: 'Salford Quays', houseNumber: '22', street: 'The Quays', postCode: 'M50 3AG', linked: true },
  { key: 'didsbury-village', name: 'Didsbury Village', houseNumber: '7', street: 'Wilmslow Road', postCode: 'M20 6RT', linked: false },
] as const;

/** The agency's own id for a seeded branch, as the gateway's CRM would hold it. */
export function seededClientBranchId(key: string, idSpace = ''): string {
  return stableUuid(inIdSpace(idSpace, 'client-branch'), key);
}

/** A seeded Canopy branch's id. */
export function seededCanopyBranchId(key: string, idSpace = ''): string {
  return stableUuid(inIdSpace(idSpace, 'canopy-branch'), key);
}

/** The id of a renter's seeded request (generation 0) or of one the simulated activity began. */
export function seededCanopyReferenceId(email: string, generation = 0, idSpace = ''): string {
  return stableUuid(inIdSpace(idSpace, 'referencing-request'), email.toLowerCase(), generation);
}

interface Profile {
  itemType: ItemType;
  /** Steps to play; `complete` plays until the passport is complete (or waits for a guarantor). */
  steps: number | 'complete';
  result?: ScreeningResult;
  guarantor?: boolean;
  identity?: boolean;
  rightToRent?: boolean;
}

/** By person index modulo the list: the featured renters get one of each stage. */
const PROFILES: Profile[] = [
  { itemType: 'FULL', steps: 'complete', result: 'ACCEPT', identity: true, rightToRent: true },
  { itemType: 'INSTANT', steps: 'complete', result: 'CONSIDER' },
  { itemType: 'FULL', steps: 7 },
  { itemType: 'INSTANT', steps: 'complete', result: 'CONSIDER', guarantor: true },
  { itemType: 'INSTANT', steps: 1 },
  { itemType: 'PRIORITY', steps: 'complete', result: 'HIGH_RISK', identity: true },
  { itemType: 'CC_ONLY', steps: 2 },
  { itemType: 'PRE_QUALIFICATION', steps: 0 },
];

const SEED_START_MS = Date.UTC(2025, 0, 6, 9, 0, 0);
const HOUR_MS = 60 * 60 * 1000;
const STEP_MS = 20 * 60 * 1000;

export function seedBranches(state: CanopyReferencingState): void {
  for (const [i, branch] of BRANCHES.entries()) {
    const canopyBranchId = seededCanopyBranchId(branch.key, state.idSpace);
    state.branches.push({
      canopyBranchId,
      branchName: branch.name,
      isDefault: i === 0,
      address: {
        id: stableUuid(inIdSpace(state.idSpace, 'branch-address'), branch.key),
        line1: `${branch.houseNumber} ${branch.street}`,
        line2: 'Manchester',
        street: branch.street,
        town: 'Manchester',
        postCode: branch.postCode,
        houseNumber: branch.houseNumber,
      },
    });
    if (branch.linked) state.branchLinks.set(seededClientBranchId(branch.key, state.idSpace), canopyBranchId);
  }
}

function prefillPerson(state: CanopyReferencingState, person: DemoPerson, since: string): void {
  const identity: WireIdentity = {
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    dateOfBirth: person.dateOfBirth,
    phone: person.phone,
    addresses: [{ startDate: since, ...person.address }],
  };
  const income: WireIncome[] = [
    {
      incomeSource: 'EMPLOYED',
      annualSalary: person.annualSalary,
      paymentFrequency: 'MONTHLY',
      employment: {
        companyName: person.companyName,
        jobTitle: person.jobTitle,
        employmentStatus: 'FULL_TIME',
        employmentBasis: 'PERMANENT',
        startDate: since,
      },
    },
  ];
  const rent: WireRentData = {
    homeowner: false,
    rentsDuringLastYear: true,
    rents: [{ name: 'Current home', paymentFrequency: 'MONTHLY', rentPaymentAmount: person.monthlyRent, rentPaidTo: 'Landlord' }],
  };
  Object.assign(state.prefill(person.email), { identity, income, rent });
}

function playForward(state: CanopyReferencingState, record: ReferencingRecord, steps: Profile['steps'], startMs: number): void {
  let at = startMs;
  const done = () =>
    steps === 'complete' ? record.stage === 'COMPLETED' || record.stage === 'WAITING_FOR_GUARANTOR' : false;
  for (let taken = 0; steps === 'complete' ? !done() : taken < steps; taken++) {
    at += STEP_MS;
    step(state, record, new Date(at));
  }
}

export function seedRequests(state: CanopyReferencingState, people: DemoPerson[]): void {
  const linkedBranch = state.branchLinks.get(seededClientBranchId('salford-quays', state.idSpace));
  for (const [i, person] of people.entries()) {
    const profile = PROFILES[i % PROFILES.length]!;
    const startMs = SEED_START_MS + i * 6 * HOUR_MS;
    prefillPerson(state, person, '2021-09-01');
    const record = createRequest(state, {
      canopyReferenceId: seededCanopyReferenceId(person.email, 0, state.idSpace),
      clientReferenceId: `RG-${String(i + 1).padStart(4, '0')}`,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
      requestType: 'RENTER_SCREENING',
      itemType: profile.itemType,
      canopyBranchId: i % 2 === 1 && linkedBranch ? linkedBranch : state.defaultBranch().canopyBranchId,
      callbackUrl: null,
      seeded: true,
      isGuarantorNeeded: profile.guarantor,
      isIdentityVerificationNeeded: profile.identity,
      isRightToRentNeeded: profile.rightToRent,
      annualSalary: person.annualSalary,
      result: profile.result,
      createdAt: new Date(startMs),
    });
    playForward(state, record, profile.steps, startMs);
  }
}
