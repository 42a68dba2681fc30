import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/sandbox/canopy-referencing/ids';
import { seededCanopyReferenceId, seededClientBranchId } from '../../src/sandbox/canopy-referencing/seed';
import { TEST_WEBHOOK_SECRET, useGateway, type TestGateway } from '../helpers/gateway';
import { identityInput, incomeInput, OPERATIONS, rentInput, requestInput, type MutationName } from './canopy-referencing-inputs';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await useGateway();
  await gateway.graphql('{ canopyBranches { id } }');
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.calls.reset());
afterEach(() => gateway.sandbox.knobs.reset());

const canopy = () => gateway.sandbox.simulators.canopyReferencing;
const callbackUrl = () => `${gateway.url}/webhooks/canopy/${TEST_WEBHOOK_SECRET}`;

async function mutate(name: MutationName, input: object) {
  const { data, errors } = await gateway.graphql(OPERATIONS[name], { input });
  expect(errors).toBeUndefined();
  return data?.[name];
}

describe('Mutation.requestReferencing', () => {
  it('invites a renter with the gateway’s own callback URL, links the tenant and answers the new request', async () => {
    const input = { ...requestInput(), branchId: seededClientBranchId('salford-quays'), isRightToRentNeeded: true };
    const result = await mutate('requestReferencing', input);

    expect(result.__typename).toBe('MutationRequestReferencingSuccess');
    const { canopyReferenceId } = result.data;
    expect(result.data).toEqual({
      id: encodeGlobalID('ReferencingRequest', canopyReferenceId),
      canopyReferenceId,
      clientReferenceId: 'RG-9001',
      status: 'NOT_STARTED',
      tenant: { email: 'new.renter@example.com' },
      rentPassport: {
        connection: { branchName: 'Salford Quays' },
        identityVerification: { status: 'NO_PHOTO_ID' },
        rightToRent: { status: 'READY_TO_COMPLETE' },
      },
    });
    const record = canopy().state.requests.get(canopyReferenceId)!;
    expect(record).toMatchObject({
      email: 'new.renter@example.com',
      clientReferenceId: 'RG-9001',
      callbackUrl: callbackUrl(),
      requestType: 'RENTER_SCREENING',
      itemType: 'FULL',
      canopyBranchId: stableUuid('canopy-branch', 'salford-quays'),
      identityVerification: true,
      rightToRent: true,
    });
    expect(await gateway.links.idsFor(gateway.agencyId, ['new.renter@example.com'], 'referencingRequest')).toEqual([[canopyReferenceId]]);
    // The request, then the one passport read its fields ask for.
    expect(gateway.sandbox.calls.snapshot()).toEqual({
      'canopy-referencing POST /referencing-requests/client/:clientId/request': 1,
      'canopy-referencing GET /referencing-requests/client/:clientId/rent-passport/:canopyReferenceId': 1,
    });
  });

  it('answers a VendorError when Canopy knows no connection for the branch id', async () => {
    const result = await mutate('requestReferencing', { ...requestInput(), branchId: randomUUID() });

    expect(result).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND', vendor: 'canopy-referencing', status: 404 });
    expect(result.vendorMessage).toMatch(/No branch connection found/);
  });
});

