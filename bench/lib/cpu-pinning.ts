import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * The machine's cores, counted once at start: availableParallelism() follows this process's own
 * affinity, so once it is pinned to one core it would answer 1.
 */
const CORES = availableParallelism();

/** Whether processes can be pinned to cores: `taskset` exists and there is more than one core. */
export const canPin: boolean = CORES > 1 && hasTaskset();

/** The command line that runs `command` on one core, or unpinned when pinning is not possible. */
export function onCore(core: number | undefined, command: string, args: string[]): [string, string[]] {
  if (!canPin || core === undefined) return [command, args];
  return ['taskset', ['-c', String(core % CORES), command, ...args]];
}

/** Moves this process (the load generator) to the given cores, e.g. `'1'` or `'0-1'`; a no-op without taskset. */
export function pinThisProcess(cores: string): void {
  if (!canPin) return;
  execFileSync('taskset', ['-a', '-cp', cores, String(process.pid)], { stdio: 'ignore' });
}

/** Every core, in taskset's list syntax. */
export function allCores(): string {
  return `0-${CORES - 1}`;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
