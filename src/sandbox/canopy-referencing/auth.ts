/** Canopy's two locks: `x-api-key` on every call, and the access token a signed JWT buys. */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import jwt from 'jsonwebtoken';
import type { SandboxReply, SandboxRequest } from '../vendor-simulator';
import { apiKeyRefused, canopyError } from './errors';
import type { CanopyReferencingState } from './state';

/** Canopy's earlier public docs give access tokens "an expiryTime of 20 minutes". */
export const ACCESS_TOKEN_LIFETIME_MS = 20 * 60 * 1000;

function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether the call's `x-api-key` is this client's: the key is how Canopy's gateway tells clients apart. */
export function hasApiKey(state: CanopyReferencingState, headers: IncomingHttpHeaders): boolean {
  return headerOf(headers, 'x-api-key') === state.apiKey;
}

export function checkApiKey(state: CanopyReferencingState, request: SandboxRequest): SandboxReply | undefined {
  return hasApiKey(state, request.headers) ? undefined : apiKeyRefused();
}

/** Verifies the JWT (HS256, signed with the current secret key, Canopy's issuer, scope and audience) and issues a token. */
export function exchangeJwt(
  state: CanopyReferencingState,
  clientId: string,
  jwtKey: string,
): { accessToken: string; expiresAtMs: number } | { refusal: string } {
  if (clientId !== state.clientId) return { refusal: 'Unknown client' };
  let claims: jwt.JwtPayload | string;
  try {
    claims = jwt.verify(jwtKey, state.secretKey, {
      algorithms: ['HS256'],
      audience: `referencing-requests/client/${clientId}/token`,
      issuer: 'canopy.rent',
      clockTimestamp: Math.floor(state.now().getTime() / 1000),
    });
  } catch (error) {
    return { refusal: `Invalid jwtKey: ${(error as Error).message}` };
  }
  if (typeof claims === 'string' || claims.exp === undefined) return { refusal: 'Invalid jwtKey: exp is required' };
  if (claims.scope !== 'request.write_only document.read_only') return { refusal: 'Invalid jwtKey: scope is not allowed' };

  const accessToken = `eyJ${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
  const expiresAtMs = state.now().getTime() + ACCESS_TOKEN_LIFETIME_MS;
  state.tokens.set(accessToken, { clientId, expiresAtMs });
  return { accessToken, expiresAtMs };
}

/**
 * The checks of every call but the token exchange: API key, a live access token, and a path
 * `clientId` that is the token's own. Returns the refusal, or undefined when the call may go on.
 */
export function checkAccess(state: CanopyReferencingState, request: SandboxRequest): SandboxReply | undefined {
  const refused = checkApiKey(state, request);
  if (refused) return refused;
  const authorization = headerOf(request.headers, 'authorization') ?? '';
  const match = /^Bearer (\S+)$/.exec(authorization);
  if (!match?.[1]) return canopyError(401, 'Authorization token is missing');
  const token = state.tokens.get(match[1]);
  if (!token) return canopyError(401, 'Authorization token is not valid');
  if (token.expiresAtMs <= state.now().getTime()) {
    state.tokens.delete(match[1]);
    return canopyError(401, 'Authorization token has expired');
  }
  const clientId = request.params.clientId;
  if (clientId !== undefined && clientId !== token.clientId) return canopyError(403, 'The token does not belong to this client');
  return undefined;
}
