import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxReply, SandboxRequest } from '../vendor-simulator';
import { refuse } from './replies';

/** The token of `Authorization: Bearer <token>`, if the call sends one. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

/** `Authorization: Bearer <token>` on every call; a missing or wrong token is a 401 alike. */
export function refuseUnauthenticated(request: SandboxRequest, token: string): SandboxReply | undefined {
  if (bearerToken(request.headers) === token) return undefined;
  return refuse(401, 'You are not authenticated');
}
