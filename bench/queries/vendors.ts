import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { SANDBOX_PREFIXES } from '../../src/sandbox/server';
import { startChild, type Child } from '../lib/child';
import { startPrivateRedis, type PrivateRedis } from './private-redis';

/** Where the earlier version measured beside this one keeps its keys, apart from today's layout. */
export const EARLIER_KEY_PREFIX = 'rentgraph-earlier';

/** A private Redis and the sandbox vendors in their own process: what every gateway under test talks to. */
export interface Vendors {
  redis: PrivateRedis;
  sandbox: Child;
  /** The sandbox's origin, e.g. http://127.0.0.1:41234. */
  sandboxUrl: string;
  /** Sets the latency of every sandbox answer: a fixed part plus uniform jitter. */
  setLatency(fixedMs: number, jitterMs: number): Promise<void>;
  resetCalls(): Promise<void>;
  /** Calls per endpoint since the last reset, from the sandbox's counter. */
  calls(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** `earlierRoot`: the checkout of an earlier version, whose own link store seeds its links too. */
export async function startVendors(core?: number, earlierRoot?: string): Promise<Vendors> {
  const redis = await startPrivateRedis();
  let sandbox: Child;
  try {
    sandbox = await startChild({
      entry: 'bench/queries/sandbox-main.ts',
      env: { REDIS_URL: redis.url, ...(earlierRoot && { EARLIER_ROOT: earlierRoot, EARLIER_KEY_PREFIX }) },
      core,
      ready: /sandbox: serving at (http:\S+)/,
    });
  } catch (error) {
    await redis.stop();
    throw error;
  }
  const sandboxUrl = sandbox.match[1]!;
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandboxUrl}/__sandbox${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    redis,
    sandbox,
    sandboxUrl,
    setLatency: async (fixedMs, jitterMs) => void (await control('PUT', '/knobs', { latency: { fixedMs, jitterMs } })),
    resetCalls: async () => void (await control('DELETE', '/calls')),
    calls: async () => (await control('GET', '/calls')) as Record<string, number>,
    async stop() {
      await sandbox.stop();
      await redis.stop();
    },
  };
}

/** The environment of src/main.ts with every vendor pointed at the sandbox through real credentials (so main.ts starts no sandbox of its own). */
export function gatewayEnv(vendors: Vendors, port: number): Record<string, string> {
  const base = (vendor: keyof typeof SANDBOX_PREFIXES) => vendors.sandboxUrl + SANDBOX_PREFIXES[vendor];
  const { canopyReferencing, canopyServicing, reposit } = SANDBOX_CREDENTIALS;
  return {
    PORT: String(port),
    REDIS_URL: vendors.redis.url,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
    SANDBOX_EVENTS: '0',
    CANOPY_REFERENCING_BASE_URL: base('canopy-referencing'),
    CANOPY_CLIENT_ID: canopyReferencing.clientId,
    CANOPY_SECRET_KEY: canopyReferencing.secretKey,
    CANOPY_API_KEY: canopyReferencing.apiKey,
    CANOPY_SERVICING_BASE_URL: base('canopy-servicing'),
    CANOPY_SERVICING_TOKEN: canopyServicing.token,
    REPOSIT_BASE_URL: base('reposit'),
    REPOSIT_API_KEY: reposit.apiKey,
    REPOSIT_REFERRER_TOKEN: reposit.referrerToken,
  };
}
