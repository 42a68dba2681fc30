import { finished } from 'node:stream/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { CanopyReferencingClient, type CanopyReferencingClientOptions } from '../../src/sources/canopy-referencing/client';
import { canopyReferencingErrorBody } from '../../src/sources/canopy-referencing/error-body';
import { readCanopyNotification } from '../../src/sources/canopy-referencing/notifications';
import type { CanopyIncome } from '../../src/sources/canopy-referencing/types';
import { VendorError } from '../../src/sources/vendor-error';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

const CREDENTIALS = SANDBOX_CREDENTIALS.canopyReferencing;
const TOKEN_ENDPOINT = 'POST /referencing-requests/client/:clientId/token';
const BRANCHES_ENDPOINT = 'GET /referencing-requests/client/:clientId/branches-list';

let sandbox: TestSandbox;
const simulator = () => sandbox.simulators.canopyReferencing;
const exchanges = () => sandbox.calls.count('canopy-referencing', TOKEN_ENDPOINT);

beforeAll(async () => {
  sandbox = await useSandbox({ people: 16 });
});
afterAll(() => sandbox?.close());
afterEach(() => {
  sandbox.knobs.reset();
  sandbox.calls.reset();
});

function client(overrides: Partial<CanopyReferencingClientOptions> = {}): CanopyReferencingClient {
  return new CanopyReferencingClient({
    http: sandbox.http('canopy-referencing', { readErrorBody: canopyReferencingErrorBody }),
    ...CREDENTIALS,
    ...overrides,
  });
}

async function vendorError(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VendorError);
  return error as VendorError;
}

const EMPLOYED: CanopyIncome = {
  incomeSource: 'EMPLOYED',
  annualSalary: 3_512_300,
  paymentFrequency: 'MONTHLY',
  employment: {
    companyName: 'Northwind Ltd',
    jobTitle: 'Engineer',
    employmentStatus: 'FULL_TIME',
    employmentBasis: 'CONTRACT',
    startDate: '2020-09-01',
    contractLength: 'OVER_12_MONTHS',
  },
};

