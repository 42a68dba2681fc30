import { PayloadError } from '../normalise';

/**
 * Reposit names one Reposit two ways: its REST API ("Identifier, always starts with 'rep_'") and
 * `reposit.completed` use `rep_…`, while the three `reposit.tenant.*` webhooks send the same id
 * as `ep_…`. The gateway keeps the REST form, so links, subscriptions and lookups agree.
 */
const REPOSIT_ID = /^(?:rep|ep)_([A-Za-z0-9]+)$/;

export function isRepositId(value: string): boolean {
  return REPOSIT_ID.test(value);
}

/** `ep_x` and `rep_x` as `rep_x`; anything else as given (a lookup of it simply finds nothing). */
export function canonicalRepositId(value: string): string {
  const match = REPOSIT_ID.exec(value);
  return match ? `rep_${match[1]}` : value;
}

/** A webhook's `resource.id`, in the REST form; throws PayloadError naming the field otherwise. */
export function toRepositId(value: string, field: string): string {
  if (!isRepositId(value)) throw new PayloadError(`${field}: must be a Reposit id (rep_… or ep_…)`);
  return canonicalRepositId(value);
}
