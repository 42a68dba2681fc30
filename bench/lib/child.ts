import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCore } from './cpu-pinning';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Node 24 from the `node` package, so children run on what the project pins whatever the machine has. */
const NODE = `${ROOT}node_modules/.bin/node`;
/** The gateway's entry: a child running it gets the Node flags of its checkout's `npm start`, as users run it. */
const GATEWAY_ENTRY = 'src/main.ts';

export interface ChildOptions {
  /** A TypeScript entry file, relative to `root`. */
  entry: string;
  /** The checkout to run in, e.g. an earlier version's worktree. @default this repository */
  root?: string;
  env?: Record<string, string>;
  /** Extra Node flags (`--cpu-prof`, …). */
  nodeArgs?: string[];
  /** Arguments after the entry file. */
  args?: string[];
  /** The CPU core to pin the child to, where `taskset` exists. */
  core?: number;
  /** A line of output that says the child is ready. */
  ready: RegExp;
  /** How long to wait for that line. @default 30000 */
  timeoutMs?: number;
  /** Opens an IPC channel to the child (`Child.process.send`), for a probe loaded with `--import`. */
  ipc?: boolean;
}

export interface Child {
  pid: number;
  /** The match of `ready` in the child's output. */
  match: RegExpMatchArray;
  process: ChildProcess;
  /** Whether it still runs: a server that died under load is a result too. */
  alive(): boolean;
  /** Stops the child (SIGTERM, SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts `node --import tsx <entry> [args]` as one process (no tsx wrapper process), so its pid is the one to measure. */
export async function startChild(options: ChildOptions): Promise<Child> {
  installExitHook();
  const startFlags = options.entry === GATEWAY_ENTRY ? npmStartFlags(options.root ?? ROOT) : [];
  const args = ['--import', 'tsx', ...startFlags, ...(options.nodeArgs ?? []), options.entry, ...(options.args ?? [])];
  const [command, commandArgs] = onCore(options.core, NODE, args);
  const child = spawn(command, commandArgs, {
    cwd: options.root ?? ROOT,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  let output = '';
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${options.entry}: not ready after ${options.timeoutMs ?? 30_000} ms`)), options.timeoutMs ?? 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.slice(-4_000)}`));
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(options.ready);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`${options.entry}: exited with ${code} before it was ready`)));
  });
  // Keep draining the pipes so a chatty child never blocks on a full one.
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').on('data', (chunk: Buffer) => process.stderr.write(chunk));

  return {
    // taskset execs the node binary, so the pid is node's either way.
    pid: child.pid!,
    match,
    process: child,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The flags before `--import` in `node <flags> --import tsx src/main.ts`; none for a start script of another shape (`tsx src/main.ts`). */
function npmStartFlags(root: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const words = scripts?.start?.trim().split(/\s+/) ?? [];
  const imports = words.indexOf('--import');
  return words[0] === 'node' && imports > 0 ? words.slice(1, imports) : [];
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The children take their settings from `extra` only, never from a developer's own vendor credentials.
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[name]) env[name] = process.env[name];
  return { ...env, NODE_ENV: 'production', ...extra };
}

/** A child left running by a crash of the bench would hold its port: kill every one on the way out. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}
