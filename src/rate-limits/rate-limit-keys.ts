import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';

/**
 * The part of a key after the gateway's prefix that names one principal: its agency as the Redis
 * hash tag (so an agency's counts share a slot, and scripts may touch several), and its subject
 * hashed, since a JWT's `sub` may be an e-mail address, which no key should hold.
 */
export function principalKey(principal: Pick<Principal, 'agencyId' | 'subject'>, kind: string): string {
  const subject = createHash('sha256').update(principal.subject).digest('base64url').slice(0, 22);
  return `{${principal.agencyId}}:${kind}:principal:${subject}`;
}

/** The part of a key after the gateway's prefix that names one agency's count of `kind`. */
export function agencyKey(agencyId: string, kind: string): string {
  return `{${agencyId}}:${kind}:agency`;
}
