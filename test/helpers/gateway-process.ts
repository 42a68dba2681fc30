import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { request } from 'undici';
import type { GraphQLResponse } from './gateway';
import { freePort } from './redis-server';

/** Variables of the gateway's configuration: none comes from the environment the tests run in. */
const CONFIGURATION = /^(AUTH|CANOPY|REPOSIT|SANDBOX|AGENCIES_FILE|REDIS|CREDENTIALS_KEY|WEBHOOK_SECRET|REPORT_LINK_SECRET|PUBLIC_URL|PORT|METRICS_TOKEN|LOG_LEVEL$|NODE_ENV$|HOST$|CORS_|GRAPHIQL$|INTROSPECTION$|PERSISTED_DOCUMENTS)/;

export interface GatewayProcessOptions {
  /** SANDBOX=1 and SANDBOX_EVENTS=0 unless `env` says otherwise; false: `env` alone, as on a fresh clone with `{}`. @default true */
  sandbox?: boolean;
}

/**
 * The real gateway, `src/main.ts` as `npm start` runs it (the tests' Node with tsx), on a free
 * port, by default in sandbox mode with the driver off. Only `env` configures it, with a
 * REDIS_KEY_PREFIX of its own unless `env` names one; an `undefined` value leaves a variable out.
 * Its output is kept for assertions and failures.
 */
export async function startGatewayProcess(env: Record<string, string | undefined>, options: GatewayProcessOptions = {}) {
  const port = await freePort();
  const prefix = env.REDIS_KEY_PREFIX ?? `test-${randomBytes(6).toString('hex')}`;
  const inherited = Object.entries(process.env).filter(([name]) => !CONFIGURATION.test(name));
  const sandbox = options.sandbox === false ? {} : { SANDBOX: '1', SANDBOX_EVENTS: '0' };
  const childEnv = Object.fromEntries(
    [...inherited, ...Object.entries({ ...sandbox, PORT: String(port), REDIS_KEY_PREFIX: prefix, ...env })].filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;

  /** One GET to the gateway; undefined while it does not listen. */
  async function get(path: string): Promise<{ status: number; body: string } | undefined> {
    try {
      const answer = await request(url + path);
      return { status: answer.statusCode, body: await answer.body.text() };
    } catch {
      return undefined;
    }
  }

  /** Polls until `done` holds; fails naming what it waited for, with the gateway's output. */
  async function waitFor<T>(what: string, poll: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway exited (${child.exitCode ?? child.signalCode}) waiting for ${what}:\n${output}`);
      const value = await poll();
      if (done(value)) return value;
    }
    throw new Error(`timed out waiting for ${what}:\n${output}`);
  }

  /** The gateway's JSON lines so far (anything else it printed is left out). */
  function records(): Array<Record<string, unknown>> {
    return stdout.split('\n').flatMap((line) => {
      try {
        const record = JSON.parse(line) as unknown;
        return record && typeof record === 'object' ? [record as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
  }

  /** The start-up line that carries sandbox mode's development tokens. */
  function devTokensLine(): { tokens: Record<string, string>; file: string } {
    const line = records().find((record) => record.component === 'auth' && record.tokens);
    if (!line) throw new Error(`no development tokens in the start-up log:\n${output}`);
    return line as unknown as { tokens: Record<string, string>; file: string };
  }

  /** The development tokens of sandbox mode, per agency, as the start-up log prints them. */
  function printedTokens(): Record<string, string> {
    return devTokensLine().tokens;
  }

  /** The file the start-up log names as holding the development tokens. */
  function tokenFile(): string {
    return devTokensLine().file;
  }

  return {
    port,
    url,
    /** What the gateway printed so far, stdout and stderr. */
    output: () => output,
    /** The messages of its JSON lines, one a line, as a person reads the log through a pretty-printer. */
    messages: () => records().map((record) => String(record.msg)).join('\n'),
    records,
    get,
    waitFor,
    waitUntilReady: () => waitFor('/readyz 200', () => get('/readyz'), (answer) => answer?.status === 200),
    printedTokens,
    tokenFile,
    /** The token file's tokens, as a developer would read them. */
    async fileTokens(): Promise<Record<string, string>> {
      return JSON.parse(await readFile(tokenFile(), 'utf8')) as Record<string, string>;
    },
    /** POSTs one operation to /graphql with these headers (none: unauthenticated). */
    async graphql<TData = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- untyped documents answer loosely
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ): Promise<{ status: number; body: GraphQLResponse<TData> }> {
      const response = await request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.statusCode, body: (await response.body.json()) as GraphQLResponse<TData> };
    },
    /** How it ended: a refused start exits on its own. */
    exited,
    /** SIGKILL: it dies where it stands, as on a crash or an OOM kill. */
    async kill(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    /** SIGTERM, then the keys it wrote under its prefix go (a prefix given in `env` is the test's to clean). */
    async stop(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (env.REDIS_KEY_PREFIX === undefined) await deleteKeys(prefix);
    },
  };
}

export type GatewayProcess = Awaited<ReturnType<typeof startGatewayProcess>>;

/** Every key under `prefix` in the shared test Redis. */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // no Redis on the default port: the gateway wrote none there either
  } finally {
    redis.disconnect();
  }
}