describe('CanopyReferencingClient', () => {
  it('exchanges a signed JWT for a token: the Bearer prefix kept once, expires read as epoch seconds', async () => {
    const token = await client().requestAccessToken();
    expect(token.authorization).toMatch(/^Bearer (?!Bearer )\S+$/);
    expect(token.expiresAt).toBeInstanceOf(Date);
    const minutes = (token.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(15);
    expect(minutes).toBeLessThanOrEqual(20.1);
  });

  it('sets identity and returns it as stored', async () => {
    const identity = await client().setIdentity({
      email: 'prefilled@example.com',
      firstName: 'Pre',
      lastName: 'Filled',
      dateOfBirth: '1991-05-06',
      phone: '+447700900999',
      addresses: [{ startDate: '2019-01-01', houseName: 'Rose Cottage', street: 'Lane', countryCode: 'GB', town: 'Bury', postCode: 'BL9 0AA' }],
    });
    expect(identity.addresses[0]).toEqual({ startDate: '2019-01-01', houseName: 'Rose Cottage', street: 'Lane', countryCode: 'GB', town: 'Bury', postCode: 'BL9 0AA' });
    expect(simulator().state.prefill('prefilled@example.com').identity?.firstName).toBe('Pre');
  });

  it('sets income: pence go out as whole pounds and come back as pence', async () => {
    const data = await client().setIncome('prefilled@example.com', [EMPLOYED]);
    expect(simulator().state.prefill('prefilled@example.com').income?.[0]?.annualSalary).toBe(35_123);
    expect(data).toEqual({ clientId: CREDENTIALS.clientId, email: 'prefilled@example.com', income: [EMPLOYED] });
  });

  it('refuses an income with pence before calling Canopy, which only takes whole pounds', async () => {
    await expect(client().setIncome('prefilled@example.com', [{ ...EMPLOYED, annualSalary: 3_512_345 }])).rejects.toThrow(/whole pounds/);
    expect(sandbox.calls.count('canopy-referencing', 'POST /referencing-requests/client-user-data/set-income')).toBe(0);
  });

  it('maps a refused body to BAD_USER_INPUT with field errors', async () => {
    const error = await vendorError(client().setIncome('prefilled@example.com', [{ ...EMPLOYED, annualSalary: 100 }]));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.status).toBe(400);
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.fieldErrors).toEqual({ 'data.income.0.annualSalary': '"data.income.0.annualSalary" must be greater than 100' });
  });

  it('sets rent history in pence', async () => {
    const data = await client().setRent('prefilled@example.com', {
      homeowner: false,
      rentsDuringLastYear: true,
      rents: [{ name: 'Flat', paymentFrequency: 'MONTHLY', rentPaymentAmount: 95_000, rentPaidTo: 'Landlord' }],
    });
    expect(simulator().state.prefill('prefilled@example.com').rent?.rents?.[0]?.rentPaymentAmount).toBe(950);
    expect(data.rents?.[0]?.rentPaymentAmount).toBe(95_000);
    expect(data).toMatchObject({ clientId: CREDENTIALS.clientId, email: 'prefilled@example.com', homeowner: false });
  });

  it('lists branches, an unlinked one without clientBranchId and nulls dropped', async () => {
    const branches = await client().listBranches();
    expect(branches).toHaveLength(3);
    expect(branches[0]).toMatchObject({ branchName: 'Manchester Central', clientBranchId: expect.any(String) });
    expect(branches[2]!.clientBranchId).toBeUndefined();
    expect(branches[2]!.branchAddress).not.toHaveProperty('line3');
    expect(branches[2]!.branchAddress.postCode).toBe('M20 6RT');
  });

  it('links a branch, deletes the mapping, and maps a second delete to NOT_FOUND with the vendor message', async () => {
    const canopy = client();
    const didsbury = (await canopy.listBranches())[2]!;
    const clientBranchId = 'c2d1c0de-0000-4000-8000-0000000000aa';
    const linked = await canopy.linkBranch({ canopyBranchId: didsbury.canopyBranchId, clientBranchId });
    expect(linked).toMatchObject({ canopyBranchId: didsbury.canopyBranchId, clientBranchId, branchName: 'Didsbury Village' });
    expect((await canopy.listBranches()).filter((branch) => branch.canopyBranchId === didsbury.canopyBranchId)).toHaveLength(1);

    const duplicate = await vendorError(canopy.linkBranch({ canopyBranchId: didsbury.canopyBranchId, clientBranchId }));
    expect(duplicate.code).toBe('CONFLICT');

    expect(await canopy.deleteBranchMapping(clientBranchId)).toBe(clientBranchId);
    const missing = await vendorError(canopy.deleteBranchMapping(clientBranchId));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.vendorMessage).toBe(`Branch mapping ${clientBranchId} not found`);
  });

  it('encodes path parameters', async () => {
    const error = await vendorError(client().deleteBranchMapping('a/b?c'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.vendorMessage).toBe('Branch mapping a/b?c not found');
  });

  it('requests referencing and reads the fresh passport', async () => {
    const canopy = client();
    const created = await canopy.requestReferencing({
      email: 'prefilled@example.com',
      callbackUrl: 'https://crm.example.com/canopy',
      requestType: 'RENTER_SCREENING',
      itemType: 'INSTANT',
      clientReferenceId: 'CRM-42',
      isRightToRentNeeded: true,
    });
    expect(created.canopyReferenceId).toMatch(/^[0-9a-f-]{36}$/);
    const passport = await canopy.getRentPassport(created.canopyReferenceId);
    expect(passport).toMatchObject({
      ready: false,
      overallStatus: 'NOT_STARTED',
      instant: { income: 'NOT_STARTED', creditCheck: 'NOT_STARTED', overall: 'NOT_STARTED' },
      monthlyRentAffordability: 0,
      identityStatus: 'YES',
      canRequestGuarantor: true,
      isGuarantor: false,
      connection: { referencingType: 'INSTANT', isRPCompleted: false, source: 'REFERENCE_API' },
      identityVerification: { status: 'NO_PHOTO_ID' },
      rightToRent: { status: 'READY_TO_COMPLETE', typeOfProof: 'other' },
    });
    expect(passport.connection.createdAt).toBeInstanceOf(Date);
    expect(passport.considerSummary).toEqual({ ID_VERIFICATION: 'NO_PHOTO_ID' });
  });

  it('maps an unknown branchId to NOT_FOUND', async () => {
    const error = await vendorError(
      client().requestReferencing({
        email: 'x@example.com',
        callbackUrl: 'https://crm.example.com/canopy',
        requestType: 'RENTER_SCREENING',
        itemType: 'FULL',
        branchId: 'not-linked',
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it("reads a completed renter's passport: affordability strings as pence, dates as Dates", async () => {
    const amara = sandbox.people[0]!;
    const passport = await client().getRentPassport(simulator().requestFor(amara.email)!.canopyReferenceId);
    const pounds = Math.floor(amara.annualSalary / 30);
    expect(passport.monthlyRentAffordability).toBe(pounds * 100);
    expect(passport.incomeMonthlyRentAffordability).toBe(pounds * 100);
    expect(passport.savingsMonthlyRentAffordability).toBe(0);
    expect(passport).toMatchObject({ ready: true, overallStatus: 'ACCEPT', creditIndicator: 'GREEN', creditScore: 820 });
    expect(passport.full).toEqual({ overall: 'ACCEPT', landlordReference: 'DONE', employerReference: 'DONE' });
    expect(passport.dateChecked).toBeInstanceOf(Date);
    expect(passport.externalNotes.GLOBAL?.createdAt).toBeInstanceOf(Date);
    expect(passport.identityVerification?.updatedAt).toBeInstanceOf(Date);
  });

  it('reads passport notes per section, with dates', async () => {
    const amara = sandbox.people[0]!;
    const notes = await client().getPassportNotes(simulator().requestFor(amara.email)!.canopyReferenceId);
    expect(notes.renter).toEqual({ email: amara.email, firstName: amara.firstName, lastName: amara.lastName });
    expect(notes.sections.map((section) => section.section)).toEqual([
      'SUMMARY',
      'CREDIT_CHECK',
      'INCOME',
      'SAVINGS',
      'RENT',
      'EMPLOYEE_REFERENCE',
      'LANDLORD_REFERENCE',
    ]);
    const summary = notes.sections[0]!;
    expect(summary.agentNotes).toHaveLength(1);
    expect(summary.reportNotes[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('maps an unknown passport to NOT_FOUND', async () => {
    expect((await vendorError(client().getRentPassport('nope'))).code).toBe('NOT_FOUND');
    expect((await vendorError(client().getPassportNotes('nope'))).code).toBe('NOT_FOUND');
  });

  it('streams a PDF report with its type, length and file name', async () => {
    const record = simulator().requestFor(sandbox.people[1]!.email)!;
    const document = await client().downloadDocument(record.documents!.reportId);
    expect(document.contentType).toBe('application/pdf');
    expect(document.filename).toBe(`${record.documents!.reportId}_INSTANT.pdf`);
    expect(document.contentDisposition).toBe(`attachment; filename='${record.documents!.reportId}_INSTANT.pdf'`);
    const chunks: Buffer[] = [];
    for await (const chunk of document.body) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(document.contentLength);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('maps an unknown document to NOT_FOUND', async () => {
    expect((await vendorError(client().downloadDocument('nope'))).code).toBe('NOT_FOUND');
  });

  it('revokes a guarantor request, then maps a second revoke to NOT_FOUND', async () => {
    const waiting = sandbox.people[11]!;
    expect(simulator().requestFor(waiting.email)!.stage).toBe('WAITING_FOR_GUARANTOR');
    await client().revokeGuarantorRequest(waiting.email);
    expect(simulator().requestFor(waiting.email)!.guarantor).toBeNull();
    expect(sandbox.calls.count('canopy-referencing', 'DELETE /referencing-requests/client/:clientId/revoke-guarantor-request')).toBe(1);
    expect((await vendorError(client().revokeGuarantorRequest(waiting.email))).code).toBe('NOT_FOUND');
  });

  it('registers a webhook with additionalSettings and unregisters it; a second unregister is NOT_FOUND', async () => {
    const canopy = client();
    const registered = await canopy.registerWebhook({
      type: 'PASSPORT_STATUS_UPDATES',
      callbackUrl: 'https://gateway.example.com/webhooks/canopy/secret',
      additionalSettings: ['INCOME', 'RENT'],
    });
    expect(registered).toEqual({ webhookType: 'PASSPORT_STATUS_UPDATES', callbackUrl: 'https://gateway.example.com/webhooks/canopy/secret' });
    expect(simulator().state.webhooks.get('PASSPORT_STATUS_UPDATES')?.additionalSettings).toEqual(['INCOME', 'RENT']);
    expect(await canopy.unregisterWebhook('PASSPORT_STATUS_UPDATES')).toEqual({ webhookType: 'PASSPORT_STATUS_UPDATES' });
    const again = await vendorError(canopy.unregisterWebhook('PASSPORT_STATUS_UPDATES'));
    expect(again.code).toBe('NOT_FOUND');
    expect(again.vendorMessage).toBe('No webhooks of the specified type found');
  });

  it('maps a refused webhook body to BAD_USER_INPUT', async () => {
    const error = await vendorError(
      client().registerWebhook({ type: 'REQUEST_STATUS_UPDATES', callbackUrl: 'https://gateway.example.com/hook', additionalSettings: [] }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['additionalSettings']);
  });

  it("reads every kind of notification advance() produces into the gateway's types", async () => {
    const canopy = client();
    for (const type of ['REQUEST_STATUS_UPDATES', 'PASSPORT_STATUS_UPDATES', 'PASSPORT_ALL_NOTES'] as const) {
      await canopy.registerWebhook({ type, callbackUrl: `http://hooks.test/${type}` });
    }
    simulator().setSeedCallbackUrl('http://hooks.test/report');
    try {
      const priya = simulator().requestFor(sandbox.people[2]!.email)!;
      const read = [];
      while (priya.stage !== 'COMPLETED') read.push(...simulator().advanceRequest(priya.canopyReferenceId).map((d) => readCanopyNotification(d.body)));
      expect(new Set(read.map((notification) => notification.kind))).toEqual(new Set(['passportStatus', 'note', 'requestStatus', 'completedReport']));
      const status = read.find((notification) => notification.kind === 'passportStatus');
      expect(status?.kind === 'passportStatus' && status.updatedSection.updatedAt).toBeInstanceOf(Date);
      const report = read.find((notification) => notification.kind === 'completedReport');
      expect(report).toMatchObject({
        canopyReferenceId: priya.canopyReferenceId,
        clientReferenceId: priya.clientReferenceId,
        document: {
          title: 'FULL',
          documentId: priya.documents!.reportId,
          summaryDocumentId: priya.documents!.summaryId,
          maxRent: Math.floor(sandbox.people[2]!.annualSalary / 30) * 100,
          isGuarantorNeeded: false,
        },
      });
      expect(read.find((notification) => notification.kind === 'requestStatus')).toMatchObject({ event: 'PASSPORT_COMPLETED' });
    } finally {
      simulator().setSeedCallbackUrl(undefined);
      for (const type of ['REQUEST_STATUS_UPDATES', 'PASSPORT_STATUS_UPDATES', 'PASSPORT_ALL_NOTES'] as const) await canopy.unregisterWebhook(type);
    }
  });
});

describe('readCanopyNotification', () => {
  it('keeps an event the docs do not list verbatim, and a missing clientReferenceId as absent', () => {
    expect(readCanopyNotification({ canopyReferenceId: 'r1', clientReferenceId: null, notes: 'PASSPORT_ARCHIVED' })).toEqual({
      kind: 'requestStatus',
      canopyReferenceId: 'r1',
      event: 'PASSPORT_ARCHIVED',
    });
  });

  it('names the field of a body that is no notification, or a broken one', () => {
    expect(() => readCanopyNotification({ hello: 'world' })).toThrow(/not a Canopy Referencing notification/);
    expect(() => readCanopyNotification({ canopyReferenceId: 'r1', document: { documentType: 1, url: '/nowhere' } })).toThrow(/document\.url/);
  });
});

describe('CanopyReferencingClient authentication', () => {
  it('sends x-api-key on every call: a wrong one is FORBIDDEN with the gateway message', async () => {
    const error = await vendorError(client({ apiKey: 'wrong' }).listBranches());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.vendorMessage).toBe('Forbidden');
  });

  it('refuses a wrong secret key as UNAUTHENTICATED, after one exchange', async () => {
    const error = await vendorError(client({ secretKey: 'wrong' }).listBranches());
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(exchanges()).toBe(1);
  });

  it('makes one token exchange for fifty concurrent calls', async () => {
    const canopy = client();
    const results = await Promise.all(Array.from({ length: 50 }, () => canopy.listBranches()));
    expect(results.every((branches) => branches.length === 3)).toBe(true);
    expect(exchanges()).toBe(1);
    expect(sandbox.calls.count('canopy-referencing', BRANCHES_ENDPOINT)).toBe(50);
  });

  it('keeps the token until shortly before it expires, then exchanges again', async () => {
    let now = Date.now();
    const canopy = client({ now: () => now });
    await canopy.listBranches();
    now += 10 * 60_000;
    await canopy.listBranches();
    expect(exchanges()).toBe(1);
    now += 10 * 60_000; // 20 minutes on: at the expiry
    await canopy.listBranches();
    expect(exchanges()).toBe(2);
  });

  it('on a 401 exchanges once and retries the call once', async () => {
    const canopy = client();
    await canopy.listBranches();
    simulator().revokeTokens();
    expect(await canopy.listBranches()).toHaveLength(3);
    expect(exchanges()).toBe(2);
    expect(sandbox.calls.count('canopy-referencing', BRANCHES_ENDPOINT)).toBe(3);
  });

  it('after revocation, fifty concurrent calls refused together lead to one new exchange', async () => {
    const canopy = client();
    await canopy.listBranches();
    simulator().revokeTokens();
    await Promise.all(Array.from({ length: 50 }, () => canopy.listBranches()));
    expect(exchanges()).toBe(2);
  });

  it('ends a persistent 401 as UNAUTHENTICATED after one retry, not a loop', async () => {
    sandbox.knobs.addFault({ vendor: 'canopy-referencing', endpoint: BRANCHES_ENDPOINT, status: 401 });
    const error = await vendorError(client().listBranches());
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(sandbox.calls.count('canopy-referencing', BRANCHES_ENDPOINT)).toBe(2);
    expect(exchanges()).toBe(2);
  });

  it('streams documents behind the same 401 retry', async () => {
    const canopy = client();
    await canopy.listBranches();
    simulator().revokeTokens();
    const record = simulator().requestFor(sandbox.people[0]!.email)!;
    const document = await canopy.downloadDocument(record.documents!.summaryId);
    await finished(document.body.resume());
    expect(document.filename).toBe(`${record.documents!.summaryId}_SUMMARY.pdf`);
    expect(exchanges()).toBe(2);
  });

  it('rotates the secret key: new JWTs are accepted, JWTs signed with the old key refused', async () => {
    const old = simulator().state.secretKey;
    try {
      const canopy = client();
      const fresh = await canopy.refreshSecretKey();
      expect(fresh).not.toBe(old);
      expect(simulator().state.secretKey).toBe(fresh);

      simulator().revokeTokens();
      expect(await canopy.listBranches()).toHaveLength(3);
      expect((await canopy.requestAccessToken()).authorization).toMatch(/^Bearer /);

      const error = await vendorError(client({ secretKey: old }).requestAccessToken());
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.vendorMessage).toMatch(/invalid signature/);
    } finally {
      simulator().state.secretKey = old;
    }
  });
});
