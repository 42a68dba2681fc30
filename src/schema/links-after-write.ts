import type { GatewayContext } from '../context';
import type { LinkKind, LinkStore } from '../links/link-store';
import { builder } from './builder';
import { diagnose } from '../logging/diagnostics';

/** A tenant ↔ vendor object link the gateway has still to write. */
export interface PendingLink {
  email: string;
  kind: LinkKind;
  vendorId: string;
}

/** Later tries of a link write that failed: 1 s, 2 s, 4 s … 64 s after it. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000];

const pendingByResult = new WeakMap<object, PendingLink[]>();

/**
 * Writes the links of an object a vendor has just created. The vendor write has succeeded, so a
 * link store that fails (Redis down) must not turn it into an error the client retries, making a
 * second object: the result is still the success, the links not written are named on it
 * (`unlinked`), and they are tried again in the background until the store takes them. The
 * retries live in this process: a restart before the store is back loses them, and the result
 * told the client which links those are.
 */
export async function linkAfterVendorWrite<T extends object>(ctx: GatewayContext, result: T, links: PendingLink[]): Promise<T> {
  const failed = await writeEach(ctx.links, ctx.agency.id, links);
  if (failed.length > 0) {
    pendingByResult.set(result, failed);
    retryLater(ctx.links, ctx.agency.id, failed, 0);
  }
  return result;
}

async function writeEach(store: LinkStore, agencyId: string, links: PendingLink[]): Promise<PendingLink[]> {
  const outcomes = await Promise.allSettled(links.map((link) => store.link(agencyId, link.email, link.kind, link.vendorId)));
  return links.filter((_link, i) => outcomes[i]!.status === 'rejected');
}

function retryLater(store: LinkStore, agencyId: string, links: PendingLink[], attempt: number): void {
  const delay = RETRY_DELAYS_MS[attempt];
  if (delay === undefined) {
    diagnose('error', 'links', `${links.length} link(s) of agency ${agencyId} could not be written after ${attempt} retries; linkTenant can add them`);
    return;
  }
  setTimeout(() => {
    void writeEach(store, agencyId, links).then((failed) => {
      if (failed.length > 0) retryLater(store, agencyId, failed, attempt + 1);
    });
  }, delay).unref();
}

const LinkKindEnum = builder.enumType('LinkKind', {
  values: { REFERENCING_REQUEST: { value: 'referencingRequest' }, REPOSIT: { value: 'reposit' }, ACCOUNT: { value: 'account' } } as const,
});

const UnlinkedTenant = builder.objectRef<PendingLink>('UnlinkedTenant').implement({
  description: 'A link of a tenant to the object just created that the gateway could not write yet; it keeps trying.',
  fields: (t) => ({
    email: t.exposeString('email', { nullable: false }),
    kind: t.field({ type: LinkKindEnum, nullable: false, resolve: (link) => link.kind }),
    vendorId: t.exposeID('vendorId', { nullable: false }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `result` option of a creating mutation whose links `linkAfterVendorWrite` writes. */
export const withUnlinked = {
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, object>) => ({
    unlinked: t.field({
      type: [UnlinkedTenant],
      nullable: false,
      description:
        'The vendor made the object; these links to its tenants could not be written yet, so it does not show under `tenant(email:)` until they are. Empty when all were written.',
      resolve: (result: object) => pendingByResult.get(result) ?? [],
    }),
  }),
};
