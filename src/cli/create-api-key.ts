import { parseArgs } from 'node:util';
import { ApiKeyInputError, createRedisApiKeyStore } from '../auth/api-keys';
import type { Scope } from '../auth/principal';
import { loadConfig } from '../config';
import { createRedisClient, createSubscriberClient, describeRedis } from '../redis-client';

const USAGE = 'usage: npm run create-api-key -- --name <name> --scopes admin,read,write (--all-agencies | --agency <id>)';

/**
 * Makes an API key where Redis is reachable, and prints it once: the way to the first key for all
 * agencies, which a CRM operator then uses to create agencies and their keys through the schema.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, scopes: { type: 'string' }, 'all-agencies': { type: 'boolean', default: false }, agency: { type: 'string' } },
  });
  if (values.name === undefined) fail('--name: required (what the key is for)');
  if (values.scopes === undefined) fail('--scopes: required, a comma-separated list of read, write, pii, admin');
  if (values['all-agencies'] === (values.agency !== undefined)) fail('--all-agencies or --agency <id>: give exactly one');

  const config = loadConfig(process.env);
  const redis = createRedisClient(config);
  const subscriber = createSubscriberClient(redis);
  try {
    await redis.connect();
    const store = createRedisApiKeyStore(redis, { prefix: config.redisKeyPrefix, subscriber });
    const created = await store.create({
      name: values.name,
      agencyId: values.agency ?? null,
      scopes: values.scopes.split(',').map((scope) => scope.trim()) as Scope[],
    });
    await store.dispose();
    const bound = created.record.agencyId === null ? 'all agencies' : `agency ${created.record.agencyId}`;
    console.error(`api key ${created.id} ("${created.record.name}") for ${bound}, scopes ${created.record.scopes.join(' ')}, in ${describeRedis(config)}; it is shown this once:`);
    console.log(created.key);
  } catch (error) {
    if (error instanceof ApiKeyInputError) fail(`--${error.field === 'agencyId' ? 'agency' : error.field}: ${error.message.slice(error.field.length + 2)}`);
    throw error;
  } finally {
    subscriber.disconnect();
    redis.disconnect();
  }
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

main().catch((error: Error) => {
  console.error(`create-api-key: ${error.message}`);
  process.exit(1);
});
