import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seededCanopyReferenceId, seededClientBranchId } from '../../src/sandbox/canopy-referencing/seed';
import { stableUuid } from '../../src/sandbox/canopy-referencing/ids';
import type { ScreeningResult } from '../../src/sandbox/canopy-referencing/state';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
  // The client's token exchange happens once per client; do it now so each test counts data calls only.
  await gateway.graphql('{ canopyBranches { id } }');
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());
afterEach(() => gateway.sandbox.knobs.reset());

const AMARA = 'amara.okafor@example.com';
const PRIYA = 'priya.shah@example.com';
const LIAM = 'liam.byrne@example.com';
const PASSPORT = 'GET /referencing-requests/client/:clientId/rent-passport/:canopyReferenceId';
const NOTES = 'GET /referencing-requests/client/:clientId/rent-passport/:canopyReferenceId/notes';
const BRANCHES = 'GET /referencing-requests/client/:clientId/branches-list';
const TOKEN = 'POST /referencing-requests/client/:clientId/token';

const canopyCalls = (endpoint?: string) => gateway.sandbox.calls.count('canopy-referencing', endpoint);
const branchId = (key: string) => stableUuid('canopy-branch', key);

const FULL_REQUEST = /* GraphQL */ `
  query ReferencingRequest($id: ID!) {
    referencingRequest(canopyReferenceId: $id) {
      id
      canopyReferenceId
      clientReferenceId
      status
      completed
      tenant { email }
      rentPassport {
        ready
        globalStatus
        instant { status creditCheck income rent savings }
        full { status landlordReference employerReference }
        monthlyRentAffordability { minorUnits currency decimal }
        incomeMonthlyRentAffordability { minorUnits currency }
        savingsMonthlyRentAffordability { minorUnits currency }
        identityStatus
        personalData { identity addressHistory financialSummary }
        addressHistoryStatus
        creditIndicator
        creditScore
        dateChecked
        highRiskSummary { section reason }
        considerSummary { section reason }
        canRequestGuarantor
        guarantorRequest { email status createdAt }
        guarantors { pending accepted }
        guaranteedRenterCount
        guaranteedRenters
        isGuarantor
        isFavourite
        externalNotes { section message createdAt }
        connection {
          connectionId branchId branchName tenancyStatus renterId referencingType createdAt moveFrom moveTo
          groupStates { instant full other }
          screeningProgress passportCompleted source
        }
        identityVerification { status additionalInfo updatedAt }
        rightToRent {
          type status requestId documentType typeOfProof shareCode country expirationDate tenancyEndDate
          metadata { typeOfProof idnowIdentId shareCode } documents verifiedBy
        }
      }
      notes {
        renter { email firstName lastName }
        sections { section agentNotes { message createdAt } reportNotes { message createdAt } }
      }
      report {
        title documentType status maxRent { minorUnits currency decimal }
        isGuarantorReference isGuarantorNeeded waitingForGuarantor guarantorCompleted pdfUrl summaryPdfUrl
      }
    }
  }
`;

function seeded(email: string) {
  const record = gateway.sandbox.simulators.canopyReferencing.state.requests.get(seededCanopyReferenceId(email));
  if (!record) throw new Error(`the seed has no referencing request for ${email}`);
  return record;
}

/** Canopy's affordability: a thirtieth of the yearly salary, in whole pounds, here in pence. */
function affordabilityPence(email: string): number {
  const person = gateway.sandbox.people.find((candidate) => candidate.email === email)!;
  return Math.floor(person.annualSalary / 30) * 100;
}

