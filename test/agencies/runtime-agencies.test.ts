import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AgencyChangeError } from '../../src/agencies/agency-change-error';
import { AgencyFieldError } from '../../src/agencies/agency-input';
import { createCredentialCipher, type CredentialCipher } from '../../src/agencies/credential-cipher';
import { createRuntimeAgencyStore } from '../../src/agencies/runtime-agencies';
import { DEFAULT_BASE_URLS } from '../../src/agencies/agency-input';

const NORTH_REPOSIT = { apiKey: 'sk_live_north-reposit-key-that-must-not-show' };
const NORTH_SERVICING = { baseUrl: 'https://servicing.example/', token: 'north-servicing-token-that-must-not-show' };
const SOUTH_REPOSIT = { apiKey: 'sk_live_south-reposit-key-that-must-not-show' };
const SECRETS = [NORTH_REPOSIT.apiKey, NORTH_SERVICING.token, SOUTH_REPOSIT.apiKey];

const redis = new Redis({ host: '127.0.0.1', port: 6379 });
afterAll(() => redis.quit());

const prefixes: string[] = [];
afterEach(async () => {
  for (const prefix of prefixes.splice(0)) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
});

function useStore(cipher: CredentialCipher | undefined, prefix = `test-${randomBytes(6).toString('hex')}`) {
  prefixes.push(prefix);
  const logged: string[] = [];
  const store = createRuntimeAgencyStore({ redis, prefix, cipher, log: (line) => logged.push(line) });
  return { store, prefix, logged };
}

/** Every value stored under the prefix, as Redis holds it. */
async function rawValues(prefix: string): Promise<string[]> {
  const values: string[] = [];
  for (const key of await redis.keys(`${prefix}:*`)) {
    values.push(key);
    const type = await redis.type(key);
    if (type === 'hash') values.push(...Object.entries(await redis.hgetall(key)).flat());
    else if (type === 'set') values.push(...(await redis.smembers(key)));
    else values.push(String(await redis.get(key)));
  }
  return values;
}

async function refusalOf(action: Promise<unknown>): Promise<Error> {
  const error = await action.then(
    () => undefined,
    (reason: Error) => reason,
  );
  if (!error) throw new Error('expected a refusal');
  for (const secret of SECRETS) expect(error.message).not.toContain(secret);
  return error;
}

