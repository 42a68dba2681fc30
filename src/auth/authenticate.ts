import { AGENCY_ID } from '../agencies/agency';
import type { ApiKeyStore } from './api-keys';
import type { AuthConfig } from './auth-config';
import { AuthFailure } from './auth-failure';
import { createJwtVerifier, type JwtVerifierOptions } from './jwt';
import { SCOPES, type Principal } from './principal';

export interface AuthenticatorOptions {
  config: AuthConfig;
  /** Needed unless AUTH=off: without a store, API keys are refused. */
  apiKeys?: ApiKeyStore;
  /** Whether the agency is served now: a credential naming any other is refused with 403. */
  agencyExists(agencyId: string): boolean;
  jwt?: JwtVerifierOptions;
}

export interface Authenticator {
  /** HTTP and SSE: `Authorization: Bearer …` or `x-api-key` (+ `x-agency-id`). The query string is never read. */
  fromHeaders(headers: Headers): Promise<Principal>;
  /** graphql-ws: the connection_init payload `{ authorization: "Bearer …" }` or `{ apiKey, agency? }`. */
  fromConnectionParams(params: Readonly<Record<string, unknown>> | null | undefined): Promise<Principal>;
  /** For a live subscription: false once the token expires, the key is revoked or the agency is removed. */
  stillHolds(principal: Principal): boolean | Promise<boolean>;
}

/** What a request presents, whatever its transport. */
interface Presented {
  authorization: string | undefined;
  apiKey: string | undefined;
  agency: string | undefined;
}

/** AUTH=off: the single agency, with every scope. */
export const UNAUTHENTICATED_PRINCIPAL: Principal = Object.freeze({
  subject: 'anonymous',
  agencyId: 'default',
  scopes: new Set(SCOPES),
  credential: { kind: 'none' as const },
});

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { config, apiKeys, agencyExists } = options;
  const jwt = config.off ? undefined : createJwtVerifier(config, options.jwt);

  async function authenticate(presented: Presented): Promise<Principal> {
    if (config.off) return UNAUTHENTICATED_PRINCIPAL;
    if (presented.authorization !== undefined && presented.apiKey !== undefined) {
      throw AuthFailure.badRequest('Send one credential: either a bearer token or an API key, not both.');
    }
    if (presented.apiKey !== undefined) return fromApiKey(presented.apiKey, presented.agency);
    if (presented.authorization !== undefined) return fromBearer(presented.authorization, presented.agency);
    throw AuthFailure.missing();
  }

  async function fromBearer(authorization: string, agency: string | undefined): Promise<Principal> {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!match) throw AuthFailure.badRequest('The Authorization header must be "Bearer <token>".');
    const principal = await jwt!.verify(match[1]!);
    if (agency !== undefined && agency !== principal.agencyId) {
      throw AuthFailure.forbidden('The token acts for another agency than the one the request names.');
    }
    return served(principal);
  }

  async function fromApiKey(key: string, agency: string | undefined): Promise<Principal> {
    if (!apiKeys) throw AuthFailure.invalid('API keys are not accepted here.', 'ApiKey');
    let record;
    try {
      record = await apiKeys.lookup(key);
    } catch {
      throw AuthFailure.unavailable();
    }
    if (!record) throw AuthFailure.invalid('The API key is not valid (unknown or revoked).', 'ApiKey');
    if (record.agencyId === null && agency === undefined) {
      throw AuthFailure.forbidden('This API key serves every agency: name one with the x-agency-id header (graphql-ws: "agency").');
    }
    if (record.agencyId !== null && agency !== undefined && agency !== record.agencyId) {
      throw AuthFailure.forbidden('This API key acts for another agency than the one the request names.');
    }
    return served({
      subject: `api-key:${record.id}`,
      agencyId: record.agencyId ?? agency!,
      scopes: new Set(record.scopes),
      credential: { kind: 'apiKey', keyId: record.id },
      allAgencies: record.agencyId === null,
    });
  }

  function served(principal: Principal): Principal {
    if (!AGENCY_ID.test(principal.agencyId) || !agencyExists(principal.agencyId)) {
      throw AuthFailure.forbidden('The credential names an agency this gateway does not serve.');
    }
    return principal;
  }

  return {
    fromHeaders(headers) {
      return authenticate({
        authorization: headers.get('authorization') ?? undefined,
        apiKey: headers.get('x-api-key') ?? undefined,
        agency: headers.get('x-agency-id') ?? undefined,
      });
    },

    async fromConnectionParams(params) {
      const field = (name: string) => {
        const value = params?.[name];
        if (value !== undefined && value !== null && typeof value !== 'string') {
          throw AuthFailure.badRequest(`The connection_init payload's "${name}" must be a string.`);
        }
        return value ?? undefined;
      };
      return authenticate({ authorization: field('authorization'), apiKey: field('apiKey'), agency: field('agency') });
    },

    stillHolds(principal) {
      const { credential } = principal;
      if (credential.kind === 'none') return config.off;
      if (!agencyExists(principal.agencyId)) return false;
      if (credential.kind === 'jwt') return credential.expiresAt !== undefined && Date.now() < credential.expiresAt;
      if (!apiKeys) return false;
      return apiKeys.stillActive(credential.keyId, principal.agencyId).catch(() => false);
    },
  };
}