describe('Query.referencingRequest', () => {
  it('answers every documented field of a completed FULL passport, amounts as GBP pence', async () => {
    const record = seeded(AMARA);
    const { data, errors } = await gateway.graphql(FULL_REQUEST, { id: record.canopyReferenceId });

    expect(errors).toBeUndefined();
    const request = data?.referencingRequest;
    const done = record.updatedAt.toISOString();
    const affordable = affordabilityPence(AMARA);
    const person = gateway.sandbox.people.find((candidate) => candidate.email === AMARA)!;
    expect(request).toMatchObject({
      id: encodeGlobalID('ReferencingRequest', record.canopyReferenceId),
      canopyReferenceId: record.canopyReferenceId,
      clientReferenceId: null,
      status: 'ACCEPT',
      completed: true,
      tenant: { email: AMARA },
      report: {
        title: 'FULL',
        documentType: 'FULL',
        status: 'VERIFY',
        maxRent: { minorUnits: affordable, currency: 'GBP', decimal: `${affordable / 100}.00` },
        // a renter's report without a guarantor: the callback sends isGuarantorNeeded only
        isGuarantorReference: null,
        isGuarantorNeeded: false,
        waitingForGuarantor: null,
        guarantorCompleted: null,
        // the gateway holds the document ids of seeded passports, as if their callbacks had come
        pdfUrl: expect.stringMatching(/\/reports\/canopy\/[^?]+\?expires=\d+&signature=/),
        summaryPdfUrl: expect.stringMatching(/\/reports\/canopy\/[^?]+\?expires=\d+&signature=/),
      },
    });
    expect(request.rentPassport).toEqual({
      ready: true,
      globalStatus: 'ACCEPT',
      instant: { status: 'ACCEPT', creditCheck: 'DONE', income: 'DONE', rent: 'DONE', savings: 'DONE' },
      full: { status: 'ACCEPT', landlordReference: 'DONE', employerReference: 'DONE' },
      monthlyRentAffordability: { minorUnits: affordable, currency: 'GBP', decimal: `${affordable / 100}.00` },
      incomeMonthlyRentAffordability: { minorUnits: affordable, currency: 'GBP' },
      savingsMonthlyRentAffordability: { minorUnits: 0, currency: 'GBP' },
      identityStatus: 'YES',
      personalData: {
        identity: { firstName: 'Amara', lastName: 'Okafor', dateOfBirth: person.dateOfBirth },
        addressHistory: [{ startDate: '2021-09-01', ...person.address }],
        financialSummary: { currency: 'GBP', annualIncome: person.annualSalary, monthlyIncome: Math.floor(person.annualSalary / 12), incomeVerified: true },
      },
      addressHistoryStatus: 'YES',
      creditIndicator: 'GREEN',
      creditScore: 820,
      dateChecked: done,
      highRiskSummary: [],
      considerSummary: [],
      canRequestGuarantor: true,
      guarantorRequest: null,
      guarantors: { pending: 0, accepted: 0 },
      guaranteedRenterCount: 0,
      guaranteedRenters: [],
      isGuarantor: false,
      isFavourite: false,
      externalNotes: [
        { section: 'GLOBAL', message: 'Screening complete: the renter meets the affordability and credit criteria.', createdAt: done },
        { section: 'LANDLORD_REFERENCE', message: 'Previous landlord confirms rent was paid on time.', createdAt: expect.any(String) },
      ],
      connection: {
        connectionId: stableUuid('connection', record.canopyReferenceId),
        branchId: branchId('manchester-central'),
        branchName: 'Manchester Central',
        tenancyStatus: 'SCREENING',
        renterId: stableUuid('renter', AMARA),
        referencingType: 'FULL',
        createdAt: record.createdAt.toISOString(),
        moveFrom: null,
        moveTo: null,
        groupStates: { instant: 'DONE', full: 'DONE', other: 'DONE' },
        screeningProgress: 'DONE',
        passportCompleted: true,
        source: 'REFERENCE_API',
      },
      identityVerification: { status: 'VERIFIED', additionalInfo: null, updatedAt: done },
      rightToRent: {
        type: 'MANUAL',
        status: 'COMPLETED',
        requestId: stableUuid('right-to-rent', record.canopyReferenceId),
        documentType: 'other',
        typeOfProof: 'other',
        shareCode: expect.stringMatching(/^[0-9A-F]{9}$/),
        country: null,
        expirationDate: null,
        tenancyEndDate: null,
        metadata: { typeOfProof: 'other', idnowIdentId: expect.stringMatching(/^IDN-/), shareCode: request.rentPassport.rightToRent.shareCode },
        documents: [{ type: 'SHARE_CODE_CHECK', name: expect.stringMatching(/^right-to-rent-.+\.pdf$/), createdAt: done }],
        verifiedBy: 'Canopy Compliance',
      },
    });
    expect(request.notes.renter).toEqual({ email: AMARA, firstName: 'Amara', lastName: 'Okafor' });
    expect(request.notes.sections.map((section: { section: string }) => section.section)).toEqual([
      'SUMMARY',
      'CREDIT_CHECK',
      'INCOME',
      'SAVINGS',
      'RENT',
      'EMPLOYEE_REFERENCE',
      'LANDLORD_REFERENCE',
    ]);
    expect(request.notes.sections[0]).toEqual({
      section: 'SUMMARY',
      agentNotes: [{ message: 'Reviewed by the branch; report sent to the agency.', createdAt: done }],
      reportNotes: [{ message: 'Screening complete: the renter meets the affordability and credit criteria.', createdAt: done }],
    });
  });

  it('shows a passport in progress: no verdict, no report yet, no checks the request did not ask for', async () => {
    const { data, errors } = await gateway.graphql(FULL_REQUEST, { id: seededCanopyReferenceId(PRIYA) });

    expect(errors).toBeUndefined();
    const request = data?.referencingRequest;
    expect(request.status).toBe('IN_PROGRESS');
    expect(request.completed).toBe(false);
    expect(request.report).toBeNull();
    expect(request.rentPassport.instant).toEqual({
      status: 'IN_PROGRESS',
      creditCheck: 'DONE',
      income: 'DONE',
      rent: 'IN_PROGRESS',
      savings: 'NOT_STARTED',
    });
    expect(request.rentPassport.full).toEqual({ status: 'NOT_STARTED', landlordReference: 'NOT_STARTED', employerReference: 'NOT_STARTED' });
    expect(request.rentPassport.identityVerification).toBeNull();
    expect(request.rentPassport.rightToRent).toBeNull();
  });

  it('shows a guarantor being waited for in the passport and in the callback’s report', async () => {
    const { data } = await gateway.graphql(FULL_REQUEST, { id: seededCanopyReferenceId(LIAM) });

    const request = data?.referencingRequest;
    expect(request.rentPassport.guarantorRequest).toEqual({ email: 'liam.byrne.guarantor@example.com', status: 'PENDING', createdAt: expect.any(String) });
    expect(request.rentPassport.guarantors).toEqual({ pending: 1, accepted: 0 });
    expect(request.rentPassport.considerSummary).toEqual([{ section: 'INCOME', reason: 'LOW_AFFORDABILITY' }]);
    expect(request.report).toMatchObject({
      title: 'INSTANT',
      documentType: 'INSTANT',
      status: 'CONSIDER',
      isGuarantorReference: null,
      isGuarantorNeeded: true,
      waitingForGuarantor: true,
      guarantorCompleted: false,
    });
  });

  it('accepts the global id as well as Canopy’s id, and refetches through node(id:)', async () => {
    const canopyReferenceId = seededCanopyReferenceId(AMARA);
    const globalId = encodeGlobalID('ReferencingRequest', canopyReferenceId);
    const { data, errors } = await gateway.graphql(
      /* GraphQL */ `
        query ($id: ID!) {
          referencingRequest(canopyReferenceId: $id) { id canopyReferenceId }
          node(id: $id) { id ... on ReferencingRequest { canopyReferenceId status tenant { email } } }
        }
      `,
      { id: globalId },
    );

    expect(errors).toBeUndefined();
    expect(data?.referencingRequest).toEqual({ id: globalId, canopyReferenceId });
    expect(data?.node).toEqual({ id: globalId, canopyReferenceId, status: 'ACCEPT', tenant: { email: AMARA } });
  });

  it('answers null, not an error, for an id Canopy does not know, by root lookup and by node', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const { data, errors } = await gateway.graphql(
      /* GraphQL */ `
        query ($id: ID!, $global: ID!) {
          referencingRequest(canopyReferenceId: $id) { id }
          node(id: $global) { id }
        }
      `,
      { id: unknown, global: encodeGlobalID('ReferencingRequest', unknown) },
    );

    expect(errors).toBeUndefined();
    expect(data).toEqual({ referencingRequest: null, node: null });
  });

  it('shows a verdict the documentation does not list as UNLISTED instead of failing', async () => {
    const record = seeded(AMARA);
    const result = record.result;
    record.result = 'REFER' as ScreeningResult;
    try {
      const { data, errors } = await gateway.graphql(
        /* GraphQL */ `
          query ($id: ID!) {
            referencingRequest(canopyReferenceId: $id) { status rentPassport { globalStatus instant { status } } }
          }
        `,
        { id: record.canopyReferenceId },
      );

      expect(errors).toBeUndefined();
      expect(data?.referencingRequest).toEqual({
        status: 'UNLISTED',
        rentPassport: { globalStatus: 'UNLISTED', instant: { status: 'UNLISTED' } },
      });
    } finally {
      record.result = result;
    }
  });
});

