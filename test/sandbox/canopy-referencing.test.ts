import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import jwt from 'jsonwebtoken';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import type { WebhookDelivery } from '../../src/sandbox/vendor-simulator';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

const CREDENTIALS = SANDBOX_CREDENTIALS.canopyReferencing;
const CLIENT = `/referencing-requests/client/${CREDENTIALS.clientId}`;

let sandbox: TestSandbox;
const simulator = () => sandbox.simulators.canopyReferencing;

beforeAll(async () => {
  sandbox = await useSandbox({ people: 16 });
});
afterAll(() => sandbox?.close());

interface Claims {
  iss?: string;
  scope?: string;
  aud?: string;
  iat?: number;
  exp?: number;
}

function jwtKey(overrides: Claims = {}, secret: string = simulator().state.secretKey): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'canopy.rent',
    scope: 'request.write_only document.read_only',
    aud: `referencing-requests/client/${CREDENTIALS.clientId}/token`,
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
  return jwt.sign(claims, secret, { algorithm: 'HS256' });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any; // any: answers of every shape are read field by field in assertions
  bytes: Buffer;
}

async function send(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { body?: unknown; apiKey?: string | null; authorization?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.apiKey !== null) headers['x-api-key'] = options.apiKey ?? CREDENTIALS.apiKey;
  if (options.authorization !== null) headers.authorization = options.authorization ?? (await accessToken());
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await request(sandbox.baseUrls['canopy-referencing'] + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    headers: response.headers,
    body: type.includes('json') ? JSON.parse(bytes.toString('utf8')) : undefined,
    bytes,
  };
}

async function accessToken(): Promise<string> {
  const answer = await send('POST', `${CLIENT}/token`, { body: { jwtKey: jwtKey() }, authorization: null });
  expect(answer.status).toBe(200);
  return answer.body.access_token as string;
}

function expectCanopyError(answer: Answer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ success: false, requestId: expect.any(String), error: { status, message: expect.any(String) } });
}