describe('prefill mutations', () => {
  it('prefillIdentity sets identity and address history and answers what Canopy holds', async () => {
    const result = await mutate('prefillIdentity', identityInput());

    expect(result.__typename).toBe('MutationPrefillIdentitySuccess');
    expect(result.data).toEqual({
      email: 'new.renter@example.com',
      firstName: 'Nia',
      middleName: 'Ada',
      lastName: 'Adeyemi',
      dateOfBirth: '1994-03-05',
      phone: '+447700900123',
      addresses: [
        {
          startDate: '2020-09-01',
          flat: '9',
          houseNumber: '113',
          houseName: null,
          street: 'Newton Street',
          countryCode: 'GB',
          county: null,
          town: 'Manchester',
          postCode: 'M1 1AE',
          line1: null,
          line2: null,
          line3: null,
        },
      ],
    });
    expect(canopy().state.prefilledFor('new.renter@example.com').identity?.dateOfBirth).toBe('1994-03-05');
  });

  it('prefillIncome sends every income source in whole pounds and answers the amounts as GBP pence', async () => {
    const result = await mutate('prefillIncome', incomeInput());

    expect(result.__typename).toBe('MutationPrefillIncomeSuccess');
    const income = result.data.income;
    expect(income.map((item: { incomeSource: string }) => item.incomeSource)).toEqual(['EMPLOYED', 'STUDENT', 'SELF_EMPLOYED', 'BENEFITS']);
    expect(income[0]).toEqual({
      incomeSource: 'EMPLOYED',
      annualSalary: { minorUnits: 3_600_000, currency: 'GBP', decimal: '36000.00' },
      paymentFrequency: 'MONTHLY',
      additionalInfo: null,
      employment: expect.objectContaining({
        companyName: 'Northwind Ltd',
        employmentStatus: 'FULL_TIME',
        employmentBasis: 'CONTRACT',
        contractLength: 'OVER_12_MONTHS',
        startDate: '2020-09-01',
        incomeName: null,
      }),
    });
    expect(income[1]).toMatchObject({
      paymentFrequency: 'OTHER',
      employment: { grantsAvailability: true, loans: true, loanStartDate: '2019-02-01', courseEnd: '2030-01-01', companyName: null },
    });
    expect(income[3].employment).toMatchObject({ incomeName: 'Universal Credit', description: 'Housing element', startDate: '2022-01-01' });
    expect(canopy().state.prefilledFor('new.renter@example.com').income?.map((item) => item.annualSalary)).toEqual([36_000, 11_110, 12_000, 5_000]);
  });

  it('prefillRent sends the rent history and answers each payment as GBP pence', async () => {
    const result = await mutate('prefillRent', rentInput());

    expect(result).toEqual({
      __typename: 'MutationPrefillRentSuccess',
      data: {
        email: 'new.renter@example.com',
        homeowner: false,
        rentsDuringLastYear: true,
        rents: [{ name: 'Flat 9', paymentFrequency: 'MONTHLY', rentPaymentAmount: { minorUnits: 95_000, currency: 'GBP' }, rentPaidTo: 'Landlord' }],
      },
    });
    expect(canopy().state.prefilledFor('new.renter@example.com').rent?.rents?.[0]?.rentPaymentAmount).toBe(950);
  });

  it('answers a VendorError when Canopy fails', async () => {
    gateway.sandbox.knobs.addFault({ vendor: 'canopy-referencing', status: 503 });
    const result = await mutate('prefillRent', rentInput());

    expect(result).toMatchObject({ __typename: 'VendorError', code: 'VENDOR_UNAVAILABLE', vendor: 'canopy-referencing', status: 503 });
  });
});

describe('branch links', () => {
  it('links a client branch id to a Canopy branch given by global id, then unlinks it', async () => {
    const clientBranchId = randomUUID();
    const didsbury = stableUuid('canopy-branch', 'didsbury-village');
    const linked = await mutate('linkCanopyBranch', { canopyBranchId: encodeGlobalID('CanopyBranch', didsbury), clientBranchId });

    expect(linked).toEqual({
      __typename: 'MutationLinkCanopyBranchSuccess',
      data: { clientBranchId, branch: { name: 'Didsbury Village', clientBranchIds: [clientBranchId] } },
    });
    expect(canopy().state.branchLinks.get(clientBranchId)).toBe(didsbury);

    const again = await mutate('linkCanopyBranch', { canopyBranchId: didsbury, clientBranchId });
    expect(again).toMatchObject({ __typename: 'VendorError', code: 'CONFLICT', vendor: 'canopy-referencing', status: 409 });

    const unlinked = await mutate('unlinkCanopyBranch', { clientBranchId });
    expect(unlinked).toEqual({ __typename: 'MutationUnlinkCanopyBranchSuccess', data: { clientBranchId } });
    expect(canopy().state.branchLinks.has(clientBranchId)).toBe(false);

    const gone = await mutate('unlinkCanopyBranch', { clientBranchId });
    expect(gone).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND', status: 404 });
  });
});

