import type { Pool } from 'undici';
import type { AgencyConfig, VendorConnections } from '../config';
import { CanopyReferencingClient } from './canopy-referencing/client';
import { canopyReferencingErrorBody } from './canopy-referencing/error-body';
import { CanopyServicingClient } from './canopy-servicing/client';
import { canopyServicingErrorBody } from './canopy-servicing/error-body';
import { createVendorPool, VendorHttp, type VendorHttpOptions } from './http';
import { RepositClient } from './reposit/client';
import { repositErrorBody } from './reposit/error-body';
import type { VendorName } from './vendor-error';

/** An agency whose every vendor has somewhere to go: real credentials or the sandbox's. */
export type ResolvedAgency = { id: string } & { [K in Exclude<keyof AgencyConfig, 'id'>]: NonNullable<AgencyConfig[K]> };

export interface VendorClients {
  canopyReferencing: CanopyReferencingClient;
  canopyServicing: CanopyServicingClient;
  reposit: RepositClient;
}

export type VendorPools = Record<VendorName, Pool>;

/** One keep-alive pool per vendor, for the life of the process, each with its own connection limit. */
export function createVendorPools(agency: ResolvedAgency, connections?: VendorConnections): VendorPools {
  return {
    'canopy-referencing': createVendorPool(agency.canopyReferencing.baseUrl, { connections: connections?.canopyReferencing }),
    'canopy-servicing': createVendorPool(agency.canopyServicing.baseUrl, { connections: connections?.canopyServicing }),
    reposit: createVendorPool(agency.reposit.baseUrl, { connections: connections?.reposit }),
  };
}

export async function closeVendorPools(pools: VendorPools): Promise<void> {
  await Promise.all(Object.values(pools).map((pool) => pool.close()));
}

/**
 * The three vendor clients of one agency. Built once per agency and kept: the Canopy client
 * caches its access token, which every request of the agency shares.
 */
export function createVendorClients(
  agency: ResolvedAgency,
  pools: VendorPools,
  tuning: Partial<Pick<VendorHttpOptions, 'headersTimeoutMs' | 'bodyTimeoutMs' | 'retry' | 'onCall'>> = {},
): VendorClients {
  return {
    canopyReferencing: new CanopyReferencingClient({
      http: new VendorHttp({
        vendor: 'canopy-referencing',
        baseUrl: agency.canopyReferencing.baseUrl,
        dispatcher: pools['canopy-referencing'],
        readErrorBody: canopyReferencingErrorBody,
        ...tuning,
      }),
      clientId: agency.canopyReferencing.clientId,
      secretKey: agency.canopyReferencing.secretKey,
      apiKey: agency.canopyReferencing.apiKey,
    }),
    canopyServicing: new CanopyServicingClient({
      http: new VendorHttp({
        vendor: 'canopy-servicing',
        baseUrl: agency.canopyServicing.baseUrl,
        dispatcher: pools['canopy-servicing'],
        readErrorBody: canopyServicingErrorBody,
        ...tuning,
      }),
      token: agency.canopyServicing.token,
    }),
    reposit: new RepositClient({
      http: new VendorHttp({
        vendor: 'reposit',
        baseUrl: agency.reposit.baseUrl,
        dispatcher: pools.reposit,
        readErrorBody: repositErrorBody,
        ...tuning,
      }),
      apiKey: agency.reposit.apiKey,
      referrerToken: agency.reposit.referrerToken,
    }),
  };
}
