import { REPOSIT_TENANT_STATUS_VALUES } from '../../sources/reposit/types';
import type { WireAddress, WireLandlord, WireTenant } from '../../sources/reposit/wire';
import type { DemoPerson } from '../demo-people';
import { inIdSpace } from '../id-space';
import { repositStyleId } from './ids';
import { issuePolicy } from './policies';
import { RepositStore, type RepositRecord } from './state';

const DAY_MS = 86_400_000;
/** Seeded Reposits are created a day apart from here, so every run shows the same dates. */
const SEED_EPOCH_MS = Date.UTC(2025, 0, 6, 9, 0, 0);

/** The agency Reposit knows the API key by: its name and its agents' names. */
export interface RepositSupplierProfile {
  name: string;
  agents: Array<readonly [firstName: string, lastName: string]>;
}

/** `sandbox-north`'s agency, as the seed has always had it. */
export const NORTHSIDE_LETTINGS: RepositSupplierProfile = {
  name: 'Northside Lettings',
  agents: [
    ['Janet', 'Savoy'],
    ['Frank', 'Galloway'],
    ['Priti', 'Desai'],
    ['Owen', 'Marsh'],
  ],
};

/** A landlord "can be either a company or a person": the third one is a company. */
const LANDLORDS: WireLandlord[] = [
  landlord('Bobby', 'Moore', { line1: '229 Shoreditch High Street', line2: 'Shoreditch', town: 'London', postcode: 'E1 6PJ' }),
  landlord('Helen', 'Carver', { line1: '4 Wilmslow Road', town: 'Manchester', postcode: 'M14 5TQ' }),
  landlord('Pennine', 'Estates Ltd', { line1: '1 Piccadilly Place', line2: 'Suite 12', town: 'Manchester', postcode: 'M1 3BN' }),
  landlord('Rashid', 'Khan', { line1: '77 Bold Street', town: 'Liverpool', postcode: 'L1 4EZ' }),
  landlord('Grace', 'Okonedo', { line1: '18 Park Row', town: 'Leeds', postcode: 'LS1 5JA' }),
];

/**
 * One supplier for the API key, its agents, and every person on exactly one Reposit: every
 * fourth Reposit has two tenants (the next person is the co-tenant). Stages cycle so the seed
 * shows every tenant status, completed Reposits with policies, some closed on expiry and one
 * deactivated.
 */
export function seedRepositStore(
  people: DemoPerson[],
  apiKey: string,
  profile: RepositSupplierProfile = NORTHSIDE_LETTINGS,
  idSpace = '',
): RepositStore {
  const id = (prefix: 'sup' | 'usr' | 'rep', key: string) => repositStyleId(prefix, inIdSpace(idSpace, key));
  const store = new RepositStore(
    apiKey,
    { id: id('sup', 'agency'), name: profile.name, type: 'AGENCY', created_at: '2019-06-03 08:15:42.120' },
    profile.agents.map(([firstName, lastName]) => ({ id: id('usr', `${firstName} ${lastName}`), firstName, lastName })),
    idSpace,
  );

  for (let next = 0, index = 0; next < people.length; index++) {
    const lead = people[next++]!;
    const coTenant = index % 4 === 1 ? people[next++] : undefined;
    const stage = index % 6;
    const completed = stage === 5 || (stage === 4 && !coTenant);
    const expired = completed && index % 4 === 3;

    const createdAt = new Date(SEED_EPOCH_MS + (expired ? -730 : 0) * DAY_MS + index * DAY_MS + index * 37 * 60_000);
    const record = openReposit(store, {
      id: id('rep', `seed:${index}`),
      person: lead,
      tenantEmails: coTenant ? [lead.email, coTenant.email] : [lead.email],
      createdAt,
      variant: index,
    });
    record.ppm = lead.monthlyRent + (index % 5 === 2 ? 0.5 : 0);
    // The co-tenant is a step behind the lead, unless the Reposit is complete.
    record.tenants.forEach((tenant, i) => {
      tenant.status = REPOSIT_TENANT_STATUS_VALUES[completed ? 4 : Math.max(0, Math.min(stage, 4) - i)]!;
    });
    if (completed) record.policies.push(issuePolicy(record, new Date(createdAt.getTime() + 5 * DAY_MS)));
    if (expired) record.closedAt = `${dayAfter(record.endDate)}T00:00:00.000Z`;
    if (index % 13 === 6 && !completed) record.deactivatedAt = new Date(createdAt.getTime() + 3 * DAY_MS).toISOString();
  }
  return store;
}

export interface OpenRepositOptions {
  id: string;
  /** Whose home is let and whose rent is paid. */
  person: DemoPerson;
  tenantEmails: string[];
  createdAt: Date;
  /** Picks the agent, landlord and the optional fields, so Reposits differ. */
  variant: number;
}

/** A new Reposit for a person's tenancy (a year from a fortnight after creation), every tenant invited. */
export function openReposit(store: RepositStore, options: OpenRepositOptions): RepositRecord {
  const { person, createdAt, variant } = options;
  const start = new Date(createdAt.getTime() + 14 * DAY_MS);
  const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate()) - DAY_MS);
  const tenants: WireTenant[] = options.tenantEmails.map((email) => ({ email, createdAt: createdAt.toISOString(), status: 'INVITED' }));
  return store.add({
    id: options.id,
    ppm: person.monthlyRent,
    headcount: tenants.length,
    startDate: calendarDate(start),
    endDate: calendarDate(end),
    // Reposit sends null for a letOnly nobody set, though it documents a default of false.
    letOnly: [null, false, true][variant % 3] ?? null,
    createdAt: createdAt.toISOString(),
    closedAt: null,
    deactivatedAt: null,
    address: propertyAddress(person, variant % 2 === 0 ? `Flat ${(variant % 4) + 1}` : undefined),
    agentId: store.agents[variant % store.agents.length]!.id,
    tenants,
    landlord: structuredClone(LANDLORDS[variant % LANDLORDS.length]!),
    policies: [],
  });
}

function propertyAddress(person: DemoPerson, line2: string | undefined): WireAddress {
  const address: WireAddress = {
    line1: `${person.address.houseNumber} ${person.address.street}`,
    town: person.address.town,
    // The demo people carry ISO alpha-2 (for Canopy); Reposit takes alpha-3.
    country: { GB: 'GBR' }[person.address.countryCode],
    postcode: person.address.postCode,
  };
  if (line2) address.line2 = line2;
  return address;
}

function landlord(firstName: string, lastName: string, address: Omit<WireAddress, 'country'>): WireLandlord {
  const email = `${firstName}.${lastName.split(' ')[0]}@landlords.example.com`.toLowerCase();
  return { firstName, lastName, email, address: { ...address, country: 'GBR' } };
}

function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayAfter(date: string): string {
  return calendarDate(new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS));
}
