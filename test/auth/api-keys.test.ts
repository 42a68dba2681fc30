import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ApiKeyInputError, createRedisApiKeyStore, type ApiKeyStore } from '../../src/auth/api-keys';

const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
const prefix = `test-${randomUUID()}`;
const opened: Array<{ store: ApiKeyStore; connections: Redis[] }> = [];

/** A store on connections of its own, as another gateway instance would have. */
async function openStore(recheckMs?: number): Promise<ApiKeyStore> {
  const connections = [new Redis('redis://127.0.0.1:6379'), new Redis('redis://127.0.0.1:6379')];
  const store = createRedisApiKeyStore(connections[0]!, { prefix, subscriber: connections[1]!, recheckMs });
  await store.subscribed;
  opened.push({ store, connections });
  return store;
}

afterEach(async () => {
  for (const { store, connections } of opened.splice(0)) {
    await store.dispose();
    for (const connection of connections) connection.disconnect();
  }
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('the Redis API key store', () => {
  it('makes a 256-bit key with a recognisable prefix, and answers it by lookup', async () => {
    const store = await openStore();
    const { id, key, record } = await store.create({ name: ' CRM backend ', agencyId: 'agency-a', scopes: ['write', 'read'] });
    expect(key).toMatch(/^rgk_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({ id, name: 'CRM backend', agencyId: 'agency-a', scopes: ['read', 'write'], createdAt: expect.any(String) });
    expect(await store.lookup(key)).toEqual(record);
    expect(await store.lookup(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(await store.lookup('rgk_short')).toBeUndefined();
  });

  it('keeps only the hash in Redis: no value holds the key, and the list shows neither', async () => {
    const store = await openStore();
    const { key } = await store.create({ name: 'scan me', agencyId: 'agency-a', scopes: ['read'] });
    const hash = createHash('sha256').update(key).digest('hex');
    const secretPart = key.slice('rgk_'.length);

    const values: string[] = [];
    for (const redisKey of await redis.keys(`${prefix}:*`)) {
      const type = await redis.type(redisKey);
      if (type === 'string') values.push((await redis.get(redisKey))!);
      if (type === 'list') values.push(...(await redis.lrange(redisKey, 0, -1)));
      if (type === 'hash') values.push(...Object.entries(await redis.hgetall(redisKey)).flat());
      values.push(redisKey);
    }
    expect(values.some((value) => value.includes(secretPart))).toBe(false);
    expect(values.some((value) => value.includes(hash))).toBe(true);

    const listed = JSON.stringify(await store.list('agency-a'));
    expect(listed).toContain('scan me');
    expect(listed).not.toContain(hash);
    expect(listed).not.toContain(secretPart);
  });

  it('lists each agency its own keys, and the keys for all agencies apart', async () => {
    const store = await openStore();
    const a = await store.create({ name: 'a', agencyId: 'list-a', scopes: ['read'] });
    const b = await store.create({ name: 'b', agencyId: 'list-b', scopes: ['read'] });
    const all = await store.create({ name: 'all', agencyId: null, scopes: ['read'] });
    expect((await store.list('list-a')).map((record) => record.id)).toEqual([a.id]);
    expect((await store.list('list-b')).map((record) => record.id)).toEqual([b.id]);
    expect((await store.list(null)).map((record) => record.id)).toContain(all.id);
    expect((await store.list(null)).map((record) => record.id)).not.toContain(a.id);
  });

  it("revokes only under the binding asked for, so one agency cannot revoke another agency's key", async () => {
    const store = await openStore();
    const { id, key } = await store.create({ name: 'a', agencyId: 'agency-a', scopes: ['read'] });
    expect(await store.revoke(id, 'agency-b')).toBe(false);
    expect(await store.revoke(id, null)).toBe(false);
    expect(await store.lookup(key)).toBeDefined();
    expect(await store.revoke(id, 'agency-a')).toBe(true);
    expect(await store.lookup(key)).toBeUndefined();
    expect(await store.list('agency-a')).not.toContainEqual(expect.objectContaining({ id }));
    expect(await store.revoke(id, 'agency-a')).toBe(false);
  });

  it('a revocation on one instance reaches another at once, cached lookup or not', async () => {
    // a long recheck: only the published revocation can make the second instance let go within a second
    const [here, there] = [await openStore(60_000), await openStore(60_000)];
    const { id, key } = await here.create({ name: 'a', agencyId: 'agency-a', scopes: ['read'] });
    expect(await there.lookup(key)).toBeDefined();
    expect(await there.stillActive(id, 'agency-a')).toBe(true);

    await here.revoke(id, 'agency-a');
    await vi.waitFor(async () => {
      expect(await there.lookup(key)).toBeUndefined();
      expect(await there.stillActive(id, 'agency-a')).toBe(false);
    }, { timeout: 1000, interval: 20 });
  });

  it('tells whether a key still stands, for the agency a key for all agencies acts for', async () => {
    const store = await openStore();
    const all = await store.create({ name: 'all', agencyId: null, scopes: ['read'] });
    expect(await store.stillActive(all.id, 'agency-z')).toBe(true);
    expect(await store.stillActive('key_000000000000000000000000', 'agency-z')).toBe(false);
    await store.revoke(all.id, null);
    expect(await store.stillActive(all.id, 'agency-z')).toBe(false);
  });

  it('refuses bad input, naming the field and the rule', async () => {
    const store = await openStore();
    const failure = (input: Parameters<ApiKeyStore['create']>[0]) => store.create(input).then(() => undefined, (error: unknown) => error);
    expect(await failure({ name: '', agencyId: 'a', scopes: ['read'] })).toMatchObject({ field: 'name' });
    expect(await failure({ name: 'x', agencyId: 'Agency A', scopes: ['read'] })).toMatchObject({ field: 'agencyId' });
    expect(await failure({ name: 'x', agencyId: 'a', scopes: [] })).toMatchObject({ field: 'scopes', message: 'scopes: expected at least one scope' });
    const unknown = await failure({ name: 'x', agencyId: 'a', scopes: ['root' as never] });
    expect(unknown).toBeInstanceOf(ApiKeyInputError);
    expect((unknown as Error).message).toBe('scopes: expected only read, write, pii, admin, got "root"');
  });
});
