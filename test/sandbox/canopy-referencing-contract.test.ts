import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import type { Exchange } from '../../src/sandbox/server';
import { CanopyReferencingClient } from '../../src/sources/canopy-referencing/client';
import { canopyReferencingErrorBody } from '../../src/sources/canopy-referencing/error-body';
import { loadContract } from '../helpers/openapi-contract';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

const exchanges: Exchange[] = [];
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await useSandbox({
    people: 8,
    onExchange: (exchange) => {
      if (exchange.vendor === 'canopy-referencing') exchanges.push(exchange);
    },
  });
});
afterAll(() => sandbox?.close());

/** Runs a call that Canopy is expected to refuse, so its error answer is checked too. */
async function refused(call: Promise<unknown>): Promise<void> {
  await expect(call).rejects.toThrow();
}

async function tour(): Promise<void> {
  const simulator = sandbox.simulators.canopyReferencing;
  const http = sandbox.http('canopy-referencing', { readErrorBody: canopyReferencingErrorBody });
  const canopy = new CanopyReferencingClient({ http, ...SANDBOX_CREDENTIALS.canopyReferencing });
  const email = 'contract@example.com';

  await canopy.setIdentity({
    email,
    firstName: 'Con',
    middleName: 'T',
    lastName: 'Tract',
    dateOfBirth: '1988-08-08',
    phone: '+447700900123',
    addresses: [{ startDate: '2018-01-01', flat: '2', houseNumber: '5', street: 'Oxford Road', countryCode: 'GB', town: 'Manchester', postCode: 'M1 5AN' }],
  });
  await refused(canopy.setIdentity({ email, firstName: 'x', lastName: 'y', dateOfBirth: 'no', phone: '1', addresses: [] }));
  await canopy.setIncome(email, [
    {
      incomeSource: 'STUDENT',
      annualSalary: 1_111_000,
      paymentFrequency: 'OTHER',
      employment: {
        educationalInstitutionName: 'UoM',
        grantsAvailability: false,
        loans: true,
        loanStartDate: '2019-02-01',
        course: 'Maths',
        qualification: 'BSc',
        courseStart: '2019-09-01',
        courseEnd: '2022-06-30',
      },
    },
    { incomeSource: 'BENEFITS', annualSalary: 500_000, paymentFrequency: 'WEEKLY', employment: { incomeName: 'UC', description: 'Universal Credit', startDate: '2021-01-01' } },
    { incomeSource: 'SELF_EMPLOYED', annualSalary: 900_000, paymentFrequency: 'MONTHLY', employment: { incomeName: 'Tutoring', jobTitle: 'Tutor', startDate: '2020-01-01' } },
  ]);
  await canopy.setRent(email, { homeowner: false, rentsDuringLastYear: false });
  await canopy.setRent(email, {
    homeowner: false,
    rentsDuringLastYear: true,
    rents: [{ name: 'Room', paymentFrequency: 'TWO_WEEKLY', rentPaymentAmount: 40_000, rentPaidTo: 'Agent' }],
  });

  const branches = await canopy.listBranches();
  const clientBranchId = '5e1ec7ed-0000-4000-8000-000000000001';
  await canopy.linkBranch({ canopyBranchId: branches[2]!.canopyBranchId, clientBranchId });
  await refused(canopy.linkBranch({ canopyBranchId: branches[2]!.canopyBranchId, clientBranchId }));
  await refused(canopy.linkBranch({ canopyBranchId: 'nope', clientBranchId: '5e1ec7ed-0000-4000-8000-000000000002' }));

  const { canopyReferenceId } = await canopy.requestReferencing({
    email,
    callbackUrl: 'https://crm.example.com/canopy',
    requestType: 'RENTER_SCREENING',
    itemType: 'FULL',
    branchId: clientBranchId,
    isGuarantorNeeded: true,
    isIdentityVerificationNeeded: true,
    isRightToRentNeeded: true,
  });
  await canopy.requestReferencing({ email: 'g@example.com', callbackUrl: 'https://crm.example.com/g', requestType: 'GUARANTOR_SCREENING', itemType: 'INSTANT' });
  await refused(canopy.requestReferencing({ email, callbackUrl: 'https://crm.example.com', requestType: 'RENTER_SCREENING', itemType: 'FULL', branchId: 'nope' }));
  await canopy.deleteBranchMapping(clientBranchId);
  await refused(canopy.deleteBranchMapping(clientBranchId));

  // Every stage of the passport answers as documented.
  const record = simulator.state.requests.get(canopyReferenceId)!;
  for (let i = 0; i < 40 && record.stage !== 'COMPLETED'; i++) {
    simulator.advanceRequest(canopyReferenceId);
    await canopy.getRentPassport(canopyReferenceId);
  }
  await canopy.getPassportNotes(canopyReferenceId);
  await refused(canopy.getRentPassport('nope'));
  await refused(canopy.getPassportNotes('nope'));

  const document = await canopy.downloadDocument(record.documents!.reportId);
  await finished(document.body.resume());
  await refused(canopy.downloadDocument('nope'));

  const waiting = sandbox.people[3]!.email;
  await canopy.revokeGuarantorRequest(waiting);
  await refused(canopy.revokeGuarantorRequest(waiting));

  await canopy.registerWebhook({ type: 'PASSPORT_STATUS_UPDATES', callbackUrl: 'https://gw.example.com/h', additionalSettings: ['INCOME'] });
  await canopy.registerWebhook({ type: 'REQUEST_STATUS_UPDATES', callbackUrl: 'https://gw.example.com/h' });
  await refused(canopy.registerWebhook({ type: 'PASSPORT_ALL_NOTES', callbackUrl: 'https://gw.example.com/h', additionalSettings: ['INCOME'] }));
  await canopy.unregisterWebhook('PASSPORT_STATUS_UPDATES');
  await refused(canopy.unregisterWebhook('PASSPORT_STATUS_UPDATES'));

  await refused(new CanopyReferencingClient({ http, ...SANDBOX_CREDENTIALS.canopyReferencing, apiKey: 'wrong' }).listBranches());
  await refused(new CanopyReferencingClient({ http, ...SANDBOX_CREDENTIALS.canopyReferencing, secretKey: 'wrong' }).listBranches());

  const old = simulator.state.secretKey;
  await canopy.refreshSecretKey();
  simulator.state.secretKey = old;
}

describe('Canopy Referencing contract', () => {
  it('answers every endpoint, requests and replies alike, as the OpenAPI document says', async () => {
    await tour();
    const contract = loadContract('canopy-referencing');
    const problems = exchanges.flatMap((exchange) => contract.check(exchange));
    expect(problems).toEqual([]);
    expect(new Set(exchanges.map((exchange) => exchange.endpoint))).toEqual(new Set(contract.endpoints()));
    const statuses = new Set(exchanges.map((exchange) => exchange.reply.status));
    expect([...statuses].sort()).toEqual([200, 201, 400, 401, 403, 404, 409]);
  });

  it('documents exactly the routes the simulator serves', () => {
    const routes = sandbox.simulators.canopyReferencing.routes.map((route) => `${route.method} ${route.path}`);
    expect(routes.sort()).toEqual(loadContract('canopy-referencing').endpoints());
  });
});
