import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import type { LinkStore } from '../../src/links/link-store';
import { createRedisLinkStore } from '../../src/links/redis-link-store';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start';

/**
 * The sandbox vendors in a process of their own, so that their CPU is counted neither to the
 * gateway under test nor to the load generator. Seeds into REDIS_URL the links the gateway would
 * hold had it created the demo data (under the key prefix and agency that src/main.ts uses),
 * then prints where it serves. Stops on SIGTERM.
 *
 * With EARLIER_ROOT (a checkout of an earlier version), seeds the same links a second time with
 * that version's own link store under EARLIER_KEY_PREFIX, in the key layout it reads.
 */
const KEY_PREFIX = 'rentgraph';
const AGENCY = 'default';

type CreateLinkStore = typeof createRedisLinkStore;

async function main(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const sandbox = await startSandbox({ port: Number(process.env.PORT ?? 0) });
  await seedLinks(createRedisLinkStore(redis, { prefix: KEY_PREFIX }), sandbox);
  const earlierRoot = process.env.EARLIER_ROOT;
  if (earlierRoot) {
    const earlier = (await import(pathToFileURL(`${earlierRoot}/src/links/redis-link-store.ts`).href)) as { createRedisLinkStore: CreateLinkStore };
    await seedLinks(earlier.createRedisLinkStore(redis, { prefix: process.env.EARLIER_KEY_PREFIX! }), sandbox);
  }
  redis.disconnect();
  console.log(`sandbox: serving at ${sandbox.url}`);
  process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
}

async function seedLinks(links: LinkStore, sandbox: RunningSandbox): Promise<void> {
  const { canopyReferencing, reposit, canopyServicing } = sandbox.simulators;
  const writes: Array<Promise<void>> = [];
  for (const request of canopyReferencing.state.requests.values()) {
    writes.push(links.link(AGENCY, request.email, 'referencingRequest', request.canopyReferenceId));
  }
  for (const item of reposit.state.reposits.values()) {
    for (const tenant of item.tenants) writes.push(links.link(AGENCY, tenant.email, 'reposit', item.id));
  }
  for (const [email, accountId] of canopyServicing.state.accountIdByEmail) writes.push(links.link(AGENCY, email, 'account', accountId));
  await Promise.all(writes);
}

main().catch((error: unknown) => {
  console.error('sandbox: failed to start', error);
  process.exit(1);
});
