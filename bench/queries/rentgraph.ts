import { freePort } from '../lib/free-port';
import { benchAuth } from '../lib/bench-auth';
import { BENCH_GATEWAY_ENV } from '../lib/bench-gateway-env';
import { startChild, type Child } from '../lib/child';
import { EARLIER_KEY_PREFIX, gatewayEnv, type Vendors } from './vendors';

/** The agency of the single-agency variables the bench configures (gatewayEnv). */
const AGENCY = 'default';
/** What a tenant screen's token holds: the dashboard shows the report link and the affordability, both `pii`. */
const SCREEN_SCOPES = ['read', 'pii'];

export interface RentgraphOptions {
  /** Every DataLoader neither batches nor caches: the REST calls a resolver set without loaders makes. */
  naive?: boolean;
  core?: number;
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** AUTH=off instead of a token: the same gateway without authentication, to isolate what it costs. */
  authOff?: boolean;
}

export interface RunningGateway {
  /** The GraphQL endpoint. */
  url: string;
  /** What a client sends with every request: a bearer token, or nothing where no credential is asked. */
  headers: Record<string, string>;
  child: Child;
}

/** Production refuses AUTH=off: the row that measures what authentication costs runs outside it. */
const AUTH_OFF = { AUTH: 'off', NODE_ENV: 'development' };

/**
 * rentgraph as users run it, `src/main.ts`, in a child process of its own, checking a JWT
 * (AUTH_JWT_SECRET) on every request unless `authOff`.
 */
export async function startRentgraph(vendors: Vendors, options: RentgraphOptions = {}): Promise<RunningGateway> {
  const port = await freePort();
  const auth = options.authOff ? undefined : await benchAuth(AGENCY, SCREEN_SCOPES);
  const child = await startChild({
    entry: options.naive ? 'bench/queries/naive-main.ts' : 'src/main.ts',
    env: { ...gatewayEnv(vendors, port), ...BENCH_GATEWAY_ENV, ...(auth ? auth.env : AUTH_OFF) },
    core: options.core,
    nodeArgs: options.nodeArgs,
    ready: /rentgraph: GraphQL at/,
  });
  return { url: `http://127.0.0.1:${port}/graphql`, headers: auth?.headers ?? {}, child };
}

/**
 * An earlier version's `src/main.ts`, run from its own checkout (`--before <path>`) with the same
 * variables: single-agency, without authentication (AUTH=off, which versions before authentication ignore), reading the links seeded for it under a key
 * prefix of its own (its link keys are laid out as it wrote them).
 */
export async function startEarlierRentgraph(vendors: Vendors, root: string, core?: number): Promise<RunningGateway> {
  const port = await freePort();
  const child = await startChild({
    root,
    entry: 'src/main.ts',
    env: { ...gatewayEnv(vendors, port), AUTH: 'off', REDIS_KEY_PREFIX: EARLIER_KEY_PREFIX },
    core,
    ready: /rentgraph: GraphQL at/,
  });
  return { url: `http://127.0.0.1:${port}/graphql`, headers: {}, child };
}

/** The floor (floor-main.ts), the dashboard by hand with no GraphQL, in a child process of its own. */
export async function startFloor(vendors: Vendors, core?: number): Promise<RunningGateway> {
  const port = await freePort();
  const child = await startChild({ entry: 'bench/queries/floor-main.ts', env: gatewayEnv(vendors, port), core, ready: /floor: listening/ });
  return { url: `http://127.0.0.1:${port}/graphql`, headers: {}, child };
}
