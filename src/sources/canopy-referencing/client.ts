import { detachedFromOperation } from '../call-scope';
import { fillRoute, type VendorHttp, type VendorRequest } from '../http';
import { PayloadError, shown, toInteger } from '../normalise';
import { VendorError } from '../vendor-error';
import { CanopyTokenSource, signJwtKey } from './auth';
import {
  branchFromWire,
  filenameFromDisposition,
  identityFromWire,
  identityToWire,
  incomeDataFromWire,
  incomeToWire,
  notesFromWire,
  referencingToWire,
  rentDataFromWire,
  rentPassportFromWire,
  rentToWire,
} from './normalise';
import type { WebhookType } from './enums';
import type {
  CanopyAccessToken,
  CanopyBranch,
  CanopyDocumentStream,
  CanopyIdentity,
  CanopyIncome,
  CanopyIncomeData,
  CanopyPassportNotes,
  CanopyReferencingCreated,
  CanopyReferencingInput,
  CanopyRentData,
  CanopyRentHistory,
  CanopyRentPassport,
  CanopyWebhookRegistration,
  CanopyWebhookRegistrationInput,
} from './types';
import type {
  WireBranchesListResponse,
  WireDeleteBranchMappingResponse,
  WireLinkBranchRequest,
  WireLinkBranchResponse,
  WireNotesResponse,
  WireReferencingResponse,
  WireRefreshSecretKeyRequest,
  WireRefreshSecretKeyResponse,
  WireRegisterWebhookRequest,
  WireRegisterWebhookResponse,
  WireRentPassportResponse,
  WireRevokeGuarantorRequest,
  WireSetIdentityResponse,
  WireSetIncomeRequest,
  WireSetIncomeResponse,
  WireSetRentRequest,
  WireSetRentResponse,
  WireTokenRequest,
  WireTokenResponse,
  WireUnregisterWebhookResponse,
} from './wire';

export interface CanopyReferencingClientOptions {
  /** A VendorHttp for the Canopy base URL, built with `readErrorBody: canopyReferencingErrorBody`. */
  http: VendorHttp;
  clientId: string;
  /** Signs the JWT exchanged for access tokens; replaced by `refreshSecretKey()`. */
  secretKey: string;
  /** Sent as `x-api-key` on every call. */
  apiKey: string;
  /** The clock, in epoch milliseconds, for JWT times and token expiry. @default Date.now */
  now?: () => number;
}

type AuthorisedRequest = Omit<VendorRequest, 'headers'>;

/** Canopy Referencing: renter screening requests, Rent Passports, reports, branches and webhooks. */
export class CanopyReferencingClient {
  private readonly http: VendorHttp;
  private readonly clientId: string;
  private readonly apiKey: string;
  private readonly now: () => number;
  private secretKey: string;
  private readonly tokens: CanopyTokenSource;
  private credentialsRefused: (() => void) | undefined;

  constructor(options: CanopyReferencingClientOptions) {
    this.http = options.http;
    this.clientId = options.clientId;
    this.apiKey = options.apiKey;
    this.secretKey = options.secretKey;
    this.now = options.now ?? Date.now;
    // Every operation of the agency shares the token: one that stops must not stop the others' token call.
    this.tokens = new CanopyTokenSource({ fetchToken: () => detachedFromOperation(() => this.requestAccessToken()), now: this.now });
  }

  /**
   * Tells `listener` each time Canopy refuses the token exchange (401 or 403): the keys this client
   * holds are no longer accepted, e.g. because another instance rotated the secret key.
   */
  whenCredentialsRefused(listener: () => void): void {
    this.credentialsRefused = listener;
  }

  /** Exchanges a freshly signed JWT for an access token. Other methods do this themselves when needed. */
  async requestAccessToken(): Promise<CanopyAccessToken> {
    const body: WireTokenRequest = { jwtKey: signJwtKey(this.clientId, this.secretKey, this.now()) };
    const { body: wire } = await this.http
      .json<WireTokenResponse>({
        method: 'POST',
        ...this.route('/referencing-requests/client/:clientId/token'),
        headers: { 'x-api-key': this.apiKey },
        body,
        // Only mints a token: repeating it is harmless.
        idempotent: true,
      })
      .catch((error: unknown) => {
        if (error instanceof VendorError && (error.status === 401 || error.status === 403)) this.credentialsRefused?.();
        throw error;
      });
    // Canopy hands the token out with its `Bearer ` prefix already on; auth schemes are case-insensitive (RFC 9110 §11.1).
    const authorization = /^bearer /i.test(wire.access_token) ? wire.access_token : `Bearer ${wire.access_token}`;
    // Canopy documents `expires` as epoch seconds (`"expires": 1594907203`), its one timestamp sent as a number.
    const expiresAt = new Date(toInteger(wire.expires, 'expires') * 1000);
    if (Number.isNaN(expiresAt.getTime())) throw new PayloadError(`expires: expected epoch seconds, got ${shown(wire.expires)}`);
    return { authorization, expiresAt };
  }

