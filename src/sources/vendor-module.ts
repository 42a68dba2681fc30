import type { VendorKey } from '../agencies/agency';
import type { ResponseHeaders, VendorErrorBody, VendorHttp } from './http';
import type { VendorName } from './vendor-error';

/** What every agency shares at a vendor: the CRM's own identity there. */
export interface CrmIdentity {
  /** REPOSIT_REFERRER_TOKEN: identifies the CRM to Reposit, for every agency. */
  repositReferrerToken: string | undefined;
}

/**
 * One vendor, as the rest of the gateway sees it: the gateway iterates these and names no vendor
 * of its own. `Account` is an agency's credentials there (with its base URL), `Client` the typed
 * client, `Loaders` its per-request DataLoaders.
 */
export interface VendorModule<Account extends { baseUrl: string }, Client, Loaders> {
  key: VendorKey;
  name: VendorName;
  /** Reads the vendor's error bodies into message, request id and field errors. */
  readErrorBody(body: unknown, headers: ResponseHeaders): VendorErrorBody;
  /** The client of one agency's account; without an account, `http` fails every call with NO_ACCOUNT. */
  createClient(http: VendorHttp, account: Account | undefined, crm: CrmIdentity): Client;
  createLoaders(client: Client): Loaders;
}
