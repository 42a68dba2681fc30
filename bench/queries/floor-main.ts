import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config';
import { createReportLinks } from '../../src/http/report-links';
import { createRedisLinkStore } from '../../src/links/redis-link-store';
import type { Agency } from '../../src/agencies/agency';
import { createVendorClients, createVendorPools } from '../../src/sources/clients';
import { floorDashboard } from './floor-dashboard';

/**
 * The floor: node:http and the vendor clients' undici pools answering the tenant dashboard by
 * hand (floor-dashboard.ts). Configured like src/main.ts (PORT, REDIS_URL, vendor credentials).
 */
const config = loadConfig();
const { canopyReferencing, canopyServicing, reposit } = config.agency;
if (!canopyReferencing || !canopyServicing || !reposit) throw new Error('floor: every vendor needs credentials');
const agency: Agency = { id: config.agency.id, name: 'floor', source: 'environment', vendors: { canopyReferencing, canopyServicing, reposit } };
const redis = new Redis(config.redisUrl);
const links = createRedisLinkStore(redis, { prefix: 'rentgraph' });
const pools = createVendorPools(config.vendorConnections);
const clients = createVendorClients(agency, pools, { repositReferrerToken: config.repositReferrerToken });
// Signed as rentgraph signs its links, with a key of the floor's own: the same work per link.
const reportLinks = createReportLinks({ publicUrl: config.publicUrl, key: config.reportLinkSecret ?? randomBytes(32).toString('base64url') });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { email: string } };
    floorDashboard({ clients, links, reportLinks }, agency.id, variables.email).then(
      (answer) => {
        const text = JSON.stringify(answer);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      },
    );
  });
});
server.listen(config.port, '127.0.0.1', () => console.log(`floor: listening on ${config.port}`));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void pools.close().then(() => {
    redis.disconnect();
    process.exit(0);
  }));
});