describe('Query.canopyBranches', () => {
  it('lists each Canopy branch once with its linked client branch ids, as Relay nodes', async () => {
    const { data, errors } = await gateway.graphql(/* GraphQL */ `
      {
        canopyBranches {
          id canopyBranchId name clientBranchIds
          address { addressId line1 line2 line3 flat houseNumber houseName street district town postCode countryCode }
        }
      }
    `);

    expect(errors).toBeUndefined();
    expect(data?.canopyBranches).toHaveLength(3);
    expect(data?.canopyBranches[0]).toEqual({
      id: encodeGlobalID('CanopyBranch', branchId('manchester-central')),
      canopyBranchId: branchId('manchester-central'),
      name: 'Manchester Central',
      clientBranchIds: [seededClientBranchId('manchester-central')],
      address: {
        addressId: stableUuid('branch-address', 'manchester-central'),
        line1: '1 Deansgate',
        line2: 'Manchester',
        line3: null,
        flat: null,
        houseNumber: '1',
        houseName: null,
        street: 'Deansgate',
        district: null,
        town: 'Manchester',
        postCode: 'M3 1AZ',
        countryCode: 'GB',
      },
    });
    expect(data?.canopyBranches[2]).toMatchObject({ name: 'Didsbury Village', clientBranchIds: [] });
  });

  it('refetches a branch through node(id:) from the one branches-list call', async () => {
    const ids = ['manchester-central', 'salford-quays'].map((key) => encodeGlobalID('CanopyBranch', branchId(key)));
    const { data, errors } = await gateway.graphql(
      /* GraphQL */ `
        query ($a: ID!, $b: ID!) {
          a: node(id: $a) { ... on CanopyBranch { name } }
          b: node(id: $b) { ... on CanopyBranch { name } }
        }
      `,
      { a: ids[0], b: ids[1] },
    );

    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { name: 'Manchester Central' }, b: { name: 'Salford Quays' } });
    expect(gateway.sandbox.calls.snapshot()).toEqual({ [`canopy-referencing ${BRANCHES}`]: 1 });
  });
});

