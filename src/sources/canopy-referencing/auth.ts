import jwt from 'jsonwebtoken';
import type { CanopyAccessToken } from './types';
import type { WireJwtClaims } from './wire';

/** How long the signed JWT is valid, as Canopy's examples sign it. */
const JWT_LIFETIME_SECONDS = 60 * 60;

export function tokenAudience(clientId: string): string {
  return `referencing-requests/client/${clientId}/token`;
}

/** The HS256 JWT (`jwtKey`) that Canopy exchanges for an access token. */
export function signJwtKey(clientId: string, secretKey: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const claims: WireJwtClaims = {
    iss: 'canopy.rent',
    scope: 'request.write_only document.read_only',
    aud: tokenAudience(clientId),
    exp: iat + JWT_LIFETIME_SECONDS,
    iat,
  };
  return jwt.sign(claims, secretKey, { algorithm: 'HS256' });
}

export interface CanopyTokenSourceOptions {
  /** Exchanges a fresh JWT for an access token (the token endpoint). */
  fetchToken: () => Promise<CanopyAccessToken>;
  /** The clock, in epoch milliseconds. @default Date.now */
  now?: () => number;
  /** A token this close to its expiry is renewed rather than used. @default 60000 */
  renewBeforeMs?: number;
}

/**
 * The access token of one Canopy client: kept until shortly before it expires, and fetched once
 * however many calls need it at the same moment.
 */
export class CanopyTokenSource {
  private current: CanopyAccessToken | undefined;
  private pending: Promise<CanopyAccessToken> | undefined;
  private readonly now: () => number;
  private readonly renewBeforeMs: number;

  constructor(private readonly options: CanopyTokenSourceOptions) {
    this.now = options.now ?? Date.now;
    this.renewBeforeMs = options.renewBeforeMs ?? 60_000;
  }

  /** The Authorization header value to send. */
  async authorization(): Promise<string> {
    const current = this.current;
    if (current && this.now() < current.expiresAt.getTime() - this.renewBeforeMs) return current.authorization;
    this.pending ??= this.options.fetchToken().then(
      (token) => {
        this.current = token;
        this.pending = undefined;
        return token;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return (await this.pending).authorization;
  }

  /**
   * Forgets a token Canopy refused. Only the token the call was made with is dropped, so fifty
   * calls refused together lead to one new exchange, not fifty.
   */
  invalidate(authorization: string): void {
    if (this.current?.authorization === authorization) this.current = undefined;
  }
}
