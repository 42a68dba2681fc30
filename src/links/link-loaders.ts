import DataLoader from 'dataloader';
import { normaliseEmail } from './email';
import type { LinkKind, LinkStore } from './link-store';

/** Per request: the linked ids of many tenants read in one Redis round trip per kind. */
export function createLinkLoaders(links: LinkStore, agencyId: string): Record<LinkKind, DataLoader<string, string[]>> {
  const byKind = (kind: LinkKind) =>
    new DataLoader<string, string[]>((emails) => links.idsFor(agencyId, emails, kind), { cacheKeyFn: normaliseEmail });
  return { referencingRequest: byKind('referencingRequest'), reposit: byKind('reposit'), account: byKind('account') };
}