describe('REST calls', () => {
  const EVERYTHING = /* GraphQL */ `
    query ($id: ID!) {
      referencingRequest(canopyReferenceId: $id) {
        status
        rentPassport { globalStatus instant { status income } full { status } connection { branchName } }
        notes { sections { section reportNotes { message } } }
        report { title maxRent { minorUnits } }
      }
    }
  `;

  it('reads a request with status, passport sections, notes and report in exactly 2 calls: passport and notes', async () => {
    const { errors } = await gateway.graphql(EVERYTHING, { id: seededCanopyReferenceId(AMARA) });

    expect(errors).toBeUndefined();
    expect(gateway.sandbox.calls.snapshot()).toEqual({ [`canopy-referencing ${PASSPORT}`]: 1, [`canopy-referencing ${NOTES}`]: 1 });
  });

  it('adds no call for two aliases of the same request, by Canopy id and by global id', async () => {
    const id = seededCanopyReferenceId(AMARA);
    const { data, errors } = await gateway.graphql(
      /* GraphQL */ `
        query ($id: ID!, $global: ID!) {
          a: referencingRequest(canopyReferenceId: $id) { status notes { renter { email } } report { title } }
          b: referencingRequest(canopyReferenceId: $global) { completed rentPassport { ready } tenant { email } }
        }
      `,
      { id, global: encodeGlobalID('ReferencingRequest', id) },
    );

    expect(errors).toBeUndefined();
    expect(data?.b.tenant.email).toBe(AMARA);
    expect(canopyCalls(PASSPORT)).toBe(1);
    expect(canopyCalls(NOTES)).toBe(1);
    expect(canopyCalls()).toBe(2);
  });

  it('reads the requests of five tenants with one notes and one passport call each, and the branches once', async () => {
    const emails = gateway.sandbox.people.slice(0, 5).map((person) => person.email);
    const { data, errors } = await gateway.graphql(
      /* GraphQL */ `
        query ($emails: [String!]!) {
          tenants(emails: $emails) { referencingRequests { status rentPassport { connection { branch { name } } } } }
        }
      `,
      { emails },
    );

    expect(errors).toBeUndefined();
    expect(data?.tenants).toHaveLength(5);
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      [`canopy-referencing ${BRANCHES}`]: 1,
      [`canopy-referencing ${PASSPORT}`]: 5,
      [`canopy-referencing ${NOTES}`]: 5,
    });
  });

  it('makes one token exchange more, and no more, on a fresh client', async () => {
    await using fresh = await useGateway();
    const { errors } = await fresh.graphql(EVERYTHING, { id: seededCanopyReferenceId(AMARA) });

    expect(errors).toBeUndefined();
    expect(fresh.sandbox.calls.snapshot()).toEqual({
      [`canopy-referencing ${TOKEN}`]: 1,
      [`canopy-referencing ${PASSPORT}`]: 1,
      [`canopy-referencing ${NOTES}`]: 1,
    });
  });
});