  /**
   * Has Canopy replace the secret key and signs with the new one from then on. The old key stops
   * working at once, so the caller must store the returned key wherever credentials are kept.
   */
  async refreshSecretKey(): Promise<string> {
    const body: WireRefreshSecretKeyRequest = { secretKey: this.secretKey };
    const wire = await this.call<WireRefreshSecretKeyResponse>({
      method: 'POST',
      path: '/referencing-requests/client/refresh',
      body,
      idempotent: false,
    });
    this.secretKey = wire.data.secretKey;
    return wire.data.secretKey;
  }

  /** Prefills the renter's passport with identity and address history. */
  async setIdentity(identity: CanopyIdentity): Promise<CanopyIdentity> {
    const wire = await this.call<WireSetIdentityResponse>({
      method: 'POST',
      path: '/referencing-requests/client-user-data/set-identity',
      body: identityToWire(identity),
      // Replaces what was set before: repeating it changes nothing.
      idempotent: true,
    });
    return identityFromWire(wire.data);
  }

  /** Prefills the renter's passport with income (amounts in pence, whole pounds only). */
  async setIncome(email: string, income: CanopyIncome[]): Promise<CanopyIncomeData> {
    const body: WireSetIncomeRequest = { email, data: { income: income.map(incomeToWire) } };
    const wire = await this.call<WireSetIncomeResponse>({
      method: 'POST',
      path: '/referencing-requests/client-user-data/set-income',
      body,
      idempotent: true,
    });
    return incomeDataFromWire(wire.data);
  }

  /** Prefills the renter's passport with rent history (amounts in pence, whole pounds only). */
  async setRent(email: string, history: CanopyRentHistory): Promise<CanopyRentData> {
    const body: WireSetRentRequest = { email, data: rentToWire(history) };
    const wire = await this.call<WireSetRentResponse>({
      method: 'POST',
      path: '/referencing-requests/client-user-data/set-rent',
      body,
      idempotent: true,
    });
    return rentDataFromWire(wire.data);
  }

  /** The agency's Canopy branches, once per link to a client branch (and once if unlinked). */
  async listBranches(): Promise<CanopyBranch[]> {
    const wire = await this.call<WireBranchesListResponse>({
      method: 'GET',
      ...this.route('/referencing-requests/client/:clientId/branches-list'),
    });
    return wire.data.branches.map(branchFromWire);
  }

  /** Links a Canopy branch to a client branch id (a UUID, used once). */
  async linkBranch(link: { canopyBranchId: string; clientBranchId: string }): Promise<CanopyBranch> {
    const body: WireLinkBranchRequest = { canopyBranchId: link.canopyBranchId, clientBranchId: link.clientBranchId };
    const wire = await this.call<WireLinkBranchResponse>({
      method: 'POST',
      ...this.route('/referencing-requests/client/:clientId/link-branch'),
      body,
      // A repeat after a lost answer would be refused as a duplicate link.
      idempotent: false,
    });
    return branchFromWire(wire.data);
  }

  /** Removes the link of a client branch id; returns that id. */
  async deleteBranchMapping(clientBranchId: string): Promise<string> {
    // No body when a retry found the mapping already gone (`goneOnRetry`).
    const wire = await this.call<WireDeleteBranchMappingResponse | undefined>({
      method: 'DELETE',
      ...this.route('/referencing-requests/client/:clientId/branch-mapping/:clientBranchId', { clientBranchId }),
    });
    return wire?.data.clientBranchId ?? clientBranchId;
  }

  /** Invites a renter (or guarantor) to screening. */
  async requestReferencing(input: CanopyReferencingInput): Promise<CanopyReferencingCreated> {
    const wire = await this.call<WireReferencingResponse>({
      method: 'POST',
      ...this.route('/referencing-requests/client/:clientId/request'),
      body: referencingToWire(input),
      idempotent: false,
    });
    return { canopyReferenceId: wire.canopyReferenceId, requestId: wire.requestId };
  }

  /** A PDF report, streamed: the caller consumes or destroys `body`. */
  async downloadDocument(documentId: string): Promise<CanopyDocumentStream> {
    return this.downloadPdf(this.route('/referencing-requests/client/:clientId/documents/:documentId', { documentId }));
  }

