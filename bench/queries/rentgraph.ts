import { freePort } from '../lib/free-port';
import { startChild, type Child } from '../lib/child';
import { gatewayEnv, type Vendors } from './vendors';

export interface RentgraphOptions {
  /** Every DataLoader neither batches nor caches: the REST calls a resolver set without loaders makes. */
  naive?: boolean;
  core?: number;
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

export interface RunningGateway {
  /** The GraphQL endpoint. */
  url: string;
  child: Child;
}

/** rentgraph as users run it, `src/main.ts`, in a child process of its own. */
export async function startRentgraph(vendors: Vendors, options: RentgraphOptions = {}): Promise<RunningGateway> {
  const port = await freePort();
  const child = await startChild({
    entry: options.naive ? 'bench/queries/naive-main.ts' : 'src/main.ts',
    env: gatewayEnv(vendors, port),
    core: options.core,
    nodeArgs: options.nodeArgs,
    ready: /rentgraph: GraphQL at/,
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

/** The floor (floor-main.ts), the dashboard by hand with no GraphQL, in a child process of its own. */
export async function startFloor(vendors: Vendors, core?: number): Promise<RunningGateway> {
  const port = await freePort();
  const child = await startChild({ entry: 'bench/queries/floor-main.ts', env: gatewayEnv(vendors, port), core, ready: /floor: listening/ });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}
