import type { RedisClient } from '../redis-client';
import type { Agency, AgencyVendors, VendorKey } from './agency';
import { AgencyChangeError } from './agency-change-error';
import { AgencyFieldError, readAgencyId, readAgencyName, readVendorCredentials, readVendorKey, VENDOR_KEYS, type ReadCredential } from './agency-input';
import { CredentialOpenError, type CredentialCipher } from './credential-cipher';

export interface RuntimeAgencyStoreOptions {
  redis: RedisClient;
  /**
   * Start of every key and of the change channel. Required so that several deployments (or test
   * runs) can share one Redis without serving each other's agencies.
   */
  prefix: string;
  /** From CREDENTIALS_KEY. Without it every change is refused, and stored credentials are not read. */
  cipher: CredentialCipher | undefined;
  /** Where a stored agency that cannot be read is reported; its line names the agency and vendor only. @default console.warn */
  log?: (line: string) => void;
}

/** Agencies added by the admin mutations, in Redis, each vendor's credentials sealed with the cipher. */
export interface RuntimeAgencyStore {
  /** The pub/sub channel on which every change publishes the agency's id. */
  readonly channel: string;
  create(input: { id: string; name: string }): Promise<Agency>;
  /** Sets or replaces one vendor's account of the agency: `{ baseUrl?, ...credentials }`, as in AGENCIES_FILE. */
  setVendorCredentials(id: string, vendor: VendorKey, credentials: unknown): Promise<void>;
  removeVendor(id: string, vendor: VendorKey): Promise<void>;
  delete(id: string): Promise<void>;
  /** Undefined for an agency not stored, and for one whose credentials do not open (logged). */
  get(id: string): Promise<Agency | undefined>;
  list(): Promise<Agency[]>;
}

// Each write and its PUBLISH in one script: no instance hears of a change before it can read it.
// The scripts touch the agency's own key only, so that on a cluster each runs in the agency's
// slot; the index of ids (another slot) is written after, as a separate step (see create, delete).
const CREATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'name', ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[1])
return 1`;

// A change to an agency deleted meanwhile must not bring back a nameless half of it.
const CHANGE_VENDOR_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[2]) else redis.call('HSET', KEYS[1], ARGV[2], ARGV[3]) end
redis.call('PUBLISH', ARGV[4], ARGV[1])
return 1`;

const DELETE_SCRIPT = `
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('PUBLISH', ARGV[2], ARGV[1])
return 1`;

// Only if the value is still the one read: a replacement written meanwhile wins.
const RESEAL_SCRIPT = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

/** Credentials set at run time are literal: `${NAME}` would let an admin send the gateway's environment to a base URL of their choice. */
const literalOnly: ReadCredential = (raw, path) => {
  if (raw.includes('${')) throw new AgencyFieldError(path, 'a literal value (${NAME} is read from the environment only in AGENCIES_FILE)');
  return raw;
};

/**
 * Keys: `<prefix>:{<id>}:agency`, a hash of `name` and `vendor:<vendor>` → sealed credentials, so
 * that each agency's keys share a Redis Cluster slot; `<prefix>:agencies`, the set of their ids.
 */
