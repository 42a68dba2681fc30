import { encodePath, type VendorHttp, type VendorRequest } from '../http';
import { toAgent, toCreateRepositRequest, toLandlord, toPolicy, toReposit, toSupplier } from './normalise';
import type { CreateRepositInput, Reposit, RepositAgent, RepositLandlord, RepositPolicy, RepositSupplier } from './types';
import type { WireAgent, WireLandlord, WirePolicy, WireReposit, WireSupplier } from './wire';

export interface RepositClientOptions {
  /** A VendorHttp on Reposit's base URL (`https://reposit.co.uk/deposits`), built with `repositErrorBody`. */
  http: VendorHttp;
  /** The agency's API key: one key per letting agency. */
  apiKey: string;
  /** Identifies the integrating CRM; sent as `Reposit-Referrer-Token` on every call when set. @default undefined */
  referrerToken?: string;
}

/** Reposit's Partner API: one method per documented endpoint, answering normalised types. */
export class RepositClient {
  private readonly http: VendorHttp;
  private readonly headers: Record<string, string>;

  constructor(options: RepositClientOptions) {
    this.http = options.http;
    this.headers = { authorization: `Bearer ${options.apiKey}` };
    if (options.referrerToken) this.headers['reposit-referrer-token'] = options.referrerToken;
  }

  /** The supplier (agency) the API key belongs to: `GET /v1/suppliers/me`. */
  async getSupplier(signal?: AbortSignal): Promise<RepositSupplier> {
    return toSupplier(await this.get<WireSupplier>('/v1/suppliers/me', signal));
  }

  /** The agents a Reposit can be created for: `GET /v1/suppliers/:id/agents`. */
  async listSupplierAgents(supplierId: string, signal?: AbortSignal): Promise<RepositAgent[]> {
    const agents = await this.get<WireAgent[]>(encodePath`/v1/suppliers/${supplierId}/agents`, signal);
    return agents.map(toAgent);
  }

  /** `GET /v1/reposits/:id`. */
  async getReposit(repositId: string, signal?: AbortSignal): Promise<Reposit> {
    return toReposit(await this.get<WireReposit>(encodePath`/v1/reposits/${repositId}`, signal));
  }

  /** The insurance policies issued once the Reposit completed: `GET /v1/reposits/:id/policies`. */
  async listPolicies(repositId: string, signal?: AbortSignal): Promise<RepositPolicy[]> {
    const policies = await this.get<WirePolicy[]>(encodePath`/v1/reposits/${repositId}/policies`, signal);
    return policies.map(toPolicy);
  }

  /** The landlord, found by following the Reposit's `landlordUrl`. */
  async getLandlord(landlordUrl: string, signal?: AbortSignal): Promise<RepositLandlord> {
    return toLandlord(await this.get<WireLandlord>(this.http.pathOf(landlordUrl), signal));
  }

  /**
   * `POST /v1/reposits`: Reposit then e-mails the tenants. Never repeated once it may have
   * reached Reposit, since a repeat would create a second Reposit.
   */
  async createReposit(input: CreateRepositInput, signal?: AbortSignal): Promise<Reposit> {
    const response = await this.http.json<WireReposit>({
      method: 'POST',
      path: '/v1/reposits',
      body: toCreateRepositRequest(input),
      headers: this.headers,
      idempotent: false,
      signal,
    });
    return toReposit(response.body);
  }

  private async get<T>(path: string, signal: AbortSignal | undefined): Promise<T> {
    const request: VendorRequest = { method: 'GET', path, headers: this.headers, idempotent: true, signal };
    return (await this.http.json<T>(request)).body;
  }
}
