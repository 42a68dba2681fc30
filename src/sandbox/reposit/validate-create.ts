import { isIsoAlpha3 } from '../../sources/reposit/countries';
import type { WireAddress, WireCreateRepositRequest, WireLandlord } from '../../sources/reposit/wire';

type Body = Record<string, unknown>;

export type CreateRepositCheck =
  | { ok: true; request: WireCreateRepositRequest }
  | { ok: false; problems: string[] };

/**
 * UK postcodes, with or without the space (the docs' "6 digit postcode e.g. 'EC2M 6YP'" counts
 * loosely: their own examples run from five to seven characters).
 */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every rule the docs state for `POST /v1/reposits`, each failure a sentence led by its field,
 * all of them reported at once. Fields the docs do not name are ignored.
 */
export function checkCreateReposit(body: unknown, isAgent: (id: string) => boolean): CreateRepositCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problems: ['body must be a JSON object'] };
  }
  const input = body as Body;
  const problems: string[] = [];

  checkAddress(input.address, 'address', problems);
  checkLandlord(input.landlord, problems);

  if (requiredString(input.agentId, 'agentId', problems) && !isAgent(input.agentId as string)) {
    problems.push(`agentId must be the id of one of the supplier's agents`);
  }

  if (input.ppm === undefined || input.ppm === null) problems.push('ppm should not be empty');
  else if (typeof input.ppm !== 'number' || !Number.isFinite(input.ppm)) problems.push('ppm must be a number');
  else if (input.ppm <= 0) problems.push('ppm must be a positive number');
  else if (!wholePence(input.ppm)) problems.push('ppm must have at most two decimal places');

  const emails = checkTenantEmails(input.tenantEmails, problems);

  if (input.headcount === undefined || input.headcount === null) problems.push('headcount should not be empty');
  else if (typeof input.headcount !== 'number' || !Number.isInteger(input.headcount)) problems.push('headcount must be an integer number');
  else if (input.headcount < 1) problems.push('headcount must not be less than 1');
  else if (emails && input.headcount !== emails.length) {
    problems.push(`headcount must equal the number of tenantEmails (${emails.length})`);
  }

  const start = calendarDate(input.startDate, 'startDate', problems);
  const end = calendarDate(input.endDate, 'endDate', problems);
  if (start !== undefined && end !== undefined && end <= start) problems.push('endDate must be after startDate');

  if (input.letOnly !== undefined && typeof input.letOnly !== 'boolean') problems.push('letOnly must be a boolean value');

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, request: input as unknown as WireCreateRepositRequest };
}

function checkAddress(value: unknown, field: string, problems: string[]): value is WireAddress {
  if (!isObject(value, field, problems)) return false;
  const before = problems.length;
  requiredString(value.line1, `${field}.line1`, problems);
  if (value.line2 !== undefined && value.line2 !== null && typeof value.line2 !== 'string') {
    problems.push(`${field}.line2 must be a string`);
  }
  requiredString(value.town, `${field}.town`, problems);
  const country = requiredString(value.country, `${field}.country`, problems) ? (value.country as string) : undefined;
  if (country !== undefined && !isIsoAlpha3(country)) {
    problems.push(`${field}.country must be an ISO 3166-1 alpha-3 country code, e.g. GBR`);
  }
  // Only British postcodes have a format to check; a landlord may well live abroad.
  const postcode = requiredString(value.postcode, `${field}.postcode`, problems) ? (value.postcode as string) : undefined;
  if (postcode !== undefined && country === 'GBR' && !UK_POSTCODE.test(postcode.trim())) {
    problems.push(`${field}.postcode must be a valid UK postcode, e.g. EC2M 6YP`);
  }
  return problems.length === before;
}

function checkLandlord(value: unknown, problems: string[]): value is WireLandlord {
  if (!isObject(value, 'landlord', problems)) return false;
  const before = problems.length;
  requiredString(value.firstName, 'landlord.firstName', problems);
  requiredString(value.lastName, 'landlord.lastName', problems);
  if (requiredString(value.email, 'landlord.email', problems) && !EMAIL.test(value.email as string)) {
    problems.push('landlord.email must be an email');
  }
  checkAddress(value.address, 'landlord.address', problems);
  return problems.length === before;
}

function checkTenantEmails(value: unknown, problems: string[]): string[] | undefined {
  if (value === undefined || value === null) return void problems.push('tenantEmails should not be empty');
  if (!Array.isArray(value)) return void problems.push('tenantEmails must be an array');
  if (value.length === 0) return void problems.push('tenantEmails should not be empty');
  const before = problems.length;
  value.forEach((email: unknown, i) => {
    if (typeof email !== 'string' || !EMAIL.test(email)) problems.push(`tenantEmails[${i}] must be an email`);
  });
  if (problems.length > before) return undefined;
  const emails = value as string[];
  if (new Set(emails.map((email) => email.trim().toLowerCase())).size !== emails.length) {
    problems.push("tenantEmails must not contain the same tenant twice");
  }
  return emails;
}

/** Pounds with at most two decimals; the tolerance absorbs binary fractions (1234.56 × 100 = 123456.00000000001). */
function wholePence(pounds: number): boolean {
  return Math.abs(pounds * 100 - Math.round(pounds * 100)) < 1e-6;
}

function isObject(value: unknown, field: string, problems: string[]): value is Body {
  if (value === undefined || value === null) problems.push(`${field} should not be empty`);
  else if (typeof value !== 'object' || Array.isArray(value)) problems.push(`${field} must be an object`);
  else return true;
  return false;
}

function requiredString(value: unknown, field: string, problems: string[]): boolean {
  if (value === undefined || value === null || value === '') problems.push(`${field} should not be empty`);
  else if (typeof value !== 'string') problems.push(`${field} must be a string`);
  else if (value.trim() === '') problems.push(`${field} should not be empty`);
  else return true;
  return false;
}

/** A real YYYY-MM-DD day (not 2024-02-30), as the same string; undefined after reporting why not. */
function calendarDate(value: unknown, field: string, problems: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return void problems.push(`${field} should not be empty`);
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return void problems.push(`${field} must be a date in YYYY-MM-DD format`);
  const parsed = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    return void problems.push(`${field} must be a valid calendar date`);
  }
  return value;
}
