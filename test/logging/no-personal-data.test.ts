import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, TEST_BASE_WEBHOOK_SECRET, TEST_JWT_SECRET, TEST_REPORT_KEY, TEST_WEBHOOK_SECRET, type TestGateway } from '../helpers/gateway';
import { runOperation, type Credential, type Transport } from '../helpers/transports';
import { AMARA } from '../helpers/webhooks';
import { identityInput, mutationDocument, requestInput } from '../schema/canopy-referencing-inputs';

/**
 * Personal data posted through every mutation that takes it, valid and invalid, over HTTP and
 * graphql-ws, with the vendors answering and failing; then every line the gateway logged is
 * scanned for it, and for the credentials and secrets it was given.
 */
const SSN = '078-05-1120';
const BIRTH_DATE = '1961-07-14';
const PHONE = '+447700900461';
const EMAIL = 'pii.probe.renter@example.com';
const INVALID = { ssn: 'ssn 078 05 1120 x', birthDate: '14th of July 1961', phone: 'ring 07700-900461 please' };
const FAKE_API_KEY = `rgk_${'Q'.repeat(43)}`;

const CREATE_CUSTOMER = `mutation PiiCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { __typename
  ... on ValidationError { message problems { field rule message } } ... on VendorError { message code } } }`;
const PREFILL_IDENTITY = mutationDocument('prefillIdentity', 'PrefillIdentityInput', 'email dateOfBirth phone').replace('mutation (', 'mutation PiiPrefillIdentity(');
const REQUEST_REFERENCING = mutationDocument('requestReferencing', 'RequestReferencingInput', 'id status').replace('mutation (', 'mutation PiiRequestReferencing(');

function customer(values: { ssn: string; birthDate: string; phone: string }) {
  return {
    firstName: 'Pia',
    lastName: 'Probe',
    email: EMAIL,
    phoneNumber: values.phone,
    dateOfBirth: values.birthDate,
    ssn: values.ssn,
    addressLineOne: '12 Strawberry Road',
    city: 'Atlanta',
    state: 'GA',
    zip: '99999',
  };
}

/** Each mutation that takes an SSN, a date of birth or a phone number, with these values. */
function mutations(values: { ssn: string; birthDate: string; phone: string }) {
  return [
    { query: CREATE_CUSTOMER, variables: { input: customer(values) } },
    { query: PREFILL_IDENTITY, variables: { input: { ...identityInput(), email: EMAIL, dateOfBirth: values.birthDate, phone: values.phone } } },
    { query: REQUEST_REFERENCING, variables: { input: { ...requestInput(), email: EMAIL, phone: values.phone } } },
    // A read of a renter the vendors know: a vendor's failure there is logged, naming the call.
    { query: 'query PiiTenant($email: String!) { tenant(email: $email) { email reposits { id } accounts { accountId } } }', variables: { email: AMARA } },
  ];
}

const PERSONAL = [SSN, BIRTH_DATE, PHONE, EMAIL, AMARA, ...Object.values(INVALID), '07700900461', '7700900461'];

/** The forbidden values each line contains. */
function leaks(lines: readonly string[], forbidden: readonly string[]): string[] {
  return lines.flatMap((line) => forbidden.filter((value) => line.includes(value)).map((value) => `${value} in ${line.slice(0, 300)}`));
}

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway({ env: { LOG_LEVEL: 'trace' } });
});
afterAll(() => gateway.close());

describe('the log lines of mutations that carry personal data', () => {
  it('name each operation and never hold the data, a token, a key or a secret', async () => {
    const token = gateway.token;
    const credentials: Credential[] = [{ kind: 'token', token }, { kind: 'apiKey', key: FAKE_API_KEY }, { kind: 'none' }];
    const transports: Transport[] = ['POST', 'graphql-ws'];
    const from = gateway.logLines.length;
    for (const failing of [false, true]) {
      if (failing) gateway.sandbox.knobs.addFault({ status: 500 });
      try {
        for (const transport of transports)
          for (const values of [{ ssn: SSN, birthDate: BIRTH_DATE, phone: PHONE }, INVALID])
            for (const operation of mutations(values))
              for (const credential of credentials) await runOperation(gateway.url, transport, operation, { credential, agency: 'sandbox-north', waitMs: 2_000 });
      } finally {
        gateway.sandbox.knobs.reset();
      }
    }
    const lines = gateway.logLines.slice(from);
    // Controls: every mutation was logged, and the vendors' failures were (a warning each).
    const names = new Set(gateway.logRecords().slice(from).map((line) => line.operationName));
    expect([...names]).toEqual(expect.arrayContaining(['PiiCreateCustomer', 'PiiPrefillIdentity', 'PiiRequestReferencing']));
    expect(gateway.logRecords().slice(from).some((line) => line.level === 'warn' && typeof line.vendor === 'string')).toBe(true);
    expect(gateway.logRecords().slice(from).some((line) => line.outcome === 'refused' && line.status === 401)).toBe(true);

    expect(leaks(lines, [...PERSONAL, token, FAKE_API_KEY, TEST_JWT_SECRET, TEST_WEBHOOK_SECRET, TEST_BASE_WEBHOOK_SECRET, TEST_REPORT_KEY])).toEqual([]);
  });

  it('a leak would be found: the scan sees the values in a line that holds them', () => {
    const found = leaks([JSON.stringify({ msg: `x ${SSN} ${PHONE}` })], PERSONAL);
    expect(found.filter((leak) => leak.startsWith(`${SSN} `) || leak.startsWith(`${PHONE} `))).toHaveLength(2);
  });
});