describe('authentication', () => {
  it('issues a token whose access_token already carries "Bearer " and whose expires is in epoch seconds', async () => {
    const answer = await send('POST', `${CLIENT}/token`, { body: { jwtKey: jwtKey() }, authorization: null });
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(true);
    expect(answer.body.access_token).toMatch(/^Bearer \S+$/);
    const inSeconds = answer.body.expires - Date.now() / 1000;
    expect(inSeconds).toBeGreaterThan(15 * 60);
    expect(inSeconds).toBeLessThanOrEqual(20 * 60 + 1);
  });

  it.each([
    ['missing', null],
    ['wrong', 'not-the-key'],
  ])('refuses a %s api key with the gateway 403 on the token exchange and on other calls', async (_, apiKey) => {
    const exchange = await send('POST', `${CLIENT}/token`, { body: { jwtKey: jwtKey() }, apiKey, authorization: null });
    expect(exchange.status).toBe(403);
    expect(exchange.body).toEqual({ message: 'Forbidden' });
    const listing = await send('GET', `${CLIENT}/branches-list`, { apiKey });
    expect(listing.status).toBe(403);
    expect(listing.body).toEqual({ message: 'Forbidden' });
  });

  it.each<[string, () => string]>([
    ['a wrong aud', () => jwtKey({ aud: 'referencing-requests/client/someone-else/token' })],
    ['a wrong signature', () => jwtKey({}, 'not-the-secret-key')],
    ['an expired exp', () => jwtKey({ iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a wrong issuer', () => jwtKey({ iss: 'someone.else' })],
    ['a wrong scope', () => jwtKey({ scope: 'everything' })],
    ['garbage', () => 'not.a.jwt'],
  ])('refuses a JWT with %s with 401', async (_, key) => {
    const answer = await send('POST', `${CLIENT}/token`, { body: { jwtKey: key() }, authorization: null });
    expectCanopyError(answer, 401);
  });

  it('refuses a JWT for another client id in the path with 401', async () => {
    const answer = await send('POST', '/referencing-requests/client/someone-else/token', { body: { jwtKey: jwtKey() }, authorization: null });
    expectCanopyError(answer, 401);
  });

  it('refuses a token exchange without jwtKey with 400 naming the field', async () => {
    const answer = await send('POST', `${CLIENT}/token`, { body: {}, authorization: null });
    expectCanopyError(answer, 400);
    expect(answer.body.error.errors).toContainEqual(expect.objectContaining({ path: 'jwtKey', type: 'any.required' }));
  });

  it.each([
    ['no', null],
    ['an unknown', 'Bearer made-up-token'],
    ['a non-Bearer', 'Token abc'],
  ])('refuses a call with %s access token with 401', async (_, authorization) => {
    expectCanopyError(await send('GET', `${CLIENT}/branches-list`, { authorization }), 401);
  });

  it('refuses a token once it has expired', async () => {
    const token = await accessToken();
    expect((await send('GET', `${CLIENT}/branches-list`, { authorization: token })).status).toBe(200);
    simulator().travelInTime(21 * 60 * 1000);
    try {
      expectCanopyError(await send('GET', `${CLIENT}/branches-list`, { authorization: token }), 401);
    } finally {
      simulator().travelInTime(-21 * 60 * 1000);
    }
  });

  it('refuses a revoked token', async () => {
    const token = await accessToken();
    simulator().revokeTokens();
    expectCanopyError(await send('GET', `${CLIENT}/branches-list`, { authorization: token }), 401);
  });

  it("refuses a call for another client's path with 403", async () => {
    expectCanopyError(await send('GET', '/referencing-requests/client/someone-else/branches-list'), 403);
  });

  it('rotates the secret key: the old key stops signing, the new one works, tokens already issued stay valid', async () => {
    const old = simulator().state.secretKey;
    const token = await accessToken();
    try {
      expectCanopyError(await send('POST', '/referencing-requests/client/refresh', { body: { secretKey: 'not-the-key' } }), 403);
      const answer = await send('POST', '/referencing-requests/client/refresh', { body: { secretKey: old }, authorization: token });
      expect(answer.status).toBe(200);
      const fresh = answer.body.data.secretKey as string;
      expect(fresh).not.toBe(old);
      expectCanopyError(await send('POST', `${CLIENT}/token`, { body: { jwtKey: jwtKey({}, old) }, authorization: null }), 401);
      expect((await send('POST', `${CLIENT}/token`, { body: { jwtKey: jwtKey({}, fresh) }, authorization: null })).status).toBe(200);
      expect((await send('GET', `${CLIENT}/branches-list`, { authorization: token })).status).toBe(200);
    } finally {
      simulator().state.secretKey = old;
    }
  });
});

const IDENTITY = {
  email: 'new.renter@example.com',
  firstName: 'New',
  lastName: 'Renter',
  dateOfBirth: '1990-04-02',
  phone: '+447700900001',
  addresses: [{ startDate: '2020-09-01', houseNumber: '113', street: 'Newton Street', countryCode: 'GB', town: 'Manchester', postCode: 'M1 1AE' }],
};
const EMPLOYED = {
  incomeSource: 'EMPLOYED',
  annualSalary: 35000,
  paymentFrequency: 'MONTHLY',
  employment: { companyName: 'Northwind', jobTitle: 'Engineer', employmentStatus: 'FULL_TIME', employmentBasis: 'PERMANENT', startDate: '2020-09-01' },
};
const SELF_EMPLOYED = {
  incomeSource: 'SELF_EMPLOYED',
  annualSalary: 28000,
  paymentFrequency: 'WEEKLY',
  employment: { incomeName: 'Plumbing', jobTitle: 'Plumber', startDate: '2018-01-01' },
};
const STUDENT = {
  incomeSource: 'STUDENT',
  annualSalary: 11110,
  paymentFrequency: 'OTHER',
  employment: {
    educationalInstitutionName: 'University of Manchester',
    grantsAvailability: true,
    startDate: '2019-02-01',
    loans: true,
    loanStartDate: '2019-02-01',
    course: 'Physics',
    qualification: 'BSc',
    courseStart: '2019-09-01',
    courseEnd: '2022-06-30',
  },
};
const RETIRED = {
  incomeSource: 'RETIRED',
  annualSalary: 18000,
  paymentFrequency: 'OTHER',
  employment: { incomeName: 'State pension', description: 'Pension', startDate: '2015-04-06' },
};
const RENT = {
  email: 'new.renter@example.com',
  data: {
    homeowner: false,
    rentsDuringLastYear: true,
    rents: [{ name: 'Flat', paymentFrequency: 'MONTHLY', rentPaymentAmount: 950, rentPaidTo: 'Landlord' }],
  },
};
const REFERENCING = { email: 'new.renter@example.com', callbackUrl: 'https://crm.example.com/canopy', requestType: 'RENTER_SCREENING', itemType: 'FULL' };
const WEBHOOK = { type: 'PASSPORT_STATUS_UPDATES', callbackUrl: 'https://crm.example.com/hooks', additionalSettings: ['INCOME', 'RENT'] };

type Json = Record<string, any>; // any: each case edits its body freely, deep fields included

interface BodyRule {
  rule: string;
  path: string;
  base: Json;
  edit: (body: Json) => void;
  /** The refused field and the Joi-style type Canopy names it with; absent when the body must be accepted. */
  refused?: { field: string; type: string };
}

const SET_IDENTITY = '/referencing-requests/client-user-data/set-identity';
const SET_INCOME = '/referencing-requests/client-user-data/set-income';
const SET_RENT = '/referencing-requests/client-user-data/set-rent';
const income = (...items: Json[]) => ({ email: 'new.renter@example.com', data: { income: items } });

const BODY_RULES: BodyRule[] = [
  ...['email', 'firstName', 'lastName', 'dateOfBirth', 'phone', 'addresses'].map((field) => ({
    rule: `set-identity requires ${field}`,
    path: SET_IDENTITY,
    base: IDENTITY,
    edit: (body: Json) => delete body[field],
    refused: { field, type: 'any.required' },
  })),
  { rule: 'set-identity email is an e-mail', path: SET_IDENTITY, base: IDENTITY, edit: (b) => (b.email = 'nobody'), refused: { field: 'email', type: 'string.email' } },
  { rule: 'dateOfBirth is YYYY-MM-DD', path: SET_IDENTITY, base: IDENTITY, edit: (b) => (b.dateOfBirth = '02/04/1990'), refused: { field: 'dateOfBirth', type: 'date.format' } },
  { rule: 'dateOfBirth is a real date', path: SET_IDENTITY, base: IDENTITY, edit: (b) => (b.dateOfBirth = '1990-02-30'), refused: { field: 'dateOfBirth', type: 'date.format' } },
  { rule: 'addresses has at least one item', path: SET_IDENTITY, base: IDENTITY, edit: (b) => (b.addresses = []), refused: { field: 'addresses', type: 'array.min' } },
  { rule: 'an address needs houseNumber or houseName', path: SET_IDENTITY, base: IDENTITY, edit: (b) => delete b.addresses[0].houseNumber, refused: { field: 'addresses.0', type: 'object.missing' } },
  { rule: 'houseName alone is enough', path: SET_IDENTITY, base: IDENTITY, edit: (b) => { delete b.addresses[0].houseNumber; b.addresses[0].houseName = 'Rose Cottage'; } },
  ...['startDate', 'street', 'countryCode', 'town', 'postCode'].map((field) => ({
    rule: `an address requires ${field}`,
    path: SET_IDENTITY,
    base: IDENTITY,
    edit: (body: Json) => delete body.addresses[0][field],
    refused: { field: `addresses.0.${field}`, type: 'any.required' },
  })),
  { rule: 'address startDate is YYYY-MM-DD', path: SET_IDENTITY, base: IDENTITY, edit: (b) => (b.addresses[0].startDate = '2020-9-1'), refused: { field: 'addresses.0.startDate', type: 'date.format' } },
  { rule: 'countryCode is alpha-2', path: SET_IDENTITY, base: IDENTITY, edit: (b) => (b.addresses[0].countryCode = 'GBR'), refused: { field: 'addresses.0.countryCode', type: 'any.only' } },

  { rule: 'set-income requires data', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => delete b.data, refused: { field: 'data', type: 'any.required' } },
  { rule: 'income has at least one item', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income = []), refused: { field: 'data.income', type: 'array.min' } },
  { rule: 'incomeSource is listed', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].incomeSource = 'GIG'), refused: { field: 'data.income.0.incomeSource', type: 'any.only' } },
  { rule: 'annualSalary is greater than 100', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].annualSalary = 100), refused: { field: 'data.income.0.annualSalary', type: 'number.greater' } },
  { rule: 'annualSalary 101 is enough', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].annualSalary = 101) },
  { rule: 'annualSalary is an integer', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].annualSalary = 35000.5), refused: { field: 'data.income.0.annualSalary', type: 'number.integer' } },
  { rule: 'annualSalary is a number, not a string', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].annualSalary = '35000'), refused: { field: 'data.income.0.annualSalary', type: 'number.base' } },
  { rule: 'employed pay is not OTHER', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].paymentFrequency = 'OTHER'), refused: { field: 'data.income.0.paymentFrequency', type: 'any.only' } },
  { rule: 'self-employed pay is not OTHER', path: SET_INCOME, base: income(SELF_EMPLOYED), edit: (b) => (b.data.income[0].paymentFrequency = 'OTHER'), refused: { field: 'data.income.0.paymentFrequency', type: 'any.only' } },
  { rule: 'student and retired pay may be OTHER', path: SET_INCOME, base: income(STUDENT, RETIRED), edit: () => undefined },
  { rule: 'income requires employment', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => delete b.data.income[0].employment, refused: { field: 'data.income.0.employment', type: 'any.required' } },
  ...['companyName', 'jobTitle', 'employmentStatus', 'employmentBasis', 'startDate'].map((field) => ({
    rule: `employed employment requires ${field}`,
    path: SET_INCOME,
    base: income(EMPLOYED),
    edit: (body: Json) => delete body.data.income[0].employment[field],
    refused: { field: `data.income.0.employment.${field}`, type: 'any.required' },
  })),
  { rule: 'employmentStatus is listed', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].employment.employmentStatus = 'CASUAL'), refused: { field: 'data.income.0.employment.employmentStatus', type: 'any.only' } },
  { rule: 'employmentBasis is listed', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].employment.employmentBasis = 'ZERO_HOURS'), refused: { field: 'data.income.0.employment.employmentBasis', type: 'any.only' } },
  { rule: 'a CONTRACT needs contractLength', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].employment.employmentBasis = 'CONTRACT'), refused: { field: 'data.income.0.employment.contractLength', type: 'any.required' } },
  { rule: 'contractLength is listed', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => Object.assign(b.data.income[0].employment, { employmentBasis: 'CONTRACT', contractLength: 'MONTHS_13' }), refused: { field: 'data.income.0.employment.contractLength', type: 'any.only' } },
  { rule: 'employment startDate is YYYY-MM-DD', path: SET_INCOME, base: income(EMPLOYED), edit: (b) => (b.data.income[0].employment.startDate = 'last year'), refused: { field: 'data.income.0.employment.startDate', type: 'date.format' } },
  ...['incomeName', 'jobTitle', 'startDate'].map((field) => ({
    rule: `self-employed employment requires ${field}`,
    path: SET_INCOME,
    base: income(SELF_EMPLOYED),
    edit: (body: Json) => delete body.data.income[0].employment[field],
    refused: { field: `data.income.0.employment.${field}`, type: 'any.required' },
  })),
  ...['educationalInstitutionName', 'grantsAvailability', 'loans', 'course', 'qualification', 'courseStart', 'courseEnd'].map((field) => ({
    rule: `student employment requires ${field}`,
    path: SET_INCOME,
    base: income(STUDENT),
    edit: (body: Json) => delete body.data.income[0].employment[field],
    refused: { field: `data.income.0.employment.${field}`, type: 'any.required' },
  })),
  { rule: 'grants need a startDate', path: SET_INCOME, base: income(STUDENT), edit: (b) => delete b.data.income[0].employment.startDate, refused: { field: 'data.income.0.employment.startDate', type: 'any.required' } },
  { rule: 'no grants, no startDate needed', path: SET_INCOME, base: income(STUDENT), edit: (b) => { b.data.income[0].employment.grantsAvailability = false; delete b.data.income[0].employment.startDate; } },
  { rule: 'loans need a loanStartDate', path: SET_INCOME, base: income(STUDENT), edit: (b) => delete b.data.income[0].employment.loanStartDate, refused: { field: 'data.income.0.employment.loanStartDate', type: 'any.required' } },
  { rule: 'no loans, no loanStartDate needed', path: SET_INCOME, base: income(STUDENT), edit: (b) => { b.data.income[0].employment.loans = false; delete b.data.income[0].employment.loanStartDate; } },
  { rule: 'grantsAvailability is a boolean', path: SET_INCOME, base: income(STUDENT), edit: (b) => (b.data.income[0].employment.grantsAvailability = 'yes'), refused: { field: 'data.income.0.employment.grantsAvailability', type: 'boolean.base' } },
  { rule: 'courseEnd is YYYY-MM-DD', path: SET_INCOME, base: income(STUDENT), edit: (b) => (b.data.income[0].employment.courseEnd = '2022'), refused: { field: 'data.income.0.employment.courseEnd', type: 'date.format' } },
  ...['incomeName', 'description', 'startDate'].map((field) => ({
    rule: `retired employment requires ${field}`,
    path: SET_INCOME,
    base: income(RETIRED),
    edit: (body: Json) => delete body.data.income[0].employment[field],
    refused: { field: `data.income.0.employment.${field}`, type: 'any.required' },
  })),

  ...['homeowner', 'rentsDuringLastYear'].map((field) => ({
    rule: `set-rent requires ${field}`,
    path: SET_RENT,
    base: RENT,
    edit: (body: Json) => delete body.data[field],
    refused: { field: `data.${field}`, type: 'any.required' },
  })),
  { rule: 'rents are required after a year of renting', path: SET_RENT, base: RENT, edit: (b) => delete b.data.rents, refused: { field: 'data.rents', type: 'any.required' } },
  { rule: 'rents have at least one item after a year of renting', path: SET_RENT, base: RENT, edit: (b) => (b.data.rents = []), refused: { field: 'data.rents', type: 'array.min' } },
  { rule: 'no renting, no rents needed', path: SET_RENT, base: RENT, edit: (b) => { b.data.rentsDuringLastYear = false; delete b.data.rents; } },
  ...['name', 'paymentFrequency', 'rentPaymentAmount', 'rentPaidTo'].map((field) => ({
    rule: `a rent requires ${field}`,
    path: SET_RENT,
    base: RENT,
    edit: (body: Json) => delete body.data.rents[0][field],
    refused: { field: `data.rents.0.${field}`, type: 'any.required' },
  })),
  { rule: 'rent paymentFrequency is listed', path: SET_RENT, base: RENT, edit: (b) => (b.data.rents[0].paymentFrequency = 'DAILY'), refused: { field: 'data.rents.0.paymentFrequency', type: 'any.only' } },
  { rule: 'rentPaymentAmount is an integer', path: SET_RENT, base: RENT, edit: (b) => (b.data.rents[0].rentPaymentAmount = 950.5), refused: { field: 'data.rents.0.rentPaymentAmount', type: 'number.integer' } },

  { rule: 'link-branch requires canopyBranchId', path: `${CLIENT}/link-branch`, base: { canopyBranchId: 'x', clientBranchId: '00000000-0000-4000-8000-000000000000' }, edit: (b) => delete b.canopyBranchId, refused: { field: 'canopyBranchId', type: 'any.required' } },
  { rule: 'clientBranchId is a UUID', path: `${CLIENT}/link-branch`, base: { canopyBranchId: 'x', clientBranchId: 'branch-1' }, edit: () => undefined, refused: { field: 'clientBranchId', type: 'string.guid' } },

  ...['email', 'callbackUrl', 'requestType', 'itemType'].map((field) => ({
    rule: `request requires ${field}`,
    path: `${CLIENT}/request`,
    base: REFERENCING,
    edit: (body: Json) => delete body[field],
    refused: { field, type: 'any.required' },
  })),
  { rule: 'callbackUrl is a URL', path: `${CLIENT}/request`, base: REFERENCING, edit: (b) => (b.callbackUrl = 'callback'), refused: { field: 'callbackUrl', type: 'string.uri' } },
  { rule: 'requestType is listed', path: `${CLIENT}/request`, base: REFERENCING, edit: (b) => (b.requestType = 'TENANT_SCREENING'), refused: { field: 'requestType', type: 'any.only' } },
  { rule: 'itemType is listed', path: `${CLIENT}/request`, base: REFERENCING, edit: (b) => (b.itemType = 'BASIC'), refused: { field: 'itemType', type: 'any.only' } },
  { rule: 'isGuarantorNeeded is a boolean', path: `${CLIENT}/request`, base: REFERENCING, edit: (b) => (b.isGuarantorNeeded = 'yes'), refused: { field: 'isGuarantorNeeded', type: 'boolean.base' } },
  ...['isGuarantorNeeded', 'isIdentityVerificationNeeded', 'isRightToRentNeeded'].map((flag) => ({
    rule: `${flag} only applies to renter screening`,
    path: `${CLIENT}/request`,
    base: REFERENCING,
    edit: (body: Json) => Object.assign(body, { requestType: 'GUARANTOR_SCREENING', [flag]: true }),
    refused: { field: flag, type: 'any.unknown' },
  })),
  ...['isIdentityVerificationNeeded', 'isRightToRentNeeded'].map((flag) => ({
    rule: `${flag} does not apply to PRE_QUALIFICATION`,
    path: `${CLIENT}/request`,
    base: REFERENCING,
    edit: (body: Json) => Object.assign(body, { itemType: 'PRE_QUALIFICATION', [flag]: true }),
    refused: { field: flag, type: 'any.unknown' },
  })),
  { rule: 'CC_ONLY may ask for right to rent', path: `${CLIENT}/request`, base: REFERENCING, edit: (b) => Object.assign(b, { itemType: 'CC_ONLY', isRightToRentNeeded: true }) },

  { rule: 'revoke-guarantor requires email', path: `${CLIENT}/revoke-guarantor-request`, base: { email: 'x@example.com' }, edit: (b) => delete b.email, refused: { field: 'email', type: 'any.required' } },

  ...['type', 'callbackUrl'].map((field) => ({
    rule: `webhook register requires ${field}`,
    path: `${CLIENT}/webhook/register`,
    base: WEBHOOK,
    edit: (body: Json) => delete body[field],
    refused: { field, type: 'any.required' },
  })),
  { rule: 'webhook type is listed', path: `${CLIENT}/webhook/register`, base: WEBHOOK, edit: (b) => (b.type = 'EVERYTHING'), refused: { field: 'type', type: 'any.only' } },
  { rule: 'additionalSettings only with PASSPORT_STATUS_UPDATES', path: `${CLIENT}/webhook/register`, base: WEBHOOK, edit: (b) => (b.type = 'REQUEST_STATUS_UPDATES'), refused: { field: 'additionalSettings', type: 'any.unknown' } },
  { rule: 'additionalSettings are listed sections', path: `${CLIENT}/webhook/register`, base: WEBHOOK, edit: (b) => (b.additionalSettings = ['INCOME', 'IDENTITY']), refused: { field: 'additionalSettings.1', type: 'any.only' } },
  { rule: 'additionalSettings may be empty', path: `${CLIENT}/webhook/register`, base: WEBHOOK, edit: (b) => (b.additionalSettings = []) },
];

