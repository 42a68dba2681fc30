import { describe, expect, it } from 'vitest';
import { AgencyFieldError, readVendorCredentials } from '../../src/agencies/agency-input';
import { ConfigError, loadConfig } from '../../src/config';
import { VENDOR_KEYS, VENDORS } from '../../src/sources/vendors';

/** Each vendor's account, as its descriptor's schema says it is written: every new vendor is tested here too. */
describe.each(VENDOR_KEYS)('the %s account', (key) => {
  const { account } = VENDORS[key];
  const credentials: Record<string, string> = account.credentials;
  const baseUrlVariable = `${account.envPrefix}_BASE_URL`;
  const valueOf = (variable: string) => `value-of-${variable.toLowerCase()}`;
  const variables = Object.fromEntries([[baseUrlVariable, 'https://vendor.example/'], ...Object.values(credentials).map((name) => [name, valueOf(name)])]);
  const expected = { baseUrl: 'https://vendor.example', ...Object.fromEntries(Object.entries(credentials).map(([field, name]) => [field, valueOf(name)])) };

  it("is read from agency default's variables, each credential from its own", () => {
    const config = loadConfig(variables);
    expect(config.agency[key]).toEqual(expected);
    for (const other of VENDOR_KEYS.filter((vendor) => vendor !== key)) expect(config.agency[other]).toBeNull();
  });

  it.each(Object.values(credentials))('is refused without %s, naming it and never a value', (missing) => {
    const { [missing]: _, ...rest } = variables;
    let error: unknown;
    try {
      loadConfig(rest);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(missing);
    for (const value of Object.values(rest)) expect((error as Error).message).not.toContain(value);
  });

  it('sizes its pool from its own variable', () => {
    expect(loadConfig({ [`${account.envPrefix}_MAX_CONNECTIONS`]: '7' }).vendorConnections[key]).toBe(7);
  });

  it('takes the same fields in an agency of its own', () => {
    const fields: Record<string, string> = { baseUrl: 'https://vendor.example/', ...Object.fromEntries(Object.keys(credentials).map((field) => [field, valueOf(credentials[field]!)])) };
    expect(readVendorCredentials(key, fields, `vendors.${key}`, (raw) => raw)).toEqual(expected);
    for (const field of Object.keys(credentials)) {
      const { [field]: _, ...rest } = fields;
      expect(() => readVendorCredentials(key, rest, `vendors.${key}`, (raw) => raw)).toThrow(new AgencyFieldError(`vendors.${key}.${field}`, 'a value (it is required)'));
    }
  });

  it.skipIf('defaultBaseUrl' in account)('is refused without its base URL, as the vendor has no default', () => {
    const { [baseUrlVariable]: _, ...withoutBaseUrl } = variables;
    expect(() => loadConfig(withoutBaseUrl)).toThrow(ConfigError);
  });

  it.runIf('defaultBaseUrl' in account)('falls back to the documented base URL without one', () => {
    const { [baseUrlVariable]: _, ...withoutBaseUrl } = variables;
    expect(loadConfig(withoutBaseUrl).agency[key]?.baseUrl).toBe((account as { defaultBaseUrl: string }).defaultBaseUrl);
  });
});
