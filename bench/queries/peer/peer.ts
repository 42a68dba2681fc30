import { unlinkSync } from 'node:fs';
import { Redis } from 'ioredis';
import { createRedisLinkStore } from '../../../src/links/redis-link-store';
import { signJwtKey } from '../../../src/sources/canopy-referencing/auth';
import { SANDBOX_CREDENTIALS } from '../../../src/sandbox/credentials';
import { SANDBOX_PREFIXES } from '../../../src/sandbox/server';
import { freePort } from '../../lib/free-port';
import { startChild, type Child } from '../../lib/child';
import type { Vendors } from '../vendors';
import { composePeerSupergraph } from './compose';
import type { PeerIds } from './dashboard';

export interface RunningPeer {
  url: string;
  child: Child;
  ids: PeerIds;
  stop(): Promise<void>;
}

/** GraphQL Mesh's composition of the vendors' OpenAPI documents, served by Hive Gateway in a child process. */
export async function startPeer(vendors: Vendors, email: string, core?: number): Promise<RunningPeer> {
  const base = (vendor: keyof typeof SANDBOX_PREFIXES) => vendors.sandboxUrl + SANDBOX_PREFIXES[vendor];
  const { canopyReferencing, canopyServicing, reposit } = SANDBOX_CREDENTIALS;
  const file = await composePeerSupergraph({
    canopyReferencing: { baseUrl: base('canopy-referencing'), apiKey: canopyReferencing.apiKey, authorization: await canopyToken(base('canopy-referencing')) },
    canopyServicing: { baseUrl: base('canopy-servicing'), token: canopyServicing.token },
    reposit: { baseUrl: base('reposit'), apiKey: reposit.apiKey, referrerToken: reposit.referrerToken },
  });
  const port = await freePort();
  let child: Child;
  try {
    child = await startChild({
      entry: 'node_modules/@graphql-hive/gateway/dist/bin.js',
      core,
      args: ['supergraph', file, '--port', String(port), '--host', '127.0.0.1', '--fork', '1', '--disable-websockets'],
      ready: /Listening on|Serving|started/i,
      timeoutMs: 60_000,
    });
  } catch (error) {
    unlinkSync(file);
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    ids: { clientId: canopyReferencing.clientId, ...(await linkedIds(vendors, email)) },
    async stop() {
      await child.stop();
      unlinkSync(file);
    },
  };
}

/** A Canopy access token, exchanged as the vendor client does, for the peer's static headers. */
async function canopyToken(baseUrl: string): Promise<string> {
  const { clientId, secretKey, apiKey } = SANDBOX_CREDENTIALS.canopyReferencing;
  const response = await fetch(`${baseUrl}/referencing-requests/client/${encodeURIComponent(clientId)}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ jwtKey: signJwtKey(clientId, secretKey, Date.now()) }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return token.startsWith('Bearer ') ? token : `Bearer ${token}`;
}

/** The tenant's first linked id of each kind, which a client of the peer would have to hold itself. */
async function linkedIds(vendors: Vendors, email: string): Promise<Omit<PeerIds, 'clientId'>> {
  const redis = new Redis(vendors.redis.url);
  try {
    const links = createRedisLinkStore(redis, { prefix: 'rentgraph' });
    const first = async (kind: 'referencingRequest' | 'reposit' | 'account') => (await links.idsFor('default', [email], kind))[0]?.[0] ?? '';
    return { canopyReferenceId: await first('referencingRequest'), repositId: await first('reposit'), accountId: await first('account') };
  } finally {
    redis.disconnect();
  }
}
