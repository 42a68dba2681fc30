import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agency } from '../../src/agencies/agency';
import { createCredentialCipher } from '../../src/agencies/credential-cipher';
import { createAgencyRegistry, type AgencyRegistryOptions } from '../../src/agencies/registry';
import { createRuntimeAgencyStore } from '../../src/agencies/runtime-agencies';
import { DEFAULT_BASE_URLS } from '../../src/agencies/agency-input';
import { startRedisServer } from '../helpers/redis-server';

const REPOSIT = { apiKey: 'sk_live_runtime-reposit-key-that-must-not-show' };
const FILE_AGENCY: Agency = { id: 'north', name: 'North', source: 'file', vendors: { reposit: { baseUrl: DEFAULT_BASE_URLS.reposit, apiKey: 'sk_live_file-key' } } };
const cipher = createCredentialCipher({ current: randomBytes(32) });

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connect(options: RedisOptions = {}): Redis {
  const redis = new Redis({ host: '127.0.0.1', port: 6379, ...options });
  redis.on('error', () => undefined);
  cleanups.push(async () => redis.disconnect());
  return redis;
}

/** One gateway instance: its own connections, its own registry, and what it logged. */
function instance(prefix: string, options: Partial<AgencyRegistryOptions> & { redisOptions?: RedisOptions; listening?: boolean } = {}) {
  const { redisOptions, listening = true, ...registryOptions } = options;
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);
  const redis = connect(redisOptions);
  // Named, so that a test can find it in CLIENT LIST.
  const subscriber = listening ? connect({ ...redisOptions, connectionName: `${prefix}-subscriber-${randomBytes(3).toString('hex')}` }) : undefined;
  const registry = createAgencyRegistry({
    configured: [],
    runtime: createRuntimeAgencyStore({ redis, prefix, cipher, log }),
    subscriber,
    resyncIntervalMs: 3_600_000,
    log,
    ...registryOptions,
  });
  cleanups.push(() => registry.dispose());
  return { registry, redis, subscriber, logged };
}

function usePrefix(port = 6379): string {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  cleanups.push(async () => {
    const redis = new Redis({ host: '127.0.0.1', port, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => undefined);
    await redis.connect().catch(() => undefined);
    if (redis.status !== 'ready') return;
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  return prefix;
}

/** Polls until `check` passes, or fails with its last error once `ms` have passed. */
async function within(ms: number, check: () => void): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(10);
    }
  }
}

