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

const FEATURED: Array<Pick<DemoPerson, 'firstName' | 'lastName' | 'jobTitle' | 'companyName'>> = [
  { firstName: 'Amara', lastName: 'Okafor', jobTitle: 'Software Engineer', companyName: 'Northwind Ltd' },
  { firstName: 'Tomasz', lastName: 'Nowak', jobTitle: 'Nurse', companyName: 'St Mary Hospital' },
  { firstName: 'Priya', lastName: 'Shah', jobTitle: 'Accountant', companyName: 'Ledger & Co' },
  { firstName: 'Liam', lastName: 'Byrne', jobTitle: 'Electrician', companyName: 'Spark Works' },
  { firstName: 'Sofia', lastName: 'Rossi', jobTitle: 'Teacher', companyName: 'Hillside Academy' },
];

const FIRST_NAMES = ['Noah', 'Olivia', 'Jack', 'Isla', 'Harry', 'Ava', 'Leo', 'Mia', 'Oscar', 'Freya'];
const LAST_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright'];
const STREETS = ['Newton Street', 'Oldham Road', 'Deansgate', 'Portland Street', 'Whitworth Street'];
const JOBS = ['Designer', 'Chef', 'Pharmacist', 'Analyst', 'Paramedic'];

/** `count` people, always the same ones for the same count; the first five are the featured renters. */
export function demoPeople(count = 50): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const named = FEATURED[i] ?? {
      firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
      lastName: LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!,
      jobTitle: JOBS[i % JOBS.length]!,
      companyName: `${LAST_NAMES[i % LAST_NAMES.length]} Holdings`,
    };
    const n = i + 1;
    return {
      ...named,
      email: `${named.firstName}.${named.lastName}${i < FEATURED.length ? '' : n}@example.com`.toLowerCase(),
      phone: `+4477009${String(n).padStart(5, '0')}`,
      dateOfBirth: `19${80 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      address: {
        houseNumber: String(10 + i),
        street: STREETS[i % STREETS.length]!,
        town: 'Manchester',
        postCode: `M${(i % 9) + 1} ${(i % 9) + 1}AE`,
        countryCode: 'GB',
      },
      annualSalary: 24_000 + ((i * 3_700) % 40_000),
      monthlyRent: 750 + ((i * 85) % 900),
    };
  });
}