describe('body rules', () => {
  it.each(BODY_RULES.map((rule) => [rule.rule, rule] as const))('%s', async (_, rule) => {
    const body = structuredClone(rule.base);
    rule.edit(body);
    const method = rule.path.endsWith('revoke-guarantor-request') ? 'DELETE' : 'POST';
    const answer = await send(method, rule.path, { body });
    if (!rule.refused) {
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      return;
    }
    expectCanopyError(answer, 400);
    expect(answer.body.error.type).toBe('VALIDATION_ERROR');
    expect(answer.body.error.errors).toContainEqual(expect.objectContaining({ path: rule.refused.field, type: rule.refused.type }));
  });

  it('reports every broken rule of a body at once', async () => {
    const answer = await send('POST', SET_IDENTITY, { body: { ...IDENTITY, email: undefined, phone: undefined, dateOfBirth: 'soon' } });
    expectCanopyError(answer, 400);
    expect(answer.body.error.errors.map((error: { path: string }) => error.path).sort()).toEqual(['dateOfBirth', 'email', 'phone']);
  });
});

describe('branches', () => {
  it('lists every Canopy branch once per link, and once with null when unlinked', async () => {
    const answer = await send('GET', `${CLIENT}/branches-list`);
    expect(answer.status).toBe(200);
    const branches = answer.body.data.branches as Array<{ branchName: string; clientBranchId: string | null }>;
    expect(branches.map((branch) => [branch.branchName, branch.clientBranchId === null])).toEqual([
      ['Manchester Central', false],
      ['Salford Quays', false],
      ['Didsbury Village', true],
    ]);
  });

  it('links, refuses a duplicate clientBranchId with 409, and deletes the mapping (then 404)', async () => {
    const didsbury = simulator().state.branches.find((branch) => branch.branchName === 'Didsbury Village')!;
    const clientBranchId = '0830f800-b5d2-4e16-aede-411cb5f3c58b';
    const linked = await send('POST', `${CLIENT}/link-branch`, { body: { canopyBranchId: didsbury.canopyBranchId, clientBranchId } });
    expect(linked.status).toBe(201);
    expect(linked.body.data).toMatchObject({ canopyBranchId: didsbury.canopyBranchId, clientBranchId, branchName: 'Didsbury Village' });

    const again = await send('POST', `${CLIENT}/link-branch`, { body: { canopyBranchId: didsbury.canopyBranchId, clientBranchId } });
    expectCanopyError(again, 409);

    const deleted = await send('DELETE', `${CLIENT}/branch-mapping/${clientBranchId}`);
    expect(deleted.body).toMatchObject({ success: true, data: { clientBranchId } });
    expectCanopyError(await send('DELETE', `${CLIENT}/branch-mapping/${clientBranchId}`), 404);
  });

  it('refuses to link an unknown Canopy branch with 404', async () => {
    const answer = await send('POST', `${CLIENT}/link-branch`, {
      body: { canopyBranchId: 'no-such-branch', clientBranchId: '1a2b3c4d-0000-4000-8000-000000000001' },
    });
    expectCanopyError(answer, 404);
  });
});