  /**
   * The screening results so far as a PDF, complete or not ("Get Intermediate PDF Report"): the
   * Rent Passport's own endpoint, asked for PDF. Streamed, as `downloadDocument`.
   */
  async downloadIntermediateReport(canopyReferenceId: string): Promise<CanopyDocumentStream> {
    return this.downloadPdf(this.route('/referencing-requests/client/:clientId/rent-passport/:canopyReferenceId', { canopyReferenceId }));
  }

  private async downloadPdf(route: { path: string; route: string }): Promise<CanopyDocumentStream> {
    const response = await this.authorised((authorization) =>
      this.http.stream({ method: 'GET', ...route, headers: this.headers(authorization, 'application/pdf') }),
    );
    const contentLength = header(response.headers, 'content-length');
    const contentDisposition = header(response.headers, 'content-disposition');
    const stream: CanopyDocumentStream = {
      body: response.body,
      contentType: header(response.headers, 'content-type') ?? 'application/pdf',
    };
    if (contentLength !== undefined) stream.contentLength = Number(contentLength);
    if (contentDisposition !== undefined) {
      stream.contentDisposition = contentDisposition;
      const filename = filenameFromDisposition(contentDisposition);
      if (filename !== undefined) stream.filename = filename;
    }
    return stream;
  }

  /** The renter's Rent Passport as it stands, complete or not. */
  async getRentPassport(canopyReferenceId: string): Promise<CanopyRentPassport> {
    const wire = await this.call<WireRentPassportResponse>({
      method: 'GET',
      ...this.route('/referencing-requests/client/:clientId/rent-passport/:canopyReferenceId', { canopyReferenceId }),
    });
    return rentPassportFromWire(wire);
  }

  /** Agent and report notes of the passport sections this request may see. */
  async getPassportNotes(canopyReferenceId: string): Promise<CanopyPassportNotes> {
    const wire = await this.call<WireNotesResponse>({
      method: 'GET',
      ...this.route('/referencing-requests/client/:clientId/rent-passport/:canopyReferenceId/notes', { canopyReferenceId }),
    });
    return notesFromWire(wire);
  }

  /** Withdraws the guarantor request made for a renter. */
  async revokeGuarantorRequest(email: string): Promise<void> {
    const body: WireRevokeGuarantorRequest = { email };
    await this.call<unknown>({
      method: 'DELETE',
      ...this.route('/referencing-requests/client/:clientId/revoke-guarantor-request'),
      body,
    });
  }

  /** Registers (or replaces) the callback URL of one notification type. */
  async registerWebhook(input: CanopyWebhookRegistrationInput): Promise<CanopyWebhookRegistration> {
    const body: WireRegisterWebhookRequest = { type: input.type, callbackUrl: input.callbackUrl };
    if (input.additionalSettings !== undefined) body.additionalSettings = [...input.additionalSettings];
    const wire = await this.call<WireRegisterWebhookResponse>({
      method: 'POST',
      ...this.route('/referencing-requests/client/:clientId/webhook/register'),
      body,
      // Canopy keeps one registration per type, so a repeat leaves the same registration.
      idempotent: true,
    });
    return { webhookType: wire.webhookType, callbackUrl: wire.callbackUrl };
  }

  /** Stops the notifications of one type; NOT_FOUND when none is registered. */
  async unregisterWebhook(type: WebhookType): Promise<{ webhookType: string }> {
    // No body when a retry found the registration already gone (`goneOnRetry`).
    const wire = await this.call<WireUnregisterWebhookResponse | undefined>({
      method: 'DELETE',
      ...this.route('/referencing-requests/client/:clientId/webhook/:type', { type }),
    });
    return { webhookType: wire?.webhookType ?? type };
  }

  /**
   * A path from its template, with the template kept as the request's `route`: errors name the
   * route, so the client id in the path never reaches a GraphQL client or a log line.
   */
  private route(template: string, params: Record<string, string> = {}): { path: string; route: string } {
    return fillRoute(template, { ...params, clientId: this.clientId });
  }

  private headers(authorization: string, accept = 'application/json'): Record<string, string> {
    return { 'x-api-key': this.apiKey, authorization, accept };
  }

  private async call<T>(request: AuthorisedRequest): Promise<T> {
    const response = await this.authorised((authorization) => this.http.json<T>({ ...request, headers: this.headers(authorization) }));
    return response.body;
  }

  /**
   * Sends with the current access token. A 401 means the token lapsed or was revoked early: fetch
   * a new one and try once more. A second 401 goes to the caller, so wrong credentials never loop.
   */
  private async authorised<T>(send: (authorization: string) => Promise<T>): Promise<T> {
    const authorization = await this.tokens.authorization();
    try {
      return await send(authorization);
    } catch (error) {
      if (!(error instanceof VendorError) || error.status !== 401) throw error;
      this.tokens.invalidate(authorization);
      return send(await this.tokens.authorization());
    }
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
