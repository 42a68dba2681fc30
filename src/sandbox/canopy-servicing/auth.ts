import type { SandboxReply, SandboxRequest } from '../vendor-simulator';
import { refuse } from './replies';

/** `Authorization: Bearer <token>` on every call; a missing or wrong token is a 401 alike. */
export function refuseUnauthenticated(request: SandboxRequest, token: string): SandboxReply | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  if (match?.[1] === token) return undefined;
  return refuse(401, 'You are not authenticated');
}
