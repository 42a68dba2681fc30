import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSandboxMode, needsSandbox } from './agencies/configured-agencies';
import { composeGateway, type ComposedGateway } from './compose';
import { ConfigError, loadConfig, type Config } from './config';
import { redactUrl } from './http/redact-url';
import { createRedisClient, createSubscriberClient, describeRedis, type RedisClient } from './redis-client';
import { configuredSecrets } from './logging/configured-secrets';
import { writeDevTokens } from './logging/dev-tokens-line';
import { createLogger, type Logger } from './logging/logger';
import { migrateLinkKeys } from './links/migrate-link-keys';
import { createSandboxDriver } from './sandbox/driver';
import { seedSandboxLinks } from './sandbox/seed-links';
import { startSandbox, type RunningSandbox } from './sandbox/start';
import { startTelemetry } from './telemetry/start';
import { untilDone } from './until-done';

/** The only place that opens things: config, Redis, the sandbox, the listener, and shutdown. */
async function main(): Promise<void> {
  // First, so that everything after runs with the tracer provider registered.
  const telemetry = startTelemetry();
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel, secrets: configuredSecrets(config) });
  const startup = logger.child({ component: 'startup' });
  if (telemetry) startup.info('telemetry: OpenTelemetry traces exported over OTLP, as the OTEL_* variables say');
  const redis = await connectRedis(config, logger.child({ component: 'redis' }));
  // SUBSCRIBE takes a connection over, so fan-out and change messages get one of their own.
  const subscriber = redis && createSubscriberClient(redis);
  // Connected before anything subscribes: a SUBSCRIBE queued ahead of ioredis's ready check fails it.
  await subscriber?.connect().catch(() => undefined);
  // Before serving when Redis answers; when it does not yet, the gateway serves (not ready) and the links move once it does.
  const linksMoved = redis && untilDone('links: moving to per-agency keys', () => migrateLinkKeys(redis, config.redisKeyPrefix), startup);
  if (redis?.status === 'ready') await linksMoved;
  const sandbox = needsSandbox(config) ? await startSandbox() : undefined;
  const composed = await startOrExplain(() => composeGateway({ config, redis, subscriber, sandbox, logger }));
  for (const line of composed.describe()) startup.info(line);
  announceAuthentication(composed, startup);

  const server = createServer(composed.gateway.listener);
  const closeWebSockets = composed.gateway.attachWebSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // e.g. EADDRINUSE: nothing would be served, so stop
    server.listen(config.port, config.host, resolve);
  });
  startup.info(`rentgraph: GraphQL at ${listeningAt(server)} (public URL ${redactUrl(config.publicUrl)})`);
  const driver = sandbox && (await startSandboxActivity(sandbox, composed, config, logger.child({ component: 'sandbox' })));

  const stop = async (signal: string) => {
    startup.info(`${signal}: stopping`);
    await driver?.stop();
    await closeWebSockets();
    // Open SSE streams would hold the server open: their clients reconnect to another instance.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await composed.dispose();
    await sandbox?.close();
    // Its tokens stopped working with this process's secret.
    if (composed.devTokens) await rm(composed.devTokens.file, { force: true });
    subscriber?.disconnect();
    redis?.disconnect();
    // The spans of the last requests are still buffered.
    await telemetry?.shutdown().catch((error: unknown) => startup.error({ err: error }, 'telemetry: could not flush the last spans'));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Where the server listens: the endpoint's URL, and whether on every interface (HOST unset outside sandbox mode). */
function listeningAt(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const everywhere = address === '::' || address === '0.0.0.0';
  return `http://${host}:${port}/graphql${everywhere ? ' on every interface' : ''}`;
}

/** Says how callers authenticate; AUTH=off and the sandbox's generated tokens are said loudly. */
function announceAuthentication(composed: ComposedGateway, logger: Logger): void {
  if (composed.authMode === 'off') {
    logger.warn('!!! AUTH=off: every caller acts for agency "default" with every scope, unauthenticated.');
    logger.warn('!!! Never expose this gateway beyond a trusted network.');
  }
  // Made in sandbox mode only: no other mode has development tokens to write.
  if (composed.devTokens) writeDevTokens(composed.devTokens);
}

/**
 * What each simulated agency does once with real vendors (asks Reposit to activate webhooks,
 * registers with Canopy), done at start so events flow at once, then the simulated renters and
 * tenants set going.
 */
async function startSandboxActivity(sandbox: RunningSandbox, composed: ComposedGateway, config: Config, logger: Logger) {
  for (const account of sandbox.accounts) {
    // Outside sandbox mode, sandbox-north's accounts play the vendors today's variables leave out of agency `default`.
    const agency = composed.registry.get(isSandboxMode(config) ? account.id : account.id === 'sandbox-north' ? 'default' : '');
    const services = agency && (await composed.agencies.get(agency.id));
    if (!agency || !services) continue;
    void untilDone(`sandbox: seeding ${agency.id}'s demo links`, () => seedSandboxLinks(composed.stores, agency.id, account.simulators), logger);
    await account.connect(agency, services);
  }
  if (!config.sandbox.events) {
    logger.info('sandbox: simulated renter and tenant activity off (SANDBOX_EVENTS=0)');
    return undefined;
  }
  const driver = createSandboxDriver({ simulators: sandbox.activeSimulators(), log: (line) => logger.warn(line) });
  driver.start();
  logger.info('sandbox: simulated renter and tenant activity on');
  return driver;
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    explainAndExit(error);
  }
}

/** Start-up refusals of the configuration (e.g. real vendors without authentication) name the variable and stop. */
async function startOrExplain<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    explainAndExit(error);
  }
}

function explainAndExit(error: unknown): never {
  if (error instanceof ConfigError) {
    // Before the configuration is read there is no LOG_LEVEL: a refusal is always written.
    createLogger().fatal(`rentgraph: bad configuration. ${error.message}`);
    process.exit(1);
  }
  throw error;
}

/**
 * Redis (or the Redis Cluster), or undefined for the single-instance in-memory mode: only when
 * neither REDIS_URL nor REDIS_CLUSTER_NODES was set and the default Redis does not answer. An
 * explicit one that does not answer is kept (ioredis reconnects) and readiness reports it.
 */
async function connectRedis(config: Config, logger: Logger): Promise<RedisClient | undefined> {
  const redis = createRedisClient(config);
  redis.on('error', (error: Error) => logger.error(`redis: ${error.message}`));
  try {
    await redis.connect();
    return redis;
  } catch (error) {
    if (config.redisUrlExplicit || config.redisClusterNodes) {
      logger.error(`redis: ${describeRedis(config)} does not answer (${(error as Error).message}); readiness fails until it does`);
      return redis;
    }
    redis.disconnect();
    logger.warn('!!! Redis does not answer at redis://127.0.0.1:6379 and REDIS_URL is not set.');
    logger.warn('!!! Running as a SINGLE INSTANCE with links and events IN MEMORY: lost on restart, not shared.');
    return undefined;
  }
}

main().catch((error: unknown) => {
  createLogger().fatal({ err: error }, 'rentgraph: failed to start');
  process.exit(1);
});
