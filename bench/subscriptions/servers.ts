import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { benchAuth } from '../lib/bench-auth';
import { allCores } from '../lib/cpu-pinning';
import { BENCH_REDIS_URL } from './bench-redis';
import { startFloorProcess } from './floor/floor-process';
import { startGatewayProcess, SUBSCRIBED_AGENCY, type GatewayProcess } from './gateway-process';

/** One row's servers: how to start them, and the cores the load generator runs on meanwhile. */
export interface ServerSetup {
  label: string;
  /** Whether this is a bare-ws floor: the other rows are divided by the floor with as many servers as they have. */
  floor?: boolean;
  servers: number;
  start(): Promise<GatewayProcess[]>;
  loadCores: string;
}

/**
 * The floor, then rentgraph on one gateway; the floor on two servers, then two gateways sharing
 * one Redis; then the earlier checkout when one is given. One server runs on core 0 and the load
 * generator on core 1; two servers get a core each and the load generator shares them.
 */
export function serverSetups(before: string | undefined, options: { twoGateways: boolean }): ServerSetup[] {
  return [
    { label: 'bare ws floor', floor: true, servers: 1, start: async () => [await startFloorProcess(0)], loadCores: '1' },
    { label: 'rentgraph, 1 gateway', servers: 1, start: () => startGateways(1), loadCores: '1' },
    ...(options.twoGateways
      ? [
          { label: 'bare ws floor, 2 servers', floor: true, servers: 2, start: async () => [await startFloorProcess(0), await startFloorProcess(1)], loadCores: allCores() },
          { label: 'rentgraph, 2 gateways', servers: 2, start: () => startGateways(2), loadCores: allCores() },
        ]
      : []),
    ...(before ? [{ label: `rentgraph before (${commitOf(before)}), 1 gateway`, servers: 1, start: () => startGateways(1, before), loadCores: '1' }] : []),
  ];
}

/** Gateways sharing the bench's Redis, a webhook secret and a token, one per core from core 0. */
export async function startGateways(instances: number, checkout?: string): Promise<GatewayProcess[]> {
  const webhookSecret = randomBytes(18).toString('base64url');
  const auth = await benchAuth(SUBSCRIBED_AGENCY, ['read']);
  const gateways: GatewayProcess[] = [];
  try {
    for (let core = 0; core < instances; core++) gateways.push(await startGatewayProcess({ redisUrl: BENCH_REDIS_URL, webhookSecret, auth, core, checkout }));
    return gateways;
  } catch (error) {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    throw error;
  }
}

/** The short commit of a checkout, for the table to say which version "before" is. */
function commitOf(root: string): string {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD']).toString().trim();
  } catch {
    return root;
  }
}