describe('Mutation.revokeGuarantorRequest', () => {
  it('withdraws the guarantor request of a renter waiting for one', async () => {
    const result = await mutate('revokeGuarantorRequest', { email: 'liam.byrne@example.com' });

    expect(result).toEqual({ __typename: 'MutationRevokeGuarantorRequestSuccess', data: { email: 'liam.byrne@example.com' } });
    const record = canopy().state.requests.get(seededCanopyReferenceId('liam.byrne@example.com'))!;
    expect(record.guarantor).toBeNull();
    expect(record.queuedEvents).toEqual(['GUARANTOR_REQUEST_CANCELLED']);
  });

  it('answers a VendorError for a renter with no open guarantor request', async () => {
    const result = await mutate('revokeGuarantorRequest', { email: 'amara.okafor@example.com' });

    expect(result).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND', vendor: 'canopy-referencing', status: 404 });
  });
});

describe('Canopy webhooks', () => {
  it('registers passport status updates for some sections at the gateway’s own URL', async () => {
    const result = await mutate('registerCanopyWebhook', { type: 'PASSPORT_STATUS_UPDATES', sections: ['INCOME', 'RENT'] });

    expect(result).toEqual({
      __typename: 'MutationRegisterCanopyWebhookSuccess',
      data: { type: 'PASSPORT_STATUS_UPDATES', sections: ['INCOME', 'RENT'] },
    });
    expect(canopy().state.webhooks.get('PASSPORT_STATUS_UPDATES')).toEqual({ callbackUrl: callbackUrl(), additionalSettings: ['INCOME', 'RENT'] });
  });

  it('registers every section when none is named, and other types without sections', async () => {
    const all = await mutate('registerCanopyWebhook', { type: 'PASSPORT_STATUS_UPDATES' });
    const requests = await mutate('registerCanopyWebhook', { type: 'REQUEST_STATUS_UPDATES' });

    expect(all.data).toEqual({ type: 'PASSPORT_STATUS_UPDATES', sections: [] });
    expect(requests.data).toEqual({ type: 'REQUEST_STATUS_UPDATES', sections: null });
    expect(canopy().state.webhooks.get('REQUEST_STATUS_UPDATES')).toEqual({ callbackUrl: callbackUrl(), additionalSettings: [] });
  });

  it('unregisters a type, and answers a VendorError when none is registered', async () => {
    await mutate('registerCanopyWebhook', { type: 'PASSPORT_AGENT_NOTES' });
    const removed = await mutate('unregisterCanopyWebhook', { type: 'PASSPORT_AGENT_NOTES' });
    const missing = await mutate('unregisterCanopyWebhook', { type: 'PASSPORT_AGENT_NOTES' });

    expect(removed).toEqual({ __typename: 'MutationUnregisterCanopyWebhookSuccess', data: { type: 'PASSPORT_AGENT_NOTES' } });
    expect(canopy().state.webhooks.has('PASSPORT_AGENT_NOTES')).toBe(false);
    expect(missing).toMatchObject({ __typename: 'VendorError', code: 'NOT_FOUND', vendor: 'canopy-referencing', status: 404 });
  });
});

describe('example operations', () => {
  const operation = (name: string) => readFileSync(new URL(`../../operations/${name}.graphql`, import.meta.url), 'utf8');
  const variables = (name: string) => JSON.parse(readFileSync(new URL(`../../operations/${name}.variables.json`, import.meta.url), 'utf8'));

  it('reads the demo request of operations/referencing-request.graphql', async () => {
    const { data, errors } = await gateway.graphql(operation('referencing-request'), variables('referencing-request'));

    expect(errors).toBeUndefined();
    expect(data?.referencingRequest).toMatchObject({ status: 'ACCEPT', tenant: { email: 'amara.okafor@example.com' }, report: { title: 'FULL' } });
  });

  it('requests referencing with operations/request-referencing.graphql, on a linked demo branch', async () => {
    const { data, errors } = await gateway.graphql(operation('request-referencing'), variables('request-referencing'));

    expect(errors).toBeUndefined();
    expect(data?.requestReferencing).toMatchObject({
      __typename: 'MutationRequestReferencingSuccess',
      data: { clientReferenceId: 'RG-0105', status: 'NOT_STARTED', tenant: { email: 'sofia.rossi@example.com' } },
    });
  });

  it('lists the branches with operations/canopy-branches.graphql', async () => {
    const { data, errors } = await gateway.graphql(operation('canopy-branches'));

    expect(errors).toBeUndefined();
    expect(data?.canopyBranches.map((branch: { name: string }) => branch.name)).toEqual(['Manchester Central', 'Salford Quays', 'Didsbury Village']);
  });
});
