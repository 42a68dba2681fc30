import type { RedisClient } from '../redis-client';
import { AGENCY_ID, type Agency, type AgencyRegistry, type AgencySource, type VendorKey } from './agency';
import { AgencyChangeError } from './agency-change-error';
import type { RuntimeAgencyStore } from './runtime-agencies';

export interface AgencyRegistryOptions {
  /** The agencies of AGENCIES_FILE, the environment and sandbox mode, resolved at start; they never change at run time. */
  configured: Agency[];
  /** Run-time agencies; without a store (no Redis) only the configured agencies are served, and changes are refused. */
  runtime?: RuntimeAgencyStore;
  /** A connection for SUBSCRIBE (which takes a connection over), to hear of changes made on other instances. */
  subscriber?: RedisClient;
  /** How often every run-time agency is read again, in case a change message was missed. @default 30_000 */
  resyncIntervalMs?: number;
  /** @default console.warn */
  log?: (line: string) => void;
}

/**
 * The agency registry, and the one way to change run-time agencies: a change made here is served
 * here at once, and reaches every other instance through the store's change channel.
 */
export interface LiveAgencyRegistry extends AgencyRegistry {
  /** Settles once the run-time agencies have been read the first time; rejects if that read fails (each resync tries again). */
  readonly ready: Promise<void>;
  /** Refused for an id already configured. The answer holds no credentials. */
  create(input: { id: string; name: string }): Promise<Agency>;
  setVendorCredentials(id: string, vendor: VendorKey, credentials: unknown): Promise<void>;
  removeVendor(id: string, vendor: VendorKey): Promise<void>;
  delete(id: string): Promise<void>;
  /** Stops listening; the Redis connections are the caller's to close. */
  dispose(): Promise<void>;
}

const DEFINED_IN: Record<AgencySource, string> = {
  file: 'AGENCIES_FILE',
  environment: 'the environment',
  sandbox: 'sandbox mode',
  runtime: 'Redis',
};

export function createAgencyRegistry(options: AgencyRegistryOptions): LiveAgencyRegistry {
  const { runtime, subscriber } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const resyncIntervalMs = options.resyncIntervalMs ?? 30_000;
  const configured = configuredById(options.configured);
  const runtimeAgencies = new Map<string, Agency>();
  const listeners = new Set<(agencyId: string) => void>();
  const shadowed = new Set<string>();
  let disposed = false;

  // Loads run one after another, so that a full read begun before a change never undoes its reload.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (load: () => Promise<void>): Promise<void> => {
    const next = queue.then(load);
    queue = next.catch(() => undefined);
    return next;
  };

  function apply(id: string, agency: Agency | undefined): void {
    if (configured.has(id)) {
      if (agency && !shadowed.has(id)) log(`agencies: run-time agency ${id} is ignored, as ${DEFINED_IN[configured.get(id)!.source]} defines ${id}`);
      if (agency) shadowed.add(id);
      return;
    }
    if (JSON.stringify(runtimeAgencies.get(id)) === JSON.stringify(agency)) return;
    if (agency) runtimeAgencies.set(id, agency);
    else runtimeAgencies.delete(id);
    if (disposed) return;
    for (const listener of listeners) {
      try {
        listener(id);
      } catch (error) {
        log(`agencies: a change listener failed for agency ${id}: ${(error as Error).message}`);
      }
    }
  }

  const reloadOne = (store: RuntimeAgencyStore, id: string) => enqueue(async () => apply(id, await store.get(id)));
  const reloadAll = (store: RuntimeAgencyStore) =>
    enqueue(async () => {
      const agencies = await store.list();
      const listed = new Set(agencies.map((agency) => agency.id));
      for (const agency of agencies) apply(agency.id, agency);
      for (const id of [...runtimeAgencies.keys()]) if (!listed.has(id)) apply(id, undefined);
    });
  // Redis down: the last agencies read stay served.
  const keepLastKnown = (error: Error) => {
    log(`agencies: run-time agencies could not be read (${error.message}); serving the last ones read`);
  };

  let connectionLost = false;
  const onMessage = (channel: string, message: string) => {
    if (runtime && channel === runtime.channel && AGENCY_ID.test(message)) reloadOne(runtime, message).catch(keepLastKnown);
  };
  const onClose = () => {
    connectionLost = true;
  };
  // Messages published while the connection was down are lost: everything is read again once it listens again.
  const onReady = () => {
    if (!runtime || !subscriber || !connectionLost) return;
    connectionLost = false;
    subscriber
      .subscribe(runtime.channel)
      .then(() => reloadAll(runtime))
      .catch(keepLastKnown);
  };

  let timer: NodeJS.Timeout | undefined;
  const start = async (store: RuntimeAgencyStore) => {
    let resyncing = false;
    // One resync at a time: with Redis down, reads wait for it, and must not pile up meanwhile.
    timer = setInterval(() => {
      if (resyncing) return;
      resyncing = true;
      reloadAll(store)
        .catch(keepLastKnown)
        .finally(() => (resyncing = false));
    }, resyncIntervalMs);
    timer.unref();
    if (subscriber) {
      subscriber.on('message', onMessage);
      subscriber.on('close', onClose);
      subscriber.on('ready', onReady);
      // Listening before the first read: a change made in between is heard, not missed.
      await subscriber.subscribe(store.channel);
    }
    await reloadAll(store);
  };
  const ready = runtime ? start(runtime) : Promise.resolve();
  ready.catch(keepLastKnown);

  function changeable(id: unknown): RuntimeAgencyStore {
    const defined = typeof id === 'string' ? configured.get(id) : undefined;
    if (defined) throw new AgencyChangeError('AGENCY_CONFIGURED', `id: agency "${defined.id}" is defined in ${DEFINED_IN[defined.source]}; change it there`);
    if (!runtime) throw new AgencyChangeError('RUNTIME_CHANGES_REFUSED', 'run-time changes to agencies need Redis, which this gateway has not got; agencies of AGENCIES_FILE and the environment still work');
    return runtime;
  }

  // The change is made: a failed reload leaves it to the change message or the next resync.
  const served = (store: RuntimeAgencyStore, id: string) => reloadOne(store, id).catch(keepLastKnown);

  return {
    ready,
    get: (id) => configured.get(id) ?? runtimeAgencies.get(id),
    list: () => [...configured.values(), ...runtimeAgencies.values()],
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async create(input) {
      const store = changeable(input.id);
      const agency = await store.create(input);
      await served(store, agency.id);
      return agency;
    },
    async setVendorCredentials(id, vendor, credentials) {
      const store = changeable(id);
      await store.setVendorCredentials(id, vendor, credentials);
      await served(store, id);
    },
    async removeVendor(id, vendor) {
      const store = changeable(id);
      await store.removeVendor(id, vendor);
      await served(store, id);
    },
    async delete(id) {
      const store = changeable(id);
      await store.delete(id);
      await served(store, id);
    },

    async dispose() {
      disposed = true;
      clearInterval(timer);
      listeners.clear();
      if (subscriber && runtime) {
        subscriber.off('message', onMessage);
        subscriber.off('close', onClose);
        subscriber.off('ready', onReady);
        await subscriber.unsubscribe(runtime.channel).catch(() => undefined);
      }
      await queue;
    },
  };
}

function configuredById(agencies: Agency[]): Map<string, Agency> {
  const byId = new Map<string, Agency>();
  for (const agency of agencies) {
    const earlier = byId.get(agency.id);
    if (earlier) throw new Error(`agencies: ${agency.id} is defined twice (${earlier.source} and ${agency.source})`);
    byId.set(agency.id, agency);
  }
  return byId;
}
