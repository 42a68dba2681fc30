import { parseAuthConfig } from '../../src/auth/auth-config';
import { createAuthenticator } from '../../src/auth/authenticate';
import { benchAuth, type BenchAuth } from '../lib/bench-auth';
import type { BenchOptions } from '../lib/options';
import type { Table } from '../lib/report';

const AGENCY = 'default';
const ROUNDS = 20;

export interface AuthenticationCpu {
  /** CPU µs of `fromHeaders` for a token already verified: what every later request of a client pays. */
  knownTokenUs: number;
  /** CPU µs of a token's first request: the HS256 verification with jose, then the cache entry. */
  firstRequestUs: number;
}

/**
 * The authenticator of src/auth/ in this process, as the gateway builds it for AUTH_JWT_SECRET,
 * asked for the principal of request headers many times: CPU per call, the least of 20 rounds
 * (the figure least inflated by other processes on a shared machine). The scope checks run
 * inside execution and are not part of it.
 */
export async function measureAuthenticationCpu(options: BenchOptions): Promise<AuthenticationCpu> {
  const calls = options.quick ? 2_000 : 20_000;
  const tokens: BenchAuth[] = [];
  const first = await benchAuth(AGENCY, ['read', 'pii']);
  // Fresh tokens for first requests, all signed with the first one's secret.
  for (let i = 0; i < calls / 10; i++) tokens.push(await benchAuth(AGENCY, ['read', 'pii'], first.env.AUTH_JWT_SECRET));
  const authenticator = createAuthenticator({ config: parseAuthConfig(first.env), agencyExists: (id) => id === AGENCY });

  const known = new Headers(first.headers);
  await authenticator.fromHeaders(known);
  const knownTokenUs = await leastCpuUs(calls, () => authenticator.fromHeaders(known));

  const fresh = tokens.map((token) => new Headers(token.headers));
  let next = 0;
  const firstRequestUs = await leastCpuUs(fresh.length / ROUNDS, () => authenticator.fromHeaders(fresh[next++]!));
  return { knownTokenUs, firstRequestUs };
}

async function leastCpuUs(callsPerRound: number, call: () => Promise<unknown>): Promise<number> {
  let least = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < callsPerRound; i++) await call();
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / callsPerRound);
  }
  return least;
}

/** `cpuMsPerRequest`: today's CPU per dashboard request with a JWT, from the throughput table, for the share. */
export function authenticationCpuTable(result: AuthenticationCpu, cpuMsPerRequest: number): Table {
  const share = (us: number) => (Number.isFinite(cpuMsPerRequest) && cpuMsPerRequest > 0 ? `${((100 * us) / (cpuMsPerRequest * 1000)).toFixed(2)} %` : '–');
  return {
    title: 'Authentication per request, in process',
    note:
      `The authenticator (src/auth/) as the gateway builds it for AUTH_JWT_SECRET, asked for the principal of one request’s headers; CPU per call, the least of ${ROUNDS} rounds. ` +
      'Share: of rentgraph (JWT)’s CPU per dashboard request in the throughput table. The scope checks run inside execution and are in the throughput rows only.',
    columns: ['request', 'CPU µs', 'share of CPU / dashboard request'],
    rows: [
      ['a token already seen (SHA-256 of it, the cache, the agency check)', result.knownTokenUs.toFixed(2), share(result.knownTokenUs)],
      ['a token’s first request (HS256 verify with jose, then cached)', result.firstRequestUs.toFixed(2), share(result.firstRequestUs)],
    ],
  };
}