describe('agency registry', () => {
  it('shows a change made on one instance on another within a second, and tells its listeners', async () => {
    const prefix = usePrefix();
    const one = instance(prefix);
    const other = instance(prefix);
    await Promise.all([one.registry.ready, other.registry.ready]);
    const heard: string[] = [];
    other.registry.onChange((id) => heard.push(id));

    await one.registry.create({ id: 'west', name: 'West' });
    expect(one.registry.get('west')).toMatchObject({ id: 'west', source: 'runtime' });
    await within(1000, () => expect(other.registry.get('west')).toEqual({ id: 'west', name: 'West', source: 'runtime', vendors: {} }));

    await one.registry.setVendorCredentials('west', 'reposit', REPOSIT);
    await within(1000, () => expect(other.registry.get('west')?.vendors.reposit?.apiKey).toBe(REPOSIT.apiKey));

    await one.registry.delete('west');
    await within(1000, () => expect(other.registry.get('west')).toBeUndefined());
    expect(other.registry.list()).toEqual([]);
    expect(heard).toEqual(['west', 'west', 'west']);
    for (const line of [...one.logged, ...other.logged]) expect(line).not.toContain(REPOSIT.apiKey);
  });

  it('reads the run-time agencies there are at start, beside the configured ones', async () => {
    const prefix = usePrefix();
    const first = instance(prefix, { configured: [FILE_AGENCY] });
    await first.registry.ready;
    await first.registry.create({ id: 'west', name: 'West' });
    const later = instance(prefix, { configured: [FILE_AGENCY] });
    await later.registry.ready;
    expect(later.registry.list().map((agency) => `${agency.id}:${agency.source}`)).toEqual(['north:file', 'west:runtime']);
  });

  it('refuses to change a configured agency or to take its id, and ignores a run-time agency under it', async () => {
    const prefix = usePrefix();
    const { registry, redis, logged } = instance(prefix, { configured: [FILE_AGENCY, { id: 'default', name: 'Default', source: 'environment', vendors: {} }] });
    await registry.ready;
    await expect(registry.create({ id: 'north', name: 'Impostor' })).rejects.toMatchObject({
      code: 'AGENCY_CONFIGURED',
      message: 'id: agency "north" is defined in AGENCIES_FILE; change it there',
    });
    await expect(registry.setVendorCredentials('default', 'reposit', REPOSIT)).rejects.toThrow('id: agency "default" is defined in the environment; change it there');
    await expect(registry.delete('north')).rejects.toMatchObject({ code: 'AGENCY_CONFIGURED' });

    // Written by an instance that had no AGENCIES_FILE: the file's agency still wins here.
    await createRuntimeAgencyStore({ redis, prefix, cipher }).create({ id: 'north', name: 'Impostor' });
    await within(1000, () => expect(logged).toContain('agencies: run-time agency north is ignored, as AGENCIES_FILE defines north'));
    expect(registry.get('north')).toBe(FILE_AGENCY);
    expect(registry.list()).toHaveLength(2);
  });

  it('without Redis serves the configured agencies and refuses changes', async () => {
    const registry = createAgencyRegistry({ configured: [FILE_AGENCY] });
    await registry.ready;
    expect(registry.get('north')).toBe(FILE_AGENCY);
    await expect(registry.create({ id: 'west', name: 'West' })).rejects.toMatchObject({ code: 'RUNTIME_CHANGES_REFUSED' });
    await registry.dispose();
  });

  it('reads everything again after its subscription connection comes back, so a change missed meanwhile is seen', async () => {
    const prefix = usePrefix();
    const one = instance(prefix);
    // Reconnects only after a pause, in which the change below is published to no one.
    const other = instance(prefix, { redisOptions: { retryStrategy: () => 300 } });
    await Promise.all([one.registry.ready, other.registry.ready]);
    const subscriber = other.subscriber!;
    const closed = new Promise((resolve) => subscriber.once('close', resolve));
    const clients = (await one.redis.client('LIST')) as string;
    const line = clients.split('\n').find((client) => client.includes(` name=${subscriber.options.connectionName} `));
    await one.redis.client('KILL', 'ID', /^id=(\d+) /.exec(line ?? '')![1]!);
    await closed;

    await one.registry.create({ id: 'west', name: 'West' });
    await within(2000, () => expect(other.registry.get('west')).toMatchObject({ id: 'west' }));
  });

  it('reads everything again every resyncIntervalMs, for a change no message told of', async () => {
    const prefix = usePrefix();
    const one = instance(prefix);
    const deaf = instance(prefix, { listening: false, resyncIntervalMs: 50 });
    await deaf.registry.ready;
    await one.registry.create({ id: 'west', name: 'West' });
    await within(1000, () => expect(deaf.registry.get('west')).toMatchObject({ id: 'west' }));
    await one.registry.delete('west');
    await within(1000, () => expect(deaf.registry.get('west')).toBeUndefined());
  });

  it('keeps serving the last agencies read while Redis is down', async () => {
    const server = await startRedisServer();
    cleanups.push(() => server.stop());
    const prefix = usePrefix(server.port);
    const { registry, logged } = instance(prefix, { resyncIntervalMs: 50, redisOptions: { port: server.port, maxRetriesPerRequest: 1, retryStrategy: () => 100 } });
    await registry.ready;
    await registry.create({ id: 'west', name: 'West' });
    await registry.setVendorCredentials('west', 'reposit', REPOSIT);
    const before = registry.get('west');

    await server.stop();
    await within(5000, () => expect(logged.some((line) => line.startsWith('agencies: run-time agencies could not be read'))).toBe(true));
    expect(registry.get('west')).toEqual(before);
    expect(registry.list()).toEqual([before]);
    for (const line of logged) expect(line).not.toContain(REPOSIT.apiKey);
  });
});
