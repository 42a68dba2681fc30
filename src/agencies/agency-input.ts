import type { VendorAccountSchema } from '../sources/vendor-module';
import { VENDOR_KEYS, VENDORS } from '../sources/vendors';
import { AGENCY_ID, type AgencyVendors, type VendorKey } from './agency';

export { VENDOR_KEYS } from '../sources/vendors';

type VendorsWithDefaultBaseUrl = { [K in VendorKey]: (typeof VENDORS)[K]['account'] extends { defaultBaseUrl: string } ? K : never }[VendorKey];

/** Where a vendor is when an agency does not say, for the vendors whose documentation says. */
export const DEFAULT_BASE_URLS = Object.fromEntries(
  VENDOR_KEYS.flatMap((key) => {
    const { account } = VENDORS[key];
    return 'defaultBaseUrl' in account ? [[key, account.defaultBaseUrl]] : [];
  }),
) as Record<VendorsWithDefaultBaseUrl, string>;

/**
 * An agency's fields read from input nobody has checked yet: AGENCIES_FILE and the admin mutations
 * share these rules. Errors name the path and the rule, never the value: a value may be a credential.
 */
export class AgencyFieldError extends Error {
  override name = 'AgencyFieldError';
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path}: expected ${expected}`);
  }
}

/** Turns a credential as written into the value to use: `${NAME}` substitution in the file, refusal at run time. */
export type ReadCredential = (raw: string, path: string) => string;

const NAME_MAX = 200;

export function readAgencyId(value: unknown, path: string): string {
  if (typeof value !== 'string' || !AGENCY_ID.test(value)) throw new AgencyFieldError(path, 'an id of 1 to 63 lower-case letters, digits or "-"');
  return value;
}

export function readAgencyName(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > NAME_MAX || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new AgencyFieldError(path, `a name of 1 to ${NAME_MAX} characters, without control characters`);
  }
  return value.trim();
}

export function readVendorKey(value: unknown, path: string): VendorKey {
  if (typeof value !== 'string' || !VENDOR_KEYS.includes(value as VendorKey)) throw new AgencyFieldError(path, `one of ${VENDOR_KEYS.join(', ')}`);
  return value as VendorKey;
}

/** `vendors` of an agency: each vendor it uses, with its base URL and credentials; a vendor left out is not used. */
export function readVendors(value: unknown, path: string, readCredential: ReadCredential): AgencyVendors {
  const fields = readMapping(value, path, VENDOR_KEYS);
  const vendors: AgencyVendors = {};
  for (const vendor of VENDOR_KEYS) {
    if (fields[vendor] === undefined) continue;
    (vendors as Record<VendorKey, unknown>)[vendor] = readVendorCredentials(vendor, fields[vendor], `${path}.${vendor}`, readCredential);
  }
  return vendors;
}

/** One vendor's account: `baseUrl` (defaulted where the vendor has a public one) and every credential it needs. */
export function readVendorCredentials<V extends VendorKey>(vendor: V, value: unknown, path: string, readCredential: ReadCredential): NonNullable<AgencyVendors[V]> {
  const schema: VendorAccountSchema<string> = VENDORS[vendor].account;
  const credentials = Object.keys(schema.credentials);
  const fields = readMapping(value, path, ['baseUrl', ...credentials]);
  const account: Record<string, string> = { baseUrl: readBaseUrl(fields.baseUrl, `${path}.baseUrl`, schema.defaultBaseUrl, readCredential) };
  for (const name of credentials) {
    const raw = fields[name];
    if (raw === undefined || raw === null) throw new AgencyFieldError(`${path}.${name}`, 'a value (it is required)');
    if (typeof raw !== 'string' || raw.trim() === '') throw new AgencyFieldError(`${path}.${name}`, 'a non-empty string (quote values that look like numbers)');
    account[name] = readCredential(raw.trim(), `${path}.${name}`);
  }
  return account as unknown as NonNullable<AgencyVendors[V]>;
}

function readBaseUrl(value: unknown, path: string, fallback: string | undefined, readCredential: ReadCredential): string {
  if (value === undefined || value === null) {
    if (fallback === undefined) throw new AgencyFieldError(path, 'an http(s) URL (this vendor has no default)');
    return fallback;
  }
  if (typeof value !== 'string') throw new AgencyFieldError(path, 'an http(s) URL');
  const url = readCredential(value.trim(), path);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AgencyFieldError(path, 'an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AgencyFieldError(path, 'a URL starting with http: or https:');
  // A password in the URL would travel with every call and show wherever the URL is shown.
  if (parsed.username || parsed.password) throw new AgencyFieldError(path, 'a URL without a user name or password (credentials have fields of their own)');
  return url.replace(/\/+$/, '');
}

/** A mapping whose keys are all known: a credential's name mistyped must not pass as a vendor left without it. */
export function readMapping(value: unknown, path: string, known: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AgencyFieldError(path, `a mapping of ${known.join(', ')}`);
  for (const key of Object.keys(value)) {
    // A key that is not a field name could be a secret pasted in the wrong place: not quoted.
    if (!known.includes(key)) throw new AgencyFieldError(/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key) ? `${path}.${key}` : path, `only ${known.join(', ')} (unknown field)`);
  }
  return value as Record<string, unknown>;
}