export function createRuntimeAgencyStore(options: RuntimeAgencyStoreOptions): RuntimeAgencyStore {
  const { redis, prefix, cipher } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const indexKey = `${prefix}:agencies`;
  const agencyKey = (id: string) => `${prefix}:{${id}}:agency`;
  const vendorField = (vendor: VendorKey) => `vendor:${vendor}`;
  const channel = `${prefix}:agencies:changed`;

  function requireCipher(): CredentialCipher {
    if (!cipher) throw new AgencyChangeError('RUNTIME_CHANGES_REFUSED', 'CREDENTIALS_KEY is not set, so run-time changes to agencies are refused; agencies of AGENCIES_FILE and the environment still work');
    return cipher;
  }

  async function changeVendor(id: string, vendor: VendorKey, sealed: string): Promise<void> {
    const changed = await redis.eval(CHANGE_VENDOR_SCRIPT, 1, agencyKey(id), id, vendorField(vendor), sealed, channel);
    if (changed === 0) throw new AgencyChangeError('AGENCY_NOT_FOUND', `id: no run-time agency "${id}"`);
  }

  async function readAgency(id: string, hash: Record<string, string>): Promise<Agency | undefined> {
    if (hash.name === undefined) return undefined;
    const vendors: AgencyVendors = {};
    for (const vendor of VENDOR_KEYS) {
      const sealed = hash[vendorField(vendor)];
      if (sealed === undefined) continue;
      const account = await openVendor(id, vendor, sealed);
      if (!account) return undefined;
      (vendors as Record<VendorKey, unknown>)[vendor] = account;
    }
    return { id, name: hash.name, source: 'runtime', vendors };
  }

  async function openVendor(id: string, vendor: VendorKey, sealed: string): Promise<unknown> {
    if (!cipher) {
      log(`agencies: agency ${id} holds ${vendor} credentials and CREDENTIALS_KEY is not set to open them; agency skipped`);
      return undefined;
    }
    let account: unknown;
    try {
      account = readVendorCredentials(vendor, cipher.open(id, vendor, sealed), vendor, literalOnly);
    } catch (error) {
      if (!(error instanceof CredentialOpenError) && !(error instanceof AgencyFieldError)) throw error;
      log(`agencies: agency ${id}'s ${vendor} credentials do not open with CREDENTIALS_KEY or CREDENTIALS_KEY_PREVIOUS; agency skipped`);
      return undefined;
    }
    // So that CREDENTIALS_KEY_PREVIOUS can be dropped once every value has been read once.
    if (cipher.sealedWithPrevious(sealed)) {
      await redis.eval(RESEAL_SCRIPT, 1, agencyKey(id), vendorField(vendor), sealed, cipher.seal(id, vendor, account)).catch((error: Error) => {
        log(`agencies: agency ${id}'s ${vendor} credentials could not be re-sealed with CREDENTIALS_KEY (${error.message}); read with CREDENTIALS_KEY_PREVIOUS meanwhile`);
      });
    }
    return account;
  }

  return {
    channel,

    async create(input) {
      requireCipher();
      const id = readAgencyId(input.id, 'id');
      const name = readAgencyName(input.name, 'name');
      // Indexed before the agency is written, so that an instance told of it finds it in a full
      // read too; an id indexed without its agency key (a create refused or cut short) reads as no agency.
      await redis.sadd(indexKey, id);
      const created = await redis.eval(CREATE_SCRIPT, 1, agencyKey(id), id, name, channel);
      // Once more after: a delete of the same id on another instance may have removed it in between.
      await redis.sadd(indexKey, id);
      if (created === 0) throw new AgencyChangeError('AGENCY_EXISTS', `id: a run-time agency "${id}" exists already`);
      return { id, name, source: 'runtime', vendors: {} };
    },

    async setVendorCredentials(id, vendor, credentials) {
      const sealing = requireCipher();
      readAgencyId(id, 'id');
      readVendorKey(vendor, 'vendor');
      const account = readVendorCredentials(vendor, credentials, 'credentials', literalOnly);
      await changeVendor(id, vendor, sealing.seal(id, vendor, account));
    },

    async removeVendor(id, vendor) {
      requireCipher();
      readAgencyId(id, 'id');
      readVendorKey(vendor, 'vendor');
      await changeVendor(id, vendor, '');
    },

    async delete(id) {
      requireCipher();
      readAgencyId(id, 'id');
      const deleted = await redis.eval(DELETE_SCRIPT, 1, agencyKey(id), id, channel);
      if (deleted === 0) throw new AgencyChangeError('AGENCY_NOT_FOUND', `id: no run-time agency "${id}"`);
      await redis.srem(indexKey, id);
      // Created again meanwhile on another instance, whose index entry this SREM removed: put it back.
      if (await redis.exists(agencyKey(id))) await redis.sadd(indexKey, id);
    },

    async get(id) {
      readAgencyId(id, 'id');
      return readAgency(id, await redis.hgetall(agencyKey(id)));
    },

    async list() {
      const ids = (await redis.smembers(indexKey)).sort();
      if (ids.length === 0) return [];
      // One command per agency, not a pipeline: on a cluster their keys are in different slots.
      const hashes = await Promise.all(ids.map((id) => redis.hgetall(agencyKey(id))));
      const agencies: Agency[] = [];
      for (const [index, id] of ids.entries()) {
        const agency = await readAgency(id, hashes[index]!);
        if (agency) agencies.push(agency);
      }
      return agencies;
    },
  };
}
