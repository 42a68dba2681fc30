import { normaliseEmail } from './email';
import type { LinkKind, LinkStore } from './link-store';

/** The link store of the single-instance mode without Redis: gone when the process ends. */
export function createMemoryLinkStore(): LinkStore {
  // key → member → insertion sequence, so both directions can be listed in link order
  const sets = new Map<string, Map<string, number>>();
  let sequence = 0;

  const forward = (agency: string, email: string, kind: LinkKind) => `${agency}\u0000${kind}\u0000e\u0000${email}`;
  const reverse = (agency: string, kind: LinkKind, id: string) => `${agency}\u0000${kind}\u0000i\u0000${id}`;

  function add(key: string, member: string): void {
    const set = sets.get(key) ?? new Map<string, number>();
    if (!set.has(member)) set.set(member, ++sequence);
    sets.set(key, set);
  }

  function members(key: string, newestFirst: boolean): string[] {
    const entries = [...(sets.get(key) ?? new Map<string, number>())];
    entries.sort(([, a], [, b]) => (newestFirst ? b - a : a - b));
    return entries.map(([member]) => member);
  }

  return {
    async link(agency, email, kind, id) {
      const normalised = normaliseEmail(email);
      add(forward(agency, normalised, kind), id);
      add(reverse(agency, kind, id), normalised);
    },
    async unlink(agency, email, kind, id) {
      const normalised = normaliseEmail(email);
      sets.get(forward(agency, normalised, kind))?.delete(id);
      sets.get(reverse(agency, kind, id))?.delete(normalised);
    },
    async idsFor(agency, emails, kind) {
      return emails.map((email) => members(forward(agency, normaliseEmail(email), kind), true));
    },
    async emailsFor(agency, kind, ids) {
      return ids.map((id) => members(reverse(agency, kind, id), false));
    },
  };
}
