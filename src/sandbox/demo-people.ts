/**
 * The renters and tenants of the demo data. The same person appears in all three simulated
 * vendors under one e-mail, so the gateway's joins have something to join.
 */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  /** E.164, as Canopy Servicing requires. */
  phone: string;
  dateOfBirth: string;
  address: {
    houseNumber: string;
    street: string;
    town: string;
    postCode: string;
    /** ISO 3166-1 alpha-2 (Canopy); Reposit takes alpha-3. */
    countryCode: 'GB';
  };
  jobTitle: string;
  companyName: string;
  /** Whole pounds a year. */
  annualSalary: number;
  /** Whole pounds a month. */
  monthlyRent: number;
}

type Named = Pick<DemoPerson, 'firstName' | 'lastName' | 'jobTitle' | 'companyName'>;

/** Where a cast lives and how its people are told apart from another cast's. */
interface Cast {
  /** The first people, by name; the README features north's. */
  featured: Named[];
  town: string;
  postcodeArea: string;
  streets: string[];
  /** Of the generated (not featured) people's e-mails. */
  emailDomain: string;
  /** E.164 prefix, five digits short. */
  phonePrefix: string;
  /**
   * People who rent at both agencies, by their index here → their index in north's cast: the
   * same human (name, e-mail, phone, birth date, job), with this cast's home and rent.
   */
  alsoInNorth: Record<number, number>;
}

const FIRST_NAMES = ['Noah', 'Olivia', 'Jack', 'Isla', 'Harry', 'Ava', 'Leo', 'Mia', 'Oscar', 'Freya'];
const LAST_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright'];
const JOBS = ['Designer', 'Chef', 'Pharmacist', 'Analyst', 'Paramedic'];

const PRIYA: Named = { firstName: 'Priya', lastName: 'Shah', jobTitle: 'Accountant', companyName: 'Ledger & Co' };

const CASTS = {
  north: {
    featured: [
      { firstName: 'Amara', lastName: 'Okafor', jobTitle: 'Software Engineer', companyName: 'Northwind Ltd' },
      { firstName: 'Tomasz', lastName: 'Nowak', jobTitle: 'Nurse', companyName: 'St Mary Hospital' },
      PRIYA,
      { firstName: 'Liam', lastName: 'Byrne', jobTitle: 'Electrician', companyName: 'Spark Works' },
      { firstName: 'Sofia', lastName: 'Rossi', jobTitle: 'Teacher', companyName: 'Hillside Academy' },
    ],
    town: 'Manchester',
    postcodeArea: 'M',
    streets: ['Newton Street', 'Oldham Road', 'Deansgate', 'Portland Street', 'Whitworth Street'],
    emailDomain: 'example.com',
    phonePrefix: '+4477009',
    alsoInNorth: {},
  },
  south: {
    featured: [
      PRIYA,
      { firstName: 'Chidi', lastName: 'Eze', jobTitle: 'Architect', companyName: 'Harbourside Design' },
      { firstName: 'Hannah', lastName: 'Kowalski', jobTitle: 'Midwife', companyName: 'Southmead Hospital' },
      { firstName: 'Mateo', lastName: 'Garcia', jobTitle: 'Barista', companyName: 'Clifton Coffee' },
      { firstName: 'Yusuf', lastName: 'Demir', jobTitle: 'Engineer', companyName: 'Avonmouth Works' },
    ],
    town: 'Bristol',
    postcodeArea: 'BS',
    streets: ['Park Street', 'Gloucester Road', 'Whiteladies Road', 'Corn Street', 'Queen Square'],
    emailDomain: 'example.net',
    phonePrefix: '+4477008',
    // Priya Shah rents at both agencies.
    alsoInNorth: { 0: 2 },
  },
} satisfies Record<string, Cast>;

export type DemoCast = keyof typeof CASTS;

/**
 * `count` people of a cast, always the same ones for the same count; the first five are the
 * cast's featured renters. North's are the README's; south's share Priya Shah with north.
 */
export function demoPeople(count = 50, cast: DemoCast = 'north'): DemoPerson[] {
  const { alsoInNorth } = CASTS[cast] as Cast;
  return Array.from({ length: count }, (_, i) => {
    const own = castPerson(CASTS[cast], i);
    const northIndex = alsoInNorth[i];
    if (northIndex === undefined) return own;
    return { ...castPerson(CASTS.north, northIndex), address: own.address, monthlyRent: own.monthlyRent };
  });
}

function castPerson(cast: Cast, i: number): DemoPerson {
  const featured = cast.featured[i];
  const named = featured ?? {
    firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
    lastName: LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!,
    jobTitle: JOBS[i % JOBS.length]!,
    companyName: `${LAST_NAMES[i % LAST_NAMES.length]} Holdings`,
  };
  const n = i + 1;
  // Featured people are known by name alone: the same name is the same person in every cast.
  const email = featured
    ? `${named.firstName}.${named.lastName}@example.com`
    : `${named.firstName}.${named.lastName}${n}@${cast.emailDomain}`;
  return {
    ...named,
    email: email.toLowerCase(),
    phone: `${cast.phonePrefix}${String(n).padStart(5, '0')}`,
    dateOfBirth: `19${80 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    address: {
      houseNumber: String(10 + i),
      street: cast.streets[i % cast.streets.length]!,
      town: cast.town,
      postCode: `${cast.postcodeArea}${(i % 9) + 1} ${(i % 9) + 1}AE`,
      countryCode: 'GB',
    },
    annualSalary: 24_000 + ((i * 3_700) % 40_000),
    monthlyRent: 750 + ((i * 85) % 900),
  };
}
