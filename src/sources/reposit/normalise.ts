import { PayloadError, toDate, toInteger, toMinorUnits, toOptionalDate } from '../normalise';
import type {
  CreateRepositInput,
  Reposit,
  RepositAddress,
  RepositAgent,
  RepositLandlord,
  RepositPolicy,
  RepositStatus,
  RepositSupplier,
  RepositTenant,
} from './types';
import type {
  WireAddress,
  WireAgent,
  WireCreateRepositRequest,
  WireLandlord,
  WirePolicy,
  WireReposit,
  WireSupplier,
  WireSupplierSummary,
  WireTenant,
} from './wire';

const ZONELESS_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/**
 * Reposit writes the supplier's `created_at` as `2018-11-10 11:12:11.999`, with no zone, where
 * every other timestamp is ISO 8601 in UTC; it is read as UTC too, never as the host's local time.
 */
export function toRepositTimestamp(value: unknown, field: string): Date {
  const zoneless = typeof value === 'string' ? ZONELESS_TIMESTAMP.exec(value.trim()) : null;
  return zoneless ? toDate(`${zoneless[1]}T${zoneless[2]}Z`, field) : toDate(value, field);
}

/** A YYYY-MM-DD date as 00:00 UTC of that day. */
function toCalendarDate(value: unknown, field: string): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new PayloadError(`${field}: expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  }
  return toDate(`${value}T00:00:00.000Z`, field);
}

/** The UTC calendar date of an instant, as Reposit's YYYY-MM-DD. */
function toCalendarDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toAddress(wire: WireAddress): RepositAddress {
  const address: RepositAddress = { line1: wire.line1, town: wire.town, country: wire.country, postcode: wire.postcode };
  if (typeof wire.line2 === 'string' && wire.line2 !== '') address.line2 = wire.line2;
  return address;
}

export function toSupplier(wire: WireSupplier | WireSupplierSummary): RepositSupplier {
  const supplier: RepositSupplier = { id: wire.id, name: wire.name, type: wire.type };
  if ('created_at' in wire) supplier.createdAt = toRepositTimestamp(wire.created_at, 'supplier.created_at');
  return supplier;
}

export function toAgent(wire: WireAgent): RepositAgent {
  return { id: wire.id, firstName: wire.firstName, lastName: wire.lastName };
}

export function toTenant(wire: WireTenant, field = 'tenant'): RepositTenant {
  return { email: wire.email, createdAt: toDate(wire.createdAt, `${field}.createdAt`), status: wire.status };
}

export function toReposit(wire: WireReposit): Reposit {
  const closedAt = toOptionalDate(wire.closedAt, 'reposit.closedAt');
  const deactivatedAt = toOptionalDate(wire.deactivatedAt, 'reposit.deactivatedAt');
  const tenants = wire.tenants.map((tenant, i) => toTenant(tenant, `reposit.tenants[${i}]`));
  const reposit: Reposit = {
    id: wire.id,
    monthlyRentPence: toMinorUnits(wire.ppm, 'reposit.ppm'),
    headcount: toInteger(wire.headcount, 'reposit.headcount'),
    startDate: toCalendarDate(wire.startDate, 'reposit.startDate'),
    endDate: toCalendarDate(wire.endDate, 'reposit.endDate'),
    letOnly: wire.letOnly ?? false,
    createdAt: toDate(wire.createdAt, 'reposit.createdAt'),
    status: statusOf(tenants, closedAt, deactivatedAt),
    address: toAddress(wire.address),
    agent: toAgent(wire.agent),
    supplier: toSupplier(wire.supplier),
    tenants,
    landlordUrl: wire.landlordUrl,
    policiesUrl: wire.policiesUrl,
  };
  if (closedAt) reposit.closedAt = closedAt;
  if (deactivatedAt) reposit.deactivatedAt = deactivatedAt;
  return reposit;
}

function statusOf(tenants: RepositTenant[], closedAt: Date | undefined, deactivatedAt: Date | undefined): RepositStatus {
  if (deactivatedAt) return 'DEACTIVATED';
  if (closedAt) return 'CLOSED';
  return tenants.length > 0 && tenants.every((tenant) => tenant.status === 'PAID') ? 'ACTIVE' : 'PENDING';
}

export function toLandlord(wire: WireLandlord): RepositLandlord {
  return { firstName: wire.firstName, lastName: wire.lastName, email: wire.email, address: toAddress(wire.address) };
}

export function toPolicy(wire: WirePolicy, index = 0): RepositPolicy {
  const field = `policies[${index}]`;
  return {
    id: wire.id,
    typeId: wire.type.id,
    category: wire.type.category,
    startDate: toDate(wire.startDate, `${field}.startDate`),
    endDate: toDate(wire.endDate, `${field}.endDate`),
    documents: wire.documents.map((document, i) => ({
      id: document.id,
      type: document.type,
      name: document.name,
      href: document.href,
      createdAt: toDate(document.createdAt, `${field}.documents[${i}].createdAt`),
    })),
  };
}

function toWireAddress(address: RepositAddress): WireAddress {
  const wire: WireAddress = { line1: address.line1, town: address.town, country: address.country, postcode: address.postcode };
  if (address.line2 !== undefined && address.line2 !== '') wire.line2 = address.line2;
  return wire;
}

/** The create payload; `headcount` is the number of tenant e-mails, so the two always agree. */
export function toCreateRepositRequest(input: CreateRepositInput): WireCreateRepositRequest {
  const request: WireCreateRepositRequest = {
    address: toWireAddress(input.address),
    landlord: {
      firstName: input.landlord.firstName,
      lastName: input.landlord.lastName,
      email: input.landlord.email,
      address: toWireAddress(input.landlord.address),
    },
    agentId: input.agentId,
    ppm: poundsOf(input.monthlyRentPence),
    headcount: input.tenantEmails.length,
    startDate: toCalendarDateString(input.startDate),
    endDate: toCalendarDateString(input.endDate),
    tenantEmails: [...input.tenantEmails],
  };
  if (input.letOnly !== undefined) request.letOnly = input.letOnly;
  return request;
}

function poundsOf(pence: number): number {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`monthlyRentPence: expected whole pence, got ${pence}`);
  // Division by 100 is correctly rounded, so the double is the nearest one to the exact pounds.
  return pence / 100;
}