describe('run-time agencies', () => {
  const cipher = createCredentialCipher({ current: randomBytes(32) });

  it('creates, sets and replaces credentials, removes a vendor and deletes, reading back what was set', async () => {
    const { store } = useStore(cipher);
    expect(await store.create({ id: 'north', name: ' North Lettings ' })).toEqual({ id: 'north', name: 'North Lettings', source: 'runtime', vendors: {} });
    await store.setVendorCredentials('north', 'reposit', NORTH_REPOSIT);
    await store.setVendorCredentials('north', 'canopyServicing', { token: 'first-token' });
    await store.setVendorCredentials('north', 'canopyServicing', NORTH_SERVICING);
    expect(await store.get('north')).toEqual({
      id: 'north',
      name: 'North Lettings',
      source: 'runtime',
      vendors: { reposit: { baseUrl: DEFAULT_BASE_URLS.reposit, ...NORTH_REPOSIT }, canopyServicing: { baseUrl: 'https://servicing.example', token: NORTH_SERVICING.token } },
    });
    await store.removeVendor('north', 'canopyServicing');
    expect((await store.get('north'))?.vendors).toEqual({ reposit: { baseUrl: DEFAULT_BASE_URLS.reposit, ...NORTH_REPOSIT } });
    await store.create({ id: 'south', name: 'South' });
    expect((await store.list()).map((agency) => agency.id)).toEqual(['north', 'south']);
    await store.delete('north');
    expect(await store.get('north')).toBeUndefined();
    expect((await store.list()).map((agency) => agency.id)).toEqual(['south']);
  });

  it('refuses an id taken, an agency not there, and bad input, naming the field and never the value', async () => {
    const { store } = useStore(cipher);
    await store.create({ id: 'north', name: 'North' });
    expect(await refusalOf(store.create({ id: 'north', name: 'Again' }))).toMatchObject({ code: 'AGENCY_EXISTS' });
    expect(await refusalOf(store.setVendorCredentials('gone', 'reposit', NORTH_REPOSIT))).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect(await refusalOf(store.delete('gone'))).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect(await refusalOf(store.create({ id: 'North Lettings', name: 'N' }))).toMatchObject({ path: 'id' });
    const typo = await refusalOf(store.setVendorCredentials('north', 'reposit', { apikey: NORTH_REPOSIT.apiKey }));
    expect(typo).toBeInstanceOf(AgencyFieldError);
    expect(typo.message).toBe('credentials.apikey: expected only baseUrl, apiKey (unknown field)');
    expect((await refusalOf(store.setVendorCredentials('north', 'canopyReferencing', { clientId: 'c', secretKey: NORTH_REPOSIT.apiKey, apiKey: 'a' }))).message).toMatch(/^credentials\.baseUrl: expected an http\(s\) URL/);
    // ${NAME} would read the gateway's own environment into credentials an admin chooses where to send.
    expect((await refusalOf(store.setVendorCredentials('north', 'reposit', { apiKey: '${CREDENTIALS_KEY}' }))).message).toMatch(/^credentials\.apiKey: expected a literal value/);
    expect((await refusalOf(store.setVendorCredentials('north', 'deposito' as 'reposit', NORTH_REPOSIT))).message).toMatch(/^vendor: expected one of/);
    expect((await store.get('north'))?.vendors).toEqual({});
  });

  it('keeps no plaintext credential in Redis, and keys each agency under its {hash tag}', async () => {
    const { store, prefix } = useStore(cipher);
    await store.create({ id: 'north', name: 'North' });
    await store.setVendorCredentials('north', 'reposit', NORTH_REPOSIT);
    await store.setVendorCredentials('north', 'canopyServicing', NORTH_SERVICING);
    expect((await redis.keys(`${prefix}:*`)).sort()).toEqual([`${prefix}:agencies`, `${prefix}:{north}:agency`]);
    const stored = (await rawValues(prefix)).join('\n');
    for (const secret of SECRETS) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(Buffer.from(secret).toString('base64'));
      expect(stored).not.toContain(Buffer.from(secret).toString('base64url'));
    }
  });

  it('does not open a sealed value copied to another agency, skips that agency with a line naming only it, and serves the other', async () => {
    const { store, prefix, logged } = useStore(cipher);
    await store.create({ id: 'north', name: 'North' });
    await store.setVendorCredentials('north', 'reposit', NORTH_REPOSIT);
    await store.create({ id: 'south', name: 'South' });
    await store.setVendorCredentials('south', 'reposit', SOUTH_REPOSIT);
    const northSealed = await redis.hget(`${prefix}:{north}:agency`, 'vendor:reposit');
    await redis.hset(`${prefix}:{south}:agency`, 'vendor:reposit', northSealed!);

    expect(await store.get('south')).toBeUndefined();
    const listed = await store.list();
    expect(listed.map((agency) => agency.id)).toEqual(['north']);
    expect(JSON.stringify(listed)).not.toContain(SOUTH_REPOSIT.apiKey);
    expect(logged).toContain("agencies: agency south's reposit credentials do not open with CREDENTIALS_KEY or CREDENTIALS_KEY_PREVIOUS; agency skipped");
    for (const line of logged) for (const secret of SECRETS) expect(line).not.toContain(secret);
    expect(logged.join('\n')).not.toContain('north');
  });

  it('refuses every change without CREDENTIALS_KEY, saying so, and opens nothing it holds', async () => {
    const { store: sealing, prefix } = useStore(cipher);
    await sealing.create({ id: 'north', name: 'North' });
    await sealing.setVendorCredentials('north', 'reposit', NORTH_REPOSIT);
    await sealing.create({ id: 'idle', name: 'Idle' });
    const { store, logged } = useStore(undefined, prefix);

    const changes = [
      store.create({ id: 'south', name: 'South' }),
      store.setVendorCredentials('north', 'reposit', SOUTH_REPOSIT),
      store.removeVendor('north', 'reposit'),
      store.delete('north'),
    ];
    for (const change of changes) {
      const error = await refusalOf(change);
      expect(error).toBeInstanceOf(AgencyChangeError);
      expect(error).toMatchObject({ code: 'RUNTIME_CHANGES_REFUSED' });
      expect(error.message).toMatch(/^CREDENTIALS_KEY is not set, so run-time changes to agencies are refused/);
    }
    expect((await store.list()).map((agency) => agency.id)).toEqual(['idle']);
    expect(logged).toEqual(['agencies: agency north holds reposit credentials and CREDENTIALS_KEY is not set to open them; agency skipped']);
    expect((await sealing.get('north'))?.vendors.reposit?.apiKey).toBe(NORTH_REPOSIT.apiKey);
  });

  it('during a key change opens what the old key sealed, and re-seals it with the new key', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const { store: before, prefix } = useStore(createCredentialCipher({ current: oldKey }));
    await before.create({ id: 'north', name: 'North' });
    await before.setVendorCredentials('north', 'reposit', NORTH_REPOSIT);
    const oldSealed = await redis.hget(`${prefix}:{north}:agency`, 'vendor:reposit');

    const rotating = createCredentialCipher({ current: newKey, previous: oldKey });
    expect(rotating.sealedWithPrevious(oldSealed!)).toBe(true);
    const { store: during } = useStore(rotating, prefix);
    expect((await during.list())[0]?.vendors.reposit?.apiKey).toBe(NORTH_REPOSIT.apiKey);

    const resealed = await redis.hget(`${prefix}:{north}:agency`, 'vendor:reposit');
    expect(resealed).not.toBe(oldSealed);
    expect(rotating.sealedWithPrevious(resealed!)).toBe(false);
    const { store: after, logged } = useStore(createCredentialCipher({ current: newKey }), prefix);
    expect((await after.get('north'))?.vendors.reposit?.apiKey).toBe(NORTH_REPOSIT.apiKey);
    expect(logged).toEqual([]);
  });
});