describe('referencing requests', () => {
  it('creates a request on a linked branch and refuses an unlinked branchId with 404', async () => {
    const [clientBranchId, canopyBranchId] = [...simulator().state.branchLinks][1]!;
    const created = await send('POST', `${CLIENT}/request`, { body: { ...REFERENCING, branchId: clientBranchId, clientReferenceId: 'CRM-1' } });
    expect(created.status).toBe(201);
    const record = simulator().state.requests.get(created.body.canopyReferenceId)!;
    expect(record).toMatchObject({ canopyBranchId, clientReferenceId: 'CRM-1', stage: 'CREATED', seeded: false });

    const unknown = await send('POST', `${CLIENT}/request`, { body: { ...REFERENCING, branchId: 'not-linked' } });
    expectCanopyError(unknown, 404);
  });

  it('turns identity verification on with right to rent', async () => {
    const created = await send('POST', `${CLIENT}/request`, { body: { ...REFERENCING, itemType: 'INSTANT', isRightToRentNeeded: true } });
    const record = simulator().state.requests.get(created.body.canopyReferenceId)!;
    expect(record.identityVerification).toBe(true);
    expect([...record.sections.keys()]).toEqual(['CREDIT_CHECK', 'INCOME', 'RENT', 'SAVINGS', 'IDENTITY_VERIFICATION', 'RTR_VERIFICATION']);
  });

  it('answers 404 for an unknown passport, notes or document', async () => {
    expectCanopyError(await send('GET', `${CLIENT}/rent-passport/nope`), 404);
    expectCanopyError(await send('GET', `${CLIENT}/rent-passport/nope/notes`), 404);
    expectCanopyError(await send('GET', `${CLIENT}/documents/nope`), 404);
  });

  it('revokes an open guarantor request once, then answers 404', async () => {
    const liam = sandbox.people[3]!;
    expect(simulator().requestFor(liam.email)?.stage).toBe('WAITING_FOR_GUARANTOR');
    const revoked = await send('DELETE', `${CLIENT}/revoke-guarantor-request`, { body: { email: liam.email } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ success: true });
    expect(simulator().requestFor(liam.email)).toMatchObject({ stage: 'COMPLETED', guarantor: null, queuedEvents: ['GUARANTOR_REQUEST_CANCELLED'] });
    expectCanopyError(await send('DELETE', `${CLIENT}/revoke-guarantor-request`, { body: { email: liam.email } }), 404);
  });
});