describe('failures', () => {
  it('turns a Canopy failure into a GraphQL error with code and vendor, leaving other vendors’ fields intact', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-referencing', status: 500 });
    const { data, errors } = await gateway.graphql(
      /* GraphQL */ `
        query ($id: ID!, $email: String!) {
          referencingRequest(canopyReferenceId: $id) { status }
          tenant(email: $email) { email referencingRequests { status } reposits { repositId } }
        }
      `,
      { id: seededCanopyReferenceId(AMARA), email: AMARA },
    );

    expect(data?.referencingRequest).toBeNull();
    expect(data?.tenant.email).toBe(AMARA);
    expect(data?.tenant.referencingRequests).toBeNull();
    expect(data?.tenant.reposits.length).toBeGreaterThan(0);
    expect(errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining([['referencingRequest'], ['tenant', 'referencingRequests']]),
    );
    for (const error of errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'canopy-referencing', status: 500 });
    }
  });

  it('keeps the request and its notes when only the passport fails', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-referencing', endpoint: PASSPORT, status: 403 });
    const { data, errors } = await gateway.graphql(
      /* GraphQL */ `
        query ($id: ID!) {
          referencingRequest(canopyReferenceId: $id) { canopyReferenceId status rentPassport { ready } notes { renter { email } } }
        }
      `,
      { id: seededCanopyReferenceId(AMARA) },
    );

    expect(data?.referencingRequest).toEqual({
      canopyReferenceId: seededCanopyReferenceId(AMARA),
      status: null,
      rentPassport: null,
      notes: { renter: { email: AMARA } },
    });
    expect(errors).toHaveLength(2);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', vendor: 'canopy-referencing', status: 403 });
    // Both fields asked the one passport load, which a 403 does not retry.
    expect(canopyCalls(PASSPORT)).toBe(1);
  });
});
