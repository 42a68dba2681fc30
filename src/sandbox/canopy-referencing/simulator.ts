import type { ItemType } from '../../sources/canopy-referencing/enums';
import type { DemoPerson } from '../demo-people';
import type { ActiveSimulator, WebhookDelivery } from '../vendor-simulator';
import { CANOPY_REFERENCING_SANDBOX_CREDENTIALS, type CanopyReferencingSandboxCredentials } from './accounts';
import { hasApiKey } from './auth';
import { canopyErrorBody } from './errors';
import { isFinished, step } from './lifecycle';
import { deliveriesFor } from './notifications';
import { createRequest } from './requests';
import { authRoutes } from './routes/auth';
import { branchRoutes } from './routes/branches';
import { passportRoutes } from './routes/passport';
import { prefillRoutes } from './routes/prefill';
import { referencingRoutes } from './routes/referencing';
import { webhookRoutes } from './routes/webhooks';
import { seededCanopyReferenceId, seedBranches, seedRequests } from './seed';
import { CanopyReferencingState, type ReferencingRecord } from './state';

export interface CanopyReferencingSimulator extends ActiveSimulator {
  readonly state: CanopyReferencingState;
  /**
   * Adopts the seeded requests (made "before the gateway existed") as if the agency had made
   * them with this callbackUrl, so their completed reports reach the gateway; undefined un-adopts.
   */
  setSeedCallbackUrl(url: string | undefined): void;
  /** Moves one given request one step on, with the notifications it leads to. */
  advanceRequest(canopyReferenceId: string): WebhookDelivery[];
  /** The renter's latest request, by e-mail. */
  requestFor(email: string): ReferencingRecord | undefined;
  /** Forgets every access token issued, as if Canopy had revoked them. */
  revokeTokens(): void;
  /** Moves the simulator's clock on, so issued tokens and JWTs reach their expiry. */
  travelInTime(ms: number): void;
}

/** Item types of the requests begun once every seeded renter is finished, in turn. */
const ROTATING_ITEM_TYPES: ItemType[] = ['INSTANT', 'FULL', 'PRIORITY', 'CC_ONLY'];

export interface CanopyReferencingSimulatorOptions {
  /** Every person gets a seeded referencing request. */
  people: DemoPerson[];
  /** The client's credentials. @default sandbox-north's */
  credentials?: CanopyReferencingSandboxCredentials;
  /** Keeps this client's seeded ids apart from another client's (see `inIdSpace`). @default '' */
  idSpace?: string;
}

export function createCanopyReferencingSimulator(options: CanopyReferencingSimulatorOptions): CanopyReferencingSimulator {
  const { clientId, apiKey, secretKey } = options.credentials ?? CANOPY_REFERENCING_SANDBOX_CREDENTIALS['sandbox-north'];
  const state = new CanopyReferencingState(clientId, apiKey, secretKey, options.idSpace);
  seedBranches(state);
  seedRequests(state, options.people);

  let seedCallbackUrl: string | null = null;
  let cursor = 0;
  let begun = 0;

  function play(record: ReferencingRecord): WebhookDelivery[] {
    return step(state, record, state.now()).flatMap((event) => deliveriesFor(state, record, event));
  }

  /** The next unfinished request after the last one moved, so activity spreads over the renters. */
  function nextActive(): ReferencingRecord | undefined {
    const records = [...state.requests.values()];
    for (let offset = 0; offset < records.length; offset++) {
      const index = (cursor + offset) % records.length;
      const record = records[index]!;
      if (!isFinished(record)) {
        cursor = index + 1;
        return record;
      }
    }
    return undefined;
  }

  /** Never runs dry: with everyone finished, the next person starts a new screening. */
  function beginNext(): ReferencingRecord | undefined {
    const person = options.people[begun % options.people.length];
    if (!person) return undefined;
    const generation = Math.floor(begun / options.people.length) + 1;
    begun++;
    return createRequest(state, {
      canopyReferenceId: seededCanopyReferenceId(person.email, generation, state.idSpace),
      clientReferenceId: `RG-${person.email.split('@')[0]}-${generation}`,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
      requestType: 'RENTER_SCREENING',
      itemType: ROTATING_ITEM_TYPES[begun % ROTATING_ITEM_TYPES.length]!,
      canopyBranchId: state.defaultBranch().canopyBranchId,
      callbackUrl: seedCallbackUrl,
      seeded: true,
      annualSalary: person.annualSalary,
      createdAt: state.now(),
    });
  }

  return {
    vendor: 'canopy-referencing',
    routes: [
      ...authRoutes(state),
      ...prefillRoutes(state),
      ...branchRoutes(state),
      ...referencingRoutes(state),
      ...passportRoutes(state),
      ...webhookRoutes(state),
    ],
    errorBody: (status, message) => canopyErrorBody(status, message),
    acceptsCredential: (headers) => hasApiKey(state, headers),
    state,
    advance() {
      const record = nextActive() ?? beginNext();
      return record ? play(record) : [];
    },
    advanceRequest(canopyReferenceId) {
      const record = state.requests.get(canopyReferenceId);
      if (!record) throw new Error(`no referencing request ${canopyReferenceId}`);
      return play(record);
    },
    setSeedCallbackUrl(url) {
      seedCallbackUrl = url ?? null;
      for (const record of state.requests.values()) {
        if (record.seeded) record.callbackUrl = seedCallbackUrl;
      }
    },
    requestFor: (email) => state.latestRequestFor(email),
    revokeTokens: () => state.tokens.clear(),
    travelInTime(ms) {
      state.clockOffsetMs += ms;
    },
  };
}
