import type { RedisClient } from '../redis-client';
import type { ReadinessCheck } from '../http/health-routes';
import type { CanopyReferencingClient } from '../sources/canopy-referencing/client';
import type { Agency, AgencyRegistry } from './agency';
import type { AgencyServicesCache } from './agency-services';
import { reconcileCanopyKeyRotation, rotateCanopySecretKey } from './canopy-key-rotation';
import type { CredentialCipher } from './credential-cipher';
import { createRotationNotices, type RotationNotices } from './rotation-notices';

export type CanopyKeyRotationRefusal = 'NEEDS_REDIS_AND_CREDENTIALS_KEY' | 'NO_CANOPY_ACCOUNT';

/** A rotation that cannot be asked for here; the message says why, and never holds a key. */
export class CanopyKeyRotationRefused extends Error {
  override name = 'CanopyKeyRotationRefused';
  constructor(
    readonly code: CanopyKeyRotationRefusal,
    message: string,
  ) {
    super(message);
  }
}

export interface CanopyKeyRotationsOptions {
  registry: AgencyRegistry;
  agencies: AgencyServicesCache;
  /** Where rotated keys are kept; undefined without Redis or CREDENTIALS_KEY, and every rotation is then refused. */
  storage: { redis: RedisClient; subscriber: RedisClient; prefix: string; cipher: CredentialCipher } | undefined;
  /** A Canopy client of the agency that signs with `secretKey`. */
  canopyClient(agency: Agency, secretKey: string): CanopyReferencingClient;
  log(line: string): void;
}

export interface CanopyKeyRotations {
  /** Rotates the agency's Canopy secret key; this instance and, through a notice, every other builds the agency's clients anew. */
  rotate(agencyId: string): Promise<void>;
  /** Settles every agency's rotation a process left unfinished; run before serving. */
  reconcile(): Promise<void>;
  /** Reports (advisory: the instance stays ready) any agency whose rotation lost Canopy's answer: it has no key Canopy accepts until an operator puts one in. */
  readiness: ReadinessCheck;
  dispose(): Promise<void>;
}

/** Canopy key rotation for every agency of the registry, as the admin mutation and start-up use it. */
export function createCanopyKeyRotations(options: CanopyKeyRotationsOptions): CanopyKeyRotations {
  const { registry, agencies, storage, log } = options;
  const notices: RotationNotices | undefined =
    storage && createRotationNotices({ ...storage, onRotated: (agencyId) => agencies.drop(agencyId) });
  // Agencies whose key no one knows; only their count leaves the process through /readyz.
  const answersLost = new Set<string>();

  function rotationOf(agencyId: string) {
    if (!storage) {
      throw new CanopyKeyRotationRefused('NEEDS_REDIS_AND_CREDENTIALS_KEY', 'rotating a Canopy secret key needs Redis and CREDENTIALS_KEY, to keep the new key sealed where every instance reads it');
    }
    const agency = registry.get(agencyId);
    const canopy = agency?.vendors.canopyReferencing;
    if (!agency || !canopy) throw new CanopyKeyRotationRefused('NO_CANOPY_ACCOUNT', `agency ${agencyId} has no Canopy Referencing account whose key could be rotated`);
    return {
      redis: storage.redis,
      prefix: storage.prefix,
      cipher: storage.cipher,
      agencyId,
      configuredKey: canopy.secretKey,
      canopyClient: (secretKey: string) => options.canopyClient(agency, secretKey),
    };
  }

  return {
    async rotate(agencyId) {
      await rotateCanopySecretKey(rotationOf(agencyId));
      answersLost.delete(agencyId);
      agencies.drop(agencyId);
      await notices!.publish(agencyId);
    },

    async reconcile() {
      if (!storage) return;
      for (const agency of registry.list()) {
        if (!agency.vendors.canopyReferencing) continue;
        try {
          const result = await reconcileCanopyKeyRotation(rotationOf(agency.id));
          if (result.outcome === 'answer-lost') answersLost.add(agency.id);
          if ('error' in result) log(`!!! canopy key rotation: ${result.error.message}`);
          else if (result.outcome !== 'nothing-pending') log(`canopy key rotation: agency ${agency.id}'s unfinished rotation settled (${result.outcome})`);
        } catch (error) {
          log(`canopy key rotation: agency ${agency.id}'s unfinished rotation could not be settled (${(error as Error).message}); it is tried again at its next rotation`);
        }
      }
    },

    readiness: {
      name: 'canopy-key-rotations',
      // One agency without a key Canopy accepts must not take every other agency out of service.
      advisory: true,
      async check() {
        if (answersLost.size > 0) {
          const count = answersLost.size === 1 ? '1 agency' : `${answersLost.size} agencies`;
          throw new Error(`a Canopy secret key rotation reached Canopy and lost its answer for ${count}, so Canopy refuses their key; the log names them, and a new key from Canopy in their configuration settles it`);
        }
      },
    },

    async dispose() {
      await notices?.dispose();
    },
  };
}