describe('webhooks', () => {
  it('registers, replaces, and unregisters by type; an unregistered type is 404', async () => {
    const first = await send('POST', `${CLIENT}/webhook/register`, { body: WEBHOOK });
    expect(first.body).toEqual({ success: true, webhookType: 'PASSPORT_STATUS_UPDATES', callbackUrl: WEBHOOK.callbackUrl });
    await send('POST', `${CLIENT}/webhook/register`, { body: { ...WEBHOOK, callbackUrl: 'https://crm.example.com/other' } });
    expect(simulator().state.webhooks.get('PASSPORT_STATUS_UPDATES')).toEqual({
      callbackUrl: 'https://crm.example.com/other',
      additionalSettings: ['INCOME', 'RENT'],
    });
    const removed = await send('DELETE', `${CLIENT}/webhook/PASSPORT_STATUS_UPDATES`);
    expect(removed.body).toEqual({ success: true, webhookType: 'PASSPORT_STATUS_UPDATES' });
    const again = await send('DELETE', `${CLIENT}/webhook/PASSPORT_STATUS_UPDATES`);
    expectCanopyError(again, 404);
    expect(again.body.error.message).toBe('No webhooks of the specified type found');
  });
});

describe('seeded data', () => {
  it('has one referencing request per demo person, joined by e-mail, at varied stages', async () => {
    const stages = new Set<string>();
    for (const person of sandbox.people) {
      const record = simulator().requestFor(person.email);
      expect(record, person.email).toBeDefined();
      stages.add(record!.stage);
      const notes = await send('GET', `${CLIENT}/rent-passport/${record!.canopyReferenceId}/notes`);
      expect(notes.body.userDetails).toEqual({ email: person.email, firstName: person.firstName, lastName: person.lastName });
    }
    expect([...stages].sort()).toEqual(['COMPLETED', 'CONNECTED', 'CREATED', 'INVITED', 'WAITING_FOR_GUARANTOR']);
  });

  it("serves a completed renter's passport with their prefilled identity and the verdict", async () => {
    const amara = sandbox.people[0]!;
    const record = simulator().requestFor(amara.email)!;
    const answer = await send('GET', `${CLIENT}/rent-passport/${record.canopyReferenceId}`);
    const passport = answer.body.data.rentPassport;
    expect(passport.statuses.overall).toEqual({ ready: true, status: 'ACCEPT' });
    expect(passport.user.identity.data).toMatchObject({ firstName: amara.firstName, lastName: amara.lastName });
    expect(passport.monthlyRentAffordability).toBe(String(Math.floor(amara.annualSalary / 30)));
    expect(typeof passport.savingsMonthlyRentAffordability).toBe('number');
    expect(passport.notes.GLOBAL.EXTERNAL.message).toMatch(/Screening complete/);
    expect(answer.body.data.identityVerification.status).toBe('VERIFIED');
    expect(answer.body.data.rightToRent.status).toBe('COMPLETED');
  });

  it('serves the report and summary PDFs of a completed renter: valid PDF with a correct xref table', async () => {
    const amara = sandbox.people[0]!;
    const record = simulator().requestFor(amara.email)!;
    for (const [documentId, kind] of [
      [record.documents!.reportId, 'FULL'],
      [record.documents!.summaryId, 'SUMMARY'],
    ] as const) {
      const answer = await send('GET', `${CLIENT}/documents/${documentId}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/pdf');
      expect(answer.headers['content-disposition']).toBe(`attachment; filename='${documentId}_${kind}.pdf'`);
      expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
      expectValidPdf(answer.bytes);
      expect(answer.bytes.toString('latin1')).toContain(`(Renter: ${amara.firstName} ${amara.lastName}) Tj`);
      expect(answer.bytes.toString('latin1')).toContain('(Result: ACCEPT) Tj');
    }
  });
});

/** Checks what a PDF reader relies on: header, trailer, and an xref entry that points at each object. */
function expectValidPdf(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  expect(Number(first)).toBe(0);
  const entriesStart = startxref + text.slice(startxref).indexOf('\n', 5) + 1;
  for (let n = 1; n < Number(count); n++) {
    const entry = text.slice(entriesStart + n * 20, entriesStart + (n + 1) * 20);
    expect(entry).toMatch(/^\d{10} 00000 n\r\n$/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${n} 0 obj`.length)).toBe(`${n} 0 obj`);
  }
  const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
  const streamStart = text.indexOf('stream\n') + 'stream\n'.length;
  expect(text.slice(streamStart + length, streamStart + length + '\nendstream'.length)).toBe('\nendstream');
}

const HOOKS = {
  REQUEST_STATUS_UPDATES: 'http://hooks.test/request-status',
  PASSPORT_STATUS_UPDATES: 'http://hooks.test/passport-status',
  PASSPORT_ALL_NOTES: 'http://hooks.test/all-notes',
  PASSPORT_AGENT_NOTES: 'http://hooks.test/agent-notes',
  PASSPORT_REPORT_NOTES: 'http://hooks.test/report-notes',
} as const;
const REPORT_CALLBACK = 'http://hooks.test/report';
const WEBHOOK_OF_URL: Record<string, string> = {
  [HOOKS.REQUEST_STATUS_UPDATES]: 'requestStatusUpdate',
  [HOOKS.PASSPORT_STATUS_UPDATES]: 'passportStatusUpdate',
  [HOOKS.PASSPORT_ALL_NOTES]: 'passportNoteUpdate',
  [HOOKS.PASSPORT_AGENT_NOTES]: 'passportNoteUpdate',
  [HOOKS.PASSPORT_REPORT_NOTES]: 'passportNoteUpdate',
  [REPORT_CALLBACK]: 'completedReport',
  [REFERENCING.callbackUrl]: 'completedReport',
};

/** Compiles `webhooks.<name>` of the OpenAPI document, resolving `#/components/…` as test/helpers/openapi-contract.ts does. */
function webhookValidators(): (name: string) => ValidateFunction {
  const doc = parse(readFileSync(new URL('../../src/sources/canopy-referencing/openapi.yaml', import.meta.url), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  const compiled = new Map<string, ValidateFunction>();
  return (name) => {
    let validate = compiled.get(name);
    if (!validate) {
      const schema = doc.webhooks[name].post.requestBody.content['application/json'].schema;
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')));
      compiled.set(name, validate);
    }
    return validate;
  };
}

describe('advance()', () => {
  const validator = webhookValidators();

  function expectDocumented(deliveries: WebhookDelivery[]): void {
    for (const delivery of deliveries) {
      const name = WEBHOOK_OF_URL[delivery.url];
      expect(name, delivery.url).toBeDefined();
      const validate = validator(name!);
      expect(validate(delivery.body), `${delivery.description}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  }

  async function registerAll(settings: string[] = []): Promise<void> {
    for (const [type, callbackUrl] of Object.entries(HOOKS)) {
      const body = type === 'PASSPORT_STATUS_UPDATES' ? { type, callbackUrl, additionalSettings: settings } : { type, callbackUrl };
      expect((await send('POST', `${CLIENT}/webhook/register`, { body })).status).toBe(200);
    }
  }

  async function unregisterAll(): Promise<void> {
    for (const type of Object.keys(HOOKS)) await send('DELETE', `${CLIENT}/webhook/${type}`);
  }

  it('plays a FULL renter to completion with every notification the doc describes, each matching its schema', async () => {
    await registerAll();
    simulator().setSeedCallbackUrl(REPORT_CALLBACK);
    try {
      const priya = simulator().requestFor(sandbox.people[2]!.email)!;
      const all: WebhookDelivery[] = [];
      for (let i = 0; i < 30 && priya.stage !== 'COMPLETED'; i++) all.push(...simulator().advanceRequest(priya.canopyReferenceId));
      expect(priya.stage).toBe('COMPLETED');
      expectDocumented(all);

      const sections = all.filter((d) => d.url === HOOKS.PASSPORT_STATUS_UPDATES).map((d) => d.body as { updatedSection: { type: string; newStatus: string }; full?: unknown });
      expect(sections.map((s) => `${s.updatedSection.type}:${s.updatedSection.newStatus}`)).toEqual([
        'RENT:DONE',
        'SAVINGS:IN_PROGRESS',
        'SAVINGS:DONE',
        'EMPLOYEE_REFERENCE:IN_PROGRESS',
        'EMPLOYEE_REFERENCE:DONE',
        'LANDLORD_REFERENCE:IN_PROGRESS',
        'LANDLORD_REFERENCE:DONE',
      ]);
      expect(sections.every((s) => s.full !== undefined)).toBe(true);

      const statuses = all.filter((d) => d.url === HOOKS.REQUEST_STATUS_UPDATES).map((d) => (d.body as { notes: string }).notes);
      expect(statuses).toEqual(['PASSPORT_COMPLETED']);

      const agentNotes = all.filter((d) => d.url === HOOKS.PASSPORT_AGENT_NOTES).map((d) => (d.body as { noteType: string }).noteType);
      const reportNotes = all.filter((d) => d.url === HOOKS.PASSPORT_REPORT_NOTES).map((d) => (d.body as { noteType: string }).noteType);
      const allNotes = all.filter((d) => d.url === HOOKS.PASSPORT_ALL_NOTES);
      expect(new Set(agentNotes)).toEqual(new Set(['AGENT']));
      expect(new Set(reportNotes)).toEqual(new Set(['REPORT']));
      expect(allNotes).toHaveLength(agentNotes.length + reportNotes.length);

      const reports = all.filter((d) => d.url === REPORT_CALLBACK);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.body).toEqual({
        clientReferenceId: priya.clientReferenceId,
        canopyReferenceId: priya.canopyReferenceId,
        document: {
          documentType: 1,
          url: `${CLIENT}/documents/${priya.documents!.reportId}`,
          summaryReportUrl: `${CLIENT}/documents/${priya.documents!.summaryId}`,
          maxRent: Math.floor(sandbox.people[2]!.annualSalary / 30),
          status: priya.result === 'ACCEPT' ? 'VERIFY' : priya.result,
          title: 'FULL',
          isGuarantorNeeded: false,
        },
      });
      // The report URL the callback gives is one the API serves.
      const pdf = await send('GET', (reports[0]!.body as { document: { url: string } }).document.url);
      expect(pdf.status).toBe(200);
    } finally {
      simulator().setSeedCallbackUrl(undefined);
      await unregisterAll();
    }
  });

  it('sends passport updates only for the sections a registration asked for', async () => {
    await registerAll(['INCOME']);
    try {
      const created = await send('POST', `${CLIENT}/request`, {
        body: { ...REFERENCING, itemType: 'INSTANT', isIdentityVerificationNeeded: true, clientReferenceId: 'CRM-FILTER' },
      });
      const id = created.body.canopyReferenceId as string;
      const all: WebhookDelivery[] = [];
      for (let i = 0; i < 30 && simulator().state.requests.get(id)!.stage !== 'COMPLETED'; i++) all.push(...simulator().advanceRequest(id));
      expectDocumented(all);
      const sections = all.filter((d) => d.url === HOOKS.PASSPORT_STATUS_UPDATES).map((d) => (d.body as { updatedSection: { type: string } }).updatedSection.type);
      expect(sections).toEqual(['INCOME', 'INCOME']);
      const report = all.find((d) => d.url === 'https://crm.example.com/canopy');
      expect(report?.body).toMatchObject({ clientReferenceId: 'CRM-FILTER', document: { documentType: 0, title: 'INSTANT' } });
      const statuses = all.filter((d) => d.url === HOOKS.REQUEST_STATUS_UPDATES).map((d) => (d.body as { notes: string }).notes);
      expect(statuses).toEqual(['INVITED', 'CONNECTED', 'PASSPORT_COMPLETED']);
    } finally {
      await unregisterAll();
    }
  });

  it('completes a renter twice when a guarantor is needed: first waiting, then with the guarantor done', async () => {
    await registerAll();
    try {
      const created = await send('POST', `${CLIENT}/request`, { body: { ...REFERENCING, itemType: 'CC_ONLY', isGuarantorNeeded: true } });
      const id = created.body.canopyReferenceId as string;
      const all: WebhookDelivery[] = [];
      for (let i = 0; i < 30 && simulator().state.requests.get(id)!.stage !== 'COMPLETED'; i++) all.push(...simulator().advanceRequest(id));
      expectDocumented(all);
      const statuses = all.filter((d) => d.url === HOOKS.REQUEST_STATUS_UPDATES).map((d) => (d.body as { notes: string }).notes);
      expect(statuses).toEqual(['INVITED', 'CONNECTED', 'PASSPORT_COMPLETED_WAITING_FOR_GUARANTOR', 'PASSPORT_COMPLETED']);
      const documents = all.filter((d) => d.url === 'https://crm.example.com/canopy').map((d) => (d.body as { document: object }).document);
      expect(documents).toEqual([
        expect.objectContaining({ isGuarantorNeeded: true, waitingForGuarantor: true, guarantorCompleteRP: false }),
        expect.objectContaining({ isGuarantorNeeded: true, waitingForGuarantor: false, guarantorCompleteRP: true }),
      ]);
    } finally {
      await unregisterAll();
    }
  });

  it('sends GUARANTOR_REQUEST_CANCELLED at the next step after a revoke', async () => {
    await registerAll();
    try {
      const email = 'guaranteed@example.com';
      const created = await send('POST', `${CLIENT}/request`, { body: { ...REFERENCING, email, itemType: 'INSTANT', isGuarantorNeeded: true } });
      const id = created.body.canopyReferenceId as string;
      simulator().advanceRequest(id);
      expect((await send('DELETE', `${CLIENT}/revoke-guarantor-request`, { body: { email } })).status).toBe(200);
      const next = simulator().advanceRequest(id);
      expect(next.map((d) => d.body)).toEqual([{ canopyReferenceId: id, clientReferenceId: null, notes: 'GUARANTOR_REQUEST_CANCELLED' }]);
    } finally {
      await unregisterAll();
    }
  });

  it('changes state but sends nothing when no webhook is registered and no callback is adopted', () => {
    const sofia = simulator().requestFor(sandbox.people[4]!.email)!;
    const before = sofia.stage;
    expect(simulator().advanceRequest(sofia.canopyReferenceId)).toEqual([]);
    expect(sofia.stage).not.toBe(before);
  });

  it('never runs dry: once every renter is finished a new request begins', async () => {
    await using small = await useSandbox({ people: 2 });
    const canopy = small.simulators.canopyReferencing;
    const before = canopy.state.requests.size;
    for (let i = 0; i < 200; i++) canopy.advance();
    expect(canopy.state.requests.size).toBeGreaterThan(before);
    const newest = [...canopy.state.requests.values()].at(-1)!;
    expect(small.people.map((person) => person.email)).toContain(newest.email);
  });
});
