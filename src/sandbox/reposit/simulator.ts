import type { DemoPerson } from '../demo-people';
import type { ActiveSimulator } from '../vendor-simulator';
import { REPOSIT_SANDBOX_CREDENTIALS } from './accounts';
import { bearerApiKey } from './auth';
import { repositError } from './errors';
import { createProgression } from './progress';
import { repositRoutes } from './reposit-routes';
import { seedRepositStore, type RepositSupplierProfile } from './seed';
import type { RepositStore } from './state';
import { supplierRoutes } from './supplier-routes';

export interface RepositSimulatorOptions {
  /** Every person becomes a tenant on a seeded Reposit. */
  people: DemoPerson[];
  /** The key the simulated agency holds. @default sandbox-north's */
  apiKey?: string;
  /** The agency the key maps to. @default NORTHSIDE_LETTINGS */
  supplier?: RepositSupplierProfile;
  /** Keeps this supplier's ids apart from another supplier's (see `inIdSpace`). @default '' */
  idSpace?: string;
  /** The simulator's clock, for creation times and webhook timestamps. @default () => new Date() */
  now?: () => Date;
}

export interface RepositSimulator extends ActiveSimulator {
  /**
   * The one endpoint Reposit sends webhooks to ("activated upon request"); undefined turns them
   * off again. Without one, `advance()` still moves tenants on but delivers nothing.
   */
  setWebhookUrl(url: string | undefined): void;
  /** The simulated Reposit's data, for tests to find seeded Reposits and to check what happened. */
  readonly state: RepositStore;
}

/** Reposit's Partner API, in memory, seeded from the demo people. */
export function createRepositSimulator(options: RepositSimulatorOptions): RepositSimulator {
  const now = options.now ?? (() => new Date());
  const state = seedRepositStore(options.people, options.apiKey ?? REPOSIT_SANDBOX_CREDENTIALS['sandbox-north'].apiKey, options.supplier, options.idSpace);
  return {
    vendor: 'reposit',
    routes: [...supplierRoutes(state), ...repositRoutes(state, now)],
    errorBody: (status, message) => repositError(status, message),
    acceptsCredential: (headers) => bearerApiKey(headers) === state.apiKey,
    advance: createProgression(state, options.people, now),
    setWebhookUrl(url) {
      state.webhookUrl = url;
    },
    state,
  };
}
